// Promise 10 (dependencies): what ships stays few and pinned. The advisory check itself is `npm run audit:prod`,
// which needs the registry's audit endpoint; this test is the offline half (read from package-lock.json).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean; version?: string }>;
};

/** Runtime code that ends up in the extension, and why each is worth its weight. */
const ALLOWED_RUNTIME = {
  preact: 'popup and in-page card UI (3 KB)',
  'webextension-polyfill': 'one promise-based `browser` API for Chromium and Firefox',
  zod: 'schema checks on every message (zod/mini)',
};

describe('production dependencies', () => {
  it('are exactly the allow-listed runtime libraries, pinned to exact versions', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(Object.keys(ALLOWED_RUNTIME).sort());
    for (const version of Object.values(pkg.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('pull in nothing else (the lockfile’s non-dev tree is the allow-list)', () => {
    const shipped = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(shipped.sort()).toEqual(Object.keys(ALLOWED_RUNTIME).sort());
  });

  // The audit itself needs the registry's advisory endpoint, which this offline test cannot reach: it checks only
  // that the script asks for the production tree and stops at high severity.
  it('name an advisory check script limited to production packages at high severity', () => {
    expect(pkg.scripts['audit:prod']).toBe('npm audit --omit=dev --audit-level=high');
  });
});
