// The fixture pages each adapter file names (its `fixtures` export, beside the adapter): test data, so no content
// script or background carries it. Read with plain imports, so vitest and tsx (tests/contract/draft.ts) both can.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Adapter } from '../../utils/adapters/types';

const ADAPTERS_DIR = resolve(import.meta.dirname, '../../utils/adapters');
const ADAPTER_FILE = /^[a-z0-9-]+\.(source|target)\.ts$/;

const lists = new Map(
  await Promise.all(
    readdirSync(ADAPTERS_DIR)
      .filter((file) => ADAPTER_FILE.test(file))
      .map(async (file) => [file, ((await import(resolve(ADAPTERS_DIR, file))) as { fixtures?: string[] }).fixtures ?? []] as const),
  ),
);

/** The fixtures the adapter's file lists (under tests/fixtures/; an entry ending in "/" names a directory of them). */
export function fixturesOf(adapter: Adapter): string[] {
  return lists.get(`${adapter.id}.${adapter.role}.ts`) ?? [];
}
