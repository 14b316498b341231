// Every adapter's contract table: each tests/contract/<name>.contract.ts, found by name so a new table needs no
// line here. Loaded with plain imports so both vitest and tsx (draft.ts) can read them.
import { readdirSync } from 'node:fs';
import type { Adapter } from '../../utils/adapters/types';
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
