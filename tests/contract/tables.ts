// Every adapter's contract table: each tests/contract/<name>.contract.ts, found by name so a new table needs no
// line here.
/// <reference types="vite/client" />
import type { AdapterContract } from './table';

const modules = import.meta.glob<AdapterContract>('./*.contract.ts', { eager: true, import: 'default' });

export const TABLES: readonly { file: string; table: AdapterContract }[] = Object.entries(modules)
  .map(([file, table]) => ({ file: file.slice(2), table }))
  .sort((a, b) => a.file.localeCompare(b.file));
