// Size budgets on the production build that globalSetup just made: content scripts ride along with every
// matching admin page, so they must stay small. No timings here: those belong to `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../harness/browser';
import { entrypointSizes } from '../harness/bundle';

describe('bundle size budgets (gzip)', () => {
  const entrypoints = entrypointSizes(EXTENSION_DIR);

  it('finds both content scripts, the background and the popup in the manifest', () => {
    expect(entrypoints.map((e) => e.name)).toEqual([
      'content script content-scripts/invision.js',
      'content script content-scripts/okta.js',
      'background',
      'popup',
    ]);
  });

  it.each(entrypoints.map((e) => [e.name, e] as const))('%s is within its budget', (_name, entry) => {
    expect(entry.gzip, `${entry.files.join(' + ')}`).toBeLessThanOrEqual(entry.budget);
  });

  it('content scripts carry no zod (they parse with utils/protocol-inbound.ts)', () => {
    for (const entry of entrypoints.filter((e) => e.name.startsWith('content script'))) {
      for (const file of entry.files) expect(readFileSync(join(EXTENSION_DIR, file), 'utf8')).not.toContain('$ZodType');
    }
  });
});
