// Every IdP's fake site, found by file name (tests/harness/idps/<adapter id>.ts), in the adapters' order; an IdP
// with no file here gets the default one (default.ts), so an adapter and one fixture page are enough to test it.
import { TARGET_ADAPTERS } from '../../../utils/adapters';
import type { TargetAdapter } from '../../../utils/adapters/types';
import { defaultHarness } from './default';
import type { IdpHarness } from './types';

const own = import.meta.glob<IdpHarness>(['./*.ts', '!./index.ts', '!./types.ts', '!./default.ts'], { eager: true, import: 'default' });

export function harnessFor(adapter: TargetAdapter): IdpHarness {
  return Object.values(own).find((harness) => harness.id === adapter.id) ?? defaultHarness(adapter);
}

export const IDP_HARNESSES: readonly IdpHarness[] = TARGET_ADAPTERS.map(harnessFor);

export function idpHarness(id: string): IdpHarness {
  const harness = IDP_HARNESSES.find((one) => one.id === id);
  if (!harness) throw Error(`no adapter utils/adapters/${id}.target.ts`);
  return harness;
}
