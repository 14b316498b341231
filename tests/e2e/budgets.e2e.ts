// Size budgets on the production build that globalSetup just made: content scripts ride along with every
// matching admin page, so they must stay small. No timings here: those belong to `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS, TARGET_ADAPTERS } from '../../utils/adapters';
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

  // Content scripts are generated per adapter file (modules/adapter-scripts.ts): each must carry its own adapter
  // and no other site's, whose controls (named in the card's messages) mark where an adapter went.
  it.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('content-scripts/%s.js carries its own adapter and no IdP’s other than its own', (id, adapter) => {
    const script = read(`content-scripts/${id}.js`);
    // Booleans, not the script's text: a failure names the adapter, not 60 KB of code.
    if (adapter.role === 'target') expect(script.includes(adapter.test.name), `carries its own adapter`).toBe(true);
    for (const other of TARGET_ADAPTERS.filter((one) => one !== adapter)) expect(script.includes(other.test.name), `carries ${other.id}’s adapter`).toBe(false);
  });
});
