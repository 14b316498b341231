// Builds the production extension (Chromium and Firefox) once before the e2e files run, so they test what ships.
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.SKIP_BUILD === '1') return;
  // Vitest runs with NODE_ENV=test, which would make Vite build development JSX (file names, line numbers):
  // not what `npm run build` ships, and ~300 bytes gzip more in every content script the size budgets weigh.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit', env });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit', env });
}
