// README's main command, as a person runs it: `npm run demo` (tsx through Vite's module runner, the build, the
// whole relay on the bundled demo pages) finishes and says the token reached Okta and was forgotten.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('npm run demo captures on InVision, fills, tests and saves in Okta, and forgets the token', async () => {
  const { stdout } = await promisify(execFile)('npm', ['run', 'demo'], { timeout: 180_000, maxBuffer: 10 * 1024 * 1024 });
  expect(stdout).toMatch(/Token filled and tested › Okta says: "InVision was verified successfully!"/);
  expect(stdout).toMatch(/Token forgotten: yes; Okta received it in 2 request\(s\) \(its own test and save\)/);
}, 200_000);
