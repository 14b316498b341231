// The registry of site adapters: the background checks every message against the adapter it names. Adapters are
// found by file name (`<id>.source.ts`, `<id>.target.ts`), so a new site is one new file and no line here.
import { inListOrder, type Adapter, type SourceAdapter, type TargetAdapter } from './types';

const sources = import.meta.glob<SourceAdapter>('./*.source.ts', { eager: true, import: 'default' });
const targets = import.meta.glob<TargetAdapter>('./*.target.ts', { eager: true, import: 'default' });

export const SOURCE_ADAPTERS: readonly SourceAdapter[] = Object.values(sources).sort((a, b) => a.id.localeCompare(b.id));
/** In the order people know the IdPs in (Okta, OneLogin, Entra: each one's `listOrder`), not the files' order. */
export const TARGET_ADAPTERS: readonly TargetAdapter[] = Object.values(targets).sort(inListOrder);
export const ADAPTERS: readonly Adapter[] = [...SOURCE_ADAPTERS, ...TARGET_ADAPTERS];

export function idpById(id: string | undefined): TargetAdapter | undefined {
  return TARGET_ADAPTERS.find((adapter) => adapter.id === id);
}

export function adapterById(id: string): Adapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}
