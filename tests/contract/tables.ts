// Every adapter's contract table: each tests/contract/<name>.contract.ts, found by name so a new table needs no
// line here. Loaded with plain imports so both vitest and tsx (draft.ts) can read them.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Adapter } from '../../utils/adapters/types';
import { fixturesOf } from '../harness/adapter-fixtures';
import { FIXTURES_DIR } from '../harness/sites';
import type { AdapterContract, ContractRow } from './table';

const files = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.contract.ts'))
  .sort();

export const TABLES: readonly { file: string; table: AdapterContract }[] = await Promise.all(
  files.map(async (file) => ({ file, table: ((await import(`./${file}`)) as { default: AdapterContract }).default })),
);

/** Every row about this adapter, from its own table and any other (the hostile pages are Okta's). */
export function rowsOf(adapter: Adapter): ContractRow[] {
  return TABLES.filter(({ table }) => table.adapter === adapter).flatMap(({ table }) => table.rows);
}

/**
 * The pages an adapter lists, with a directory entry ("okta/blind/") expanded to the pages in it: each needs rows
 * of its own. Its README says how a person drives each page and is no page.
 */
export function listedPages(adapter: Adapter): string[] {
  return fixturesOf(adapter).flatMap((entry) =>
    entry.endsWith('/')
      ? readdirSync(resolve(FIXTURES_DIR, entry))
          .filter((file) => file.endsWith('.html'))
          .sort()
          .map((file) => `${entry}${file}`)
      : [entry],
  );
}
