// The registry of site adapters: the background checks every message against the adapter it names.
import { invisionAdapter } from './invision.source';
import { entraAdapter } from './entra.target';
import { oktaAdapter } from './okta.target';
import { oneloginAdapter } from './onelogin.target';
import type { Adapter, SourceAdapter, TargetAdapter } from './types';

export const SOURCE_ADAPTERS: readonly SourceAdapter[] = [invisionAdapter];
export const TARGET_ADAPTERS: readonly TargetAdapter[] = [oktaAdapter, oneloginAdapter, entraAdapter];
export const ADAPTERS: readonly Adapter[] = [...SOURCE_ADAPTERS, ...TARGET_ADAPTERS];

export function idpById(id: string | undefined): TargetAdapter | undefined {
  return TARGET_ADAPTERS.find((adapter) => adapter.id === id);
}

export function adapterById(id: string): Adapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}
