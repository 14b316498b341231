// Every adapter names the fixtures that prove it, each named fixture exists, and no fixture is orphaned:
// everything under tests/fixtures belongs to an adapter, to the user-defined source, or to the hostile set.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../utils/adapters';
import { CUSTOM_SOURCE_FIXTURES } from '../../utils/custom-sources/sources';
import { fixturesOf } from '../harness/adapter-fixtures';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
/**
 * Pages added into an adapter's page by a test: hostile ones prove refusals, framework ones a framework's habits;
 * fourth-idp/ is a whole IdP that tests/e2e/fourth-idp.e2e.ts adds to a copy of the project.
 */
const INJECTED_DIRS = ['hostile/', 'framework/', 'fourth-idp/'];
const injected = (file: string) => INJECTED_DIRS.some((dir) => file.startsWith(dir));

function allFixtures(dir = FIXTURES): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFixtures(join(dir, entry.name)) : [relative(FIXTURES, join(dir, entry.name))],
  );
}

/** Where fixtures are served from: a page no test, harness, contract row or the demo names is not proving anything. */
const USERS = ['e2e', 'harness', 'contract', 'demo.ts'].map((name) => resolve(import.meta.dirname, '..', name));

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
}

describe('fixtures', () => {
  it.each(ADAPTERS.map((a) => [a.id, fixturesOf(a)] as const))('%s lists its fixtures, and each exists', (_id, fixtures) => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const file of fixtures) expect(existsSync(resolve(FIXTURES, file)), file).toBe(true);
  });

  it('the user-defined source lists its fixtures too, and each exists', () => {
    expect(CUSTOM_SOURCE_FIXTURES.length).toBeGreaterThan(0);
    for (const file of CUSTOM_SOURCE_FIXTURES) expect(existsSync(resolve(FIXTURES, file)), file).toBe(true);
  });

  it('every fixture file is listed by some adapter or is added into one by a test (hostile/, framework/)', () => {
    const listed = new Set([...ADAPTERS.flatMap(fixturesOf), ...CUSTOM_SOURCE_FIXTURES]);
    // A directory entry ("okta/blind/") lists every page in it; its README (how each page is driven, its sources)
    // travels with them. Content scripts carry the adapters, so one entry costs less than fifteen paths.
    const inListedDir = (file: string) => [...listed].some((entry) => entry.endsWith('/') && file.startsWith(entry));
    const orphans = allFixtures().filter((file) => !listed.has(file) && !inListedDir(file) && !injected(file) && !file.endsWith('/README.md'));
    expect(orphans).toEqual([]);
  });

  it('every page an adapter or the user-defined source lists is served by some test, harness, contract row or the demo', () => {
    const users = USERS.flatMap(filesUnder).map((file) => readFileSync(file, 'utf8')).join('\n');
    const listed = [...ADAPTERS.flatMap(fixturesOf), ...CUSTOM_SOURCE_FIXTURES];
    const pages = allFixtures().filter((file) => file.endsWith('.html') && listed.some((entry) => entry === file || (entry.endsWith('/') && file.startsWith(entry))));
    expect(pages.length).toBeGreaterThan(listed.length - 1);
    expect(pages.filter((file) => !users.includes(file))).toEqual([]);
  });

  it('each fixture starts with the facts it reproduces and what is reconstructed', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of allFixtures().filter((f) => f.endsWith('.html') && !injected(f))) {
      const head = readFileSync(resolve(FIXTURES, file), 'utf8').slice(0, 3000);
      expect(head, file).toMatch(/<!--[\s\S]*(reproduce|public facts|public sources|sources:|reconstructed)/i);
    }
  });
});
