// Runs a Node script of ours (the demo, the bench, the profiler) through Vite's module runner: the adapters'
// registry finds its files with import.meta.glob (utils/adapters/index.ts), which Vite understands and tsx alone
// does not. Usage: tsx tests/harness/run-script.ts <script> [its arguments].
import { resolve } from 'node:path';
import { createServer } from 'vite';

const [script] = process.argv.splice(2, 1); // the script finds its own arguments where it expects them
if (!script) throw Error('usage: tsx tests/harness/run-script.ts <script> [arguments]');
const server = await createServer({
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true },
});
try {
  await server.ssrLoadModule(resolve(script));
} finally {
  await server.close();
}
