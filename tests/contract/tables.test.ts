// The tables themselves: every adapter has one, it covers every fixture the adapter lists and every control it
// declares, each control the engine acts on has a row where pick() accepts it, and every row names real
// controls. A new adapter, fixture or control without contract rows fails here, without a browser.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../utils/adapters';
import type { Adapter } from '../../utils/adapters/types';
import { FIXTURES_DIR } from '../harness/sites';
import { ACTED_ON, controlAt, controlPaths, stepTarget, uncheckedControls } from './table';
import { listedPages, rowsOf, TABLES } from './tables';

/** The whole list in the failure, and where to fix it: vitest shortens long arrays in its diff. */
const addRows = (adapter: Adapter, what: string[]) =>
  `add rows to tests/contract/${adapter.id}.contract.ts for: ${what.join(', ')} (npx tsx tests/contract/draft.ts ${adapter.id} drafts them)`;

describe('locator contract tables', () => {
  it('every adapter in the registry has a table', () => {
    const missing = ADAPTERS.filter((adapter) => !rowsOf(adapter).length).map((adapter) => `${adapter.id} (add tests/contract/${adapter.id}.contract.ts)`);
    expect(missing).toEqual([]);
  });

  it.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s: every listed fixture has rows', (_id, adapter) => {
    const used = new Set(rowsOf(adapter).flatMap((row) => [row.fixture, ...Object.values(row.frames ?? {})]));
    const unused = listedPages(adapter).filter((fixture) => !used.has(fixture));
    expect(unused, addRows(adapter, unused)).toEqual([]);
  });

  it.each(ADAPTERS.map((adapter) => [adapter.id, adapter] as const))('%s: every control it declares has a row', (_id, adapter) => {
    const unchecked = uncheckedControls(adapter, rowsOf(adapter));
    expect(unchecked, addRows(adapter, unchecked)).toEqual([]);
  });

  it.each(ADAPTERS.filter((a) => a.role === 'target').map((adapter) => [adapter.id, adapter] as const))(
    '%s: every control the engine acts on is picked ok on some fixture',
    (_id, adapter) => {
      const pickedOk = new Set(rowsOf(adapter).filter((row) => row.expect.pick === 'ok').map((row) => controlAt(adapter, row.control)));
      const acted = controlPaths(adapter).filter((path) => ACTED_ON.test(path));
      const neverPicked = acted.filter((path) => !pickedOk.has(controlAt(adapter, path)));
      expect(neverPicked, addRows(adapter, neverPicked.map((path) => `${path} (pick: 'ok')`))).toEqual([]);
    },
  );

  it.each(TABLES.map(({ file, table }) => [file, table] as const))('%s: rows name real controls, fixtures and frames', (_file, table) => {
    for (const row of table.rows) {
      expect(() => controlAt(table.adapter, row.control)).not.toThrow();
      for (const step of row.before ?? []) expect(() => stepTarget(table.adapter, step)).not.toThrow();
      for (const fixture of [row.fixture, row.inject, ...Object.values(row.frames ?? {})].filter((f) => f !== undefined)) {
        expect(existsSync(resolve(FIXTURES_DIR, fixture)), fixture).toBe(true);
      }
      if (row.inFrame) expect(Object.keys(row.frames ?? {}), `${row.fixture}: inFrame is one of its frames`).toContain(row.inFrame);
    }
  });
});
