// Tenant binding: which source org each IdP org was paired with, by host name only (issue #10, class 3). A token
// from another source org than an IdP org had before, or for another IdP org than its source org used before,
// is filled only after the person says yes; a first pairing proceeds, as the person set it up. Kept in
// storage.local: host names and a time, never the token or any part of it.
import * as z from 'zod/mini';

export const PAIRINGS_KEY = 'pairings';
/** Support staff pair many customers' orgs; past this the oldest pairings are forgotten (and asked about again). */
export const PAIRINGS_LIMIT = 200;

const HOST = z.string().check(z.maxLength(253), z.regex(/^[a-z0-9.-]+$/));
const Pair = z.strictObject({ source: HOST, idp: HOST, at: z.number() });
export type Pair = z.infer<typeof Pair>;
const StoredPairings = z.strictObject({ version: z.literal(1), pairs: z.array(Pair).check(z.maxLength(PAIRINGS_LIMIT)) });

export type PairingVerdict =
  | { kind: 'known' }
  | { kind: 'first' }
  /** `side: 'idp'`: this IdP org was last paired with `pairedWith` (a source host); `'source'`: the source org last went to `pairedWith`. */
  | { kind: 'changed'; side: 'idp' | 'source'; pairedWith: string };

/** The host of an origin or URL, lower case; undefined for anything that is not one. */
export function hostOf(originOrUrl: string | undefined): string | undefined {
  if (!originOrUrl) return undefined;
  try {
    return new URL(originOrUrl).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

function latest(pairs: Pair[]): Pair | undefined {
  return pairs.reduce<Pair | undefined>((best, pair) => (!best || pair.at >= best.at ? pair : best), undefined);
}

export function pairingVerdict(pairs: readonly Pair[], source: string, idp: string): PairingVerdict {
  if (pairs.some((pair) => pair.source === source && pair.idp === idp)) return { kind: 'known' };
  const idpWas = latest(pairs.filter((pair) => pair.idp === idp));
  if (idpWas) return { kind: 'changed', side: 'idp', pairedWith: idpWas.source };
  const sourceWas = latest(pairs.filter((pair) => pair.source === source));
  if (sourceWas) return { kind: 'changed', side: 'source', pairedWith: sourceWas.idp };
  return { kind: 'first' };
}

/** The pairings with this pair as the newest; the oldest beyond the limit are dropped. */
export function rememberPair(pairs: readonly Pair[], source: string, idp: string, now: number): Pair[] {
  const others = pairs.filter((pair) => pair.source !== source || pair.idp !== idp);
  return [...others, { source, idp, at: now }].slice(-PAIRINGS_LIMIT);
}

/** What storage.local holds; nothing valid there reads as no pairings (each next one is then a first pairing). */
export function parsePairings(raw: unknown): Pair[] {
  const parsed = StoredPairings.safeParse(raw);
  return parsed.success ? parsed.data.pairs : [];
}

export function storedPairings(pairs: Pair[]): z.infer<typeof StoredPairings> {
  return { version: 1, pairs: pairs.slice(-PAIRINGS_LIMIT) };
}
