// Size budgets on the production build that globalSetup just made: content scripts ride along with every
// matching admin page, so they must stay small. No timings here: those belong to `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../harness/browser';
import { entrypointSizes } from '../harness/bundle';

describe('bundle size budgets (gzip)', () => {
  const entrypoints = entrypointSizes(EXTENSION_DIR);

  const contentScripts = entrypoints.filter((e) => e.name.startsWith('content script'));

  it('finds the content scripts, the background and the popup', () => {
    const names = entrypoints.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['content script content-scripts/invision.js', 'content script content-scripts/okta.js']));
    expect(names).toEqual(expect.arrayContaining(['background', 'popup']));
  });

  it.each(entrypoints.map((e) => [e.name, e] as const))('%s is within its budget', (_name, entry) => {
    expect(entry.gzip, `${entry.files.join(' + ')}`).toBeLessThanOrEqual(entry.budget);
  });

  // Markers of the two libraries content scripts leave to the background and extension pages (utils/check.ts,
  // wxt.config.ts); the background carrying both proves the markers still name them.
  const ZOD = '$ZodType';
  const POLYFILL = '__mozWebExtensionPolyfillReject__';
  const read = (file: string) => readFileSync(join(EXTENSION_DIR, file), 'utf8');

  it('content scripts carry neither zod nor webextension-polyfill; the background carries both', () => {
    for (const entry of contentScripts) {
      for (const file of entry.files) {
        expect(read(file), file).not.toContain(ZOD);
        expect(read(file), file).not.toContain(POLYFILL);
      }
    }
    const background = entrypoints.find((e) => e.name === 'background')!.files.map(read).join('');
    expect(background).toContain(ZOD);
    expect(background).toContain(POLYFILL);
  });
});
