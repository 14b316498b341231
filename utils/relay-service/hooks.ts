// What the service looks up around a transition, outside the relay's own state: the adapter a message names, the
// app the token belongs to, the organisation's allow-lists, the tenant pairing, and the rotation record after it.
import { adapterById } from '../adapters';
import type { Adapter } from '../adapters/types';
import { hostOf, pairingVerdict, parsePairings } from '../pairing';
import { hostAllowed } from '../policy/managed';
import type { PairingCheck, RelayState, Transition } from '../relay';
import { recordChange } from '../rotation/record';
import type { ServiceContext } from './context';
import type { RelayPlatform } from './platform';

/** Built-in adapters first; a user-defined source can never shadow one (its ids start with "custom-"). */
export async function resolveAdapter(platform: RelayPlatform, id: string): Promise<Adapter | undefined> {
  return adapterById(id) ?? (await platform.loadCustomSources?.())?.find((source) => source.id === id);
}

/** Is the tab's app the source's app? A user-defined source names its app; InVision's is known to each target. */
export async function expectedApp(platform: RelayPlatform, s: RelayState, appLabel: string, targetSays: boolean): Promise<boolean> {
  const source = s.secret ? await resolveAdapter(platform, s.secret.sourceAdapterId) : undefined;
  return source?.role === 'source' && source.idpAppName ? source.idpAppName.test(appLabel) : targetSays;
}

/** The organisation's allow-lists of source and IdP org hosts; without a list every host the adapter accepts is fine. */
export async function policyAllowsHost(platform: RelayPlatform, role: 'source' | 'target', origin: string): Promise<boolean> {
  const policy = (await platform.loadPolicy?.()) ?? {};
  return hostAllowed(policy, role, new URL(origin).hostname);
}

/** The token's source org and this IdP org (the tab's top host: a framed form belongs to its portal), as paired before. */
export async function checkPairing(platform: RelayPlatform, s: RelayState, idpOrigin: string): Promise<PairingCheck | undefined> {
  const source = hostOf(s.secret?.sourceOrigin);
  const idp = hostOf(idpOrigin);
  if (!source || !idp) return undefined;
  return { source, idp, verdict: pairingVerdict(parsePairings(await platform.loadPairings()), source, idp) };
}

/** A verdict adds an entry to the rotation record, a save marks it saved; the record never holds the token. */
export async function commitAndRecord(ctx: ServiceContext, transition: Transition, before: RelayState, now: number): Promise<undefined> {
  await ctx.commit(transition);
  const change = recordChange(before, transition.state, now);
  if (change) await ctx.platform.updateRecord?.(change).catch(() => ctx.platform.log('record-not-written'));
  return undefined;
}
