// "One adapter file adds an IdP", proven: a copy of the project gets exactly two new files, an invented IdP's
// adapter and its one fixture page (tests/fixtures/fourth-idp/, laid over the copy as they are), and nothing else
// changes; the copy's production build then runs the same hand-off as the real IdPs on that IdP's page, served at
// its own host. A registry line, an entrypoint or a harness file the new IdP needed would make it fail.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TargetAdapter } from '../../utils/adapters/types';
import { panelText } from '../harness/extension';
import { describeHandOff } from '../harness/handoff';
import { defaultHarness } from '../harness/idps/default';
import { startSession } from '../harness/session';

const ROOT = resolve(import.meta.dirname, '../..');
const OVERLAY = resolve(ROOT, 'tests/fixtures/fourth-idp');
/** Built or installed, not written: what the copy leaves out (node_modules is linked). */
const NOT_SOURCE = new Set(['node_modules', '.output', '.git', '.wxt', 'demo-output', 'bench/out']);

/** Every file under `dir` (relative path → content hash), skipping what is not source. */
function tree(dir: string, under = dir): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const name = relative(under, path);
    if (NOT_SOURCE.has(name)) continue;
    if (entry.isDirectory()) for (const [file, hash] of tree(path, under)) files.set(file, hash);
    else if (entry.isFile()) files.set(name, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return files;
}

const copy = mkdtempSync(join(tmpdir(), 'scim-relay-fourth-idp-'));
cpSync(ROOT, copy, { recursive: true, filter: (source) => !NOT_SOURCE.has(relative(ROOT, source)) });
symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
const added = [...tree(OVERLAY).keys()];
cpSync(OVERLAY, copy, { recursive: true });
// Read from the overlay, the same file as the copy's: the copy has no .wxt/tsconfig.json until its build.
const { default: acme, fixtures: acmeFixtures } = (await import(join(OVERLAY, 'utils/adapters/acme.target.ts'))) as { default: TargetAdapter; fixtures: string[] };

// The copy's production build (as tests/e2e/build.setup.ts makes this tree's), before any test of this file.
beforeAll(() => {
  execFileSync('npx', ['wxt', 'build'], { cwd: copy, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
}, 120_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('a fourth IdP from one adapter file and one fixture', () => {
  it('the copy differs from the project by exactly those two new files', () => {
    expect(added.sort()).toEqual(['tests/fixtures/acme/provisioning.html', 'utils/adapters/acme.target.ts']);
    const original = tree(ROOT);
    const copied = tree(copy);
    const changed = [...copied].filter(([file, hash]) => original.get(file) !== hash).map(([file]) => file);
    expect(changed.sort()).toEqual(added);
    expect([...original.keys()].filter((file) => !copied.has(file))).toEqual([]);
  });

  it('its build has a content script for it that matches its pages only', () => {
    const manifest = JSON.parse(readFileSync(join(copy, '.output/chrome-mv3/manifest.json'), 'utf8')) as {
      content_scripts: { matches: string[]; js: string[] }[];
    };
    expect(manifest.content_scripts.find((script) => script.js.includes('content-scripts/acme.js'))?.matches).toEqual(acme.matches);
  });

  it('InVision’s card names it among the IdPs to take the token to', async () => {
    const session = await startSession({}, { dir: join(copy, '.output/chrome-mv3') });
    try {
      const invision = await session.capture();
      expect(await panelText(invision)).toContain(
        "Open the InVision app's provisioning settings in your IdP (Okta, OneLogin, Microsoft Entra ID, Acme Identity)",
      );
    } finally {
      await session.close();
    }
  });
});

describeHandOff(acme, defaultHarness(acme, acmeFixtures, join(copy, 'tests/fixtures')), {
  extensionDir: () => join(copy, '.output/chrome-mv3'),
  fixturesDir: () => join(copy, 'tests/fixtures'),
});
