// The rotation record: one entry per hand-off that reached the IdP's verdict, for auditors asking when a SCIM token
// was last rotated and whether the IdP accepted it. Pure functions; the background writes it to storage.local.
// An entry never holds the token: only its 4-character fingerprint, and every text from a page is redacted.
import { arrayOf, isBoolean, isString, matches, oneOf } from '../check';
import type { RelayState } from '../relay';
import { fingerprint, redact, SHOWN_FRAGMENT_LIMIT } from '../token';

export const RECORD_KEY = 'rotationRecord';
export const RECORD_LIMIT = 500; // years of rotations for one admin; bounds storage.local and the options page
const TEXT_MAX = 600;
const HOST_MAX = 255;
const DAY_MS = 86_400_000;

export interface RotationEntry {
  /** When the IdP gave its verdict (ms since the epoch). */
  at: number;
  sourceHost: string;
  /** The IdP adapter's id ("okta", "onelogin", "entra"). */
  idp: string;
  idpHost: string;
  app: string;
  outcome: 'verified' | 'failed';
  /** The IdP's own words, redacted. */
  verdict: string;
  saved: boolean;
  /** From the moment filling started to the IdP's verdict. */
  durationMs: number;
  /** "…" and the token's last 4 characters: which token, never the token. */
  fingerprint: string;
  /** When the token was captured: ties a later save to its entry. */
  capturedAt: number;
}

const isTime = (value: unknown) => Number.isFinite(value) && (value as number) >= 0;
const upTo = (max: number) => isString((text) => text.length <= max);
// Zod-free like every reader the popup loads: zod alone would push the popup past its size budget.
const isStoredRecord = arrayOf(
  (value) =>
    matches(value, {
      at: isTime,
      sourceHost: upTo(HOST_MAX),
      idp: upTo(32),
      idpHost: upTo(HOST_MAX),
      app: upTo(TEXT_MAX),
      outcome: oneOf(['verified', 'failed']),
      verdict: upTo(TEXT_MAX),
      saved: isBoolean,
      durationMs: isTime,
      fingerprint: upTo(5),
      capturedAt: isTime,
    }),
  RECORD_LIMIT,
);

/** The stored record, newest first; anything unreadable counts as no record rather than breaking the page. */
export function parseRecord(raw: unknown): RotationEntry[] {
  return isStoredRecord(raw) ? (raw as RotationEntry[]) : [];
}

const hostOf = (origin: string) => (URL.canParse(origin) ? new URL(origin).hostname : origin);

/** The entry for a verdict: every text a page supplied is redacted against the token before it is kept. */
export function makeEntry(input: {
  token: string;
  capturedAt: number;
  sourceOrigin: string;
  idp: string;
  idpOrigin: string;
  app: string;
  outcome: 'verified' | 'failed';
  verdict: string;
  startedAt: number;
  now: number;
}): RotationEntry {
  const clean = (text: string) => redact(text, input.token, SHOWN_FRAGMENT_LIMIT).slice(0, TEXT_MAX);
  return {
    at: input.now,
    sourceHost: clean(hostOf(input.sourceOrigin)).slice(0, HOST_MAX),
    idp: clean(input.idp).slice(0, 32),
    idpHost: clean(hostOf(input.idpOrigin)).slice(0, HOST_MAX),
    app: clean(input.app),
    outcome: input.outcome,
    verdict: clean(input.verdict),
    saved: false,
    durationMs: Math.max(0, input.now - input.startedAt),
    fingerprint: fingerprint(input.token),
    capturedAt: input.capturedAt,
  };
}

/** Newest first, at most `limit` entries: the oldest fall off. */
export function appendEntry(record: readonly RotationEntry[], entry: RotationEntry, limit = RECORD_LIMIT): RotationEntry[] {
  return [entry, ...record].slice(0, limit);
}

/** The IdP kept the token: the newest verified entry for that capture is marked saved. */
export function markSaved(record: readonly RotationEntry[], capturedAt: number, idpHost: string): RotationEntry[] {
  const index = record.findIndex((e) => e.capturedAt === capturedAt && e.idpHost === idpHost && e.outcome === 'verified');
  return index < 0 ? [...record] : record.map((e, i) => (i === index ? { ...e, saved: true } : e));
}

/** When filling started: the last time the relay entered "filling" (the timeline notes it), else the capture. */
function fillStartedAt(state: RelayState, fallback: number): number {
  return state.timeline?.findLast((e) => e.event === 'phase:filling')?.at ?? fallback;
}

/**
 * What a relay transition means for the record: a verdict adds an entry, a save marks it; anything else, nothing.
 * `before` still holds the token (a save forgets it), so the entry can be redacted against it.
 */
export function recordChange(before: RelayState, after: RelayState, now: number): ((record: RotationEntry[]) => RotationEntry[]) | undefined {
  const { secret, target } = before;
  if (!secret || !target) return undefined;
  if (before.phase === 'filling' && (after.phase === 'verified' || after.phase === 'failed')) {
    const entry = makeEntry({
      token: secret.token,
      capturedAt: secret.capturedAt,
      sourceOrigin: secret.sourceOrigin,
      idp: target.adapterId,
      // The page the person sees (an IdP may draw its form in a frame of another origin).
      idpOrigin: before.pages[target.tabId]?.topOrigin ?? target.origin,
      app: target.appLabel,
      outcome: after.phase,
      verdict: after.message ?? '',
      startedAt: fillStartedAt(before, secret.capturedAt),
      now,
    });
    return (record) => appendEntry(record, entry);
  }
  if (before.phase === 'verified' && after.phase === 'saved') {
    return (record) => markSaved(record, secret.capturedAt, hostOf(before.pages[target.tabId]?.topOrigin ?? target.origin));
  }
  return undefined;
}

/** The newest saved rotation for an IdP org host, if any. */
export function lastRotation(record: readonly RotationEntry[], idpHost: string): RotationEntry | undefined {
  return record.find((e) => e.saved && e.idpHost === idpHost);
}

/** IdP orgs whose last saved rotation is at least `intervalDays` old (none when the interval is 0, i.e. off). */
export function dueRotations(record: readonly RotationEntry[], intervalDays: number, now: number): { entry: RotationEntry; days: number }[] {
  if (intervalDays <= 0) return [];
  const newestPerHost = new Map<string, RotationEntry>();
  for (const entry of record) if (entry.saved && !newestPerHost.has(entry.idpHost)) newestPerHost.set(entry.idpHost, entry);
  return [...newestPerHost.values()]
    .map((entry) => ({ entry, days: Math.floor((now - entry.at) / DAY_MS) }))
    .filter(({ days }) => days >= intervalDays);
}
