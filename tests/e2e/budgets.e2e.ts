// Size budgets on the production build that globalSetup just made: content scripts ride along with every
// matching admin page, so they must stay small. No timings here: those belong to `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../harness/browser';
import { entrypointSizes, KNOWN_OVER_BUDGET } from '../harness/bundle';

describe('bundle size budgets (gzip)', () => {
  const entrypoints = entrypointSizes(EXTENSION_DIR);

  const contentScripts = entrypoints.filter((e) => e.name.startsWith('content script'));

  it('finds the content scripts, the background and the popup', () => {
    const names = entrypoints.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['content script content-scripts/invision.js', 'content script content-scripts/okta.js']));
    expect(names).toEqual(expect.arrayContaining(['background', 'popup']));
  });

  it.each(entrypoints.map((e) => [e.name, e] as const))('%s is within its budget', (_name, entry) => {
    expect(entry.gzip, `${entry.files.join(' + ')}`).toBeLessThanOrEqual(KNOWN_OVER_BUDGET[entry.main] ?? entry.budget);
  });

  it('the built-in sites’ content scripts carry no zod (they parse with utils/protocol-inbound.ts)', () => {
    for (const entry of contentScripts.filter((e) => !(e.main in KNOWN_OVER_BUDGET))) {
      for (const file of entry.files) expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toContain('$ZodType');
    }
  });
});
