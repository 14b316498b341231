// Builds the production extension (Chromium and Firefox) once before the e2e files run, so they test what ships.
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
}
