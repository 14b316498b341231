// The relay as a pure state machine: every transition is a function of (state, input, now), so unit tests can
// drive all of them; the background only persists the state and carries out the returned effects.
import * as z from 'zod/mini';
import { BackgroundToContent, PageStatus, Phase, StepId, type CaptureReply, type FillGrant, type PairingFacts } from './protocol';
import type { PairingVerdict } from './pairing';
import { t } from './i18n';
import { PAGE_TITLE_MAX_LENGTH, TRUSTED_CLICK_WINDOW_MS } from './protocol-constants';

export { TRUSTED_CLICK_WINDOW_MS };
import { fingerprint, redact, SHOWN_FRAGMENT_LIMIT, TOKEN_MAX_LENGTH } from './token';


export type { Phase } from './protocol';

const Secret = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(TOKEN_MAX_LENGTH)),
  capturedAt: z.number(),
  expiresAt: z.number(),
  sourceAdapterId: z.string(),
  sourceOrigin: z.string(),
  scimUrl: z.optional(z.string()),
  /** Where the token was shown (no secret): the tab, the page's path and title, for provenance and "same page?". */
  sourceTabId: z.optional(z.number()),
  sourcePath: z.optional(z.string().check(z.maxLength(2048))),
  sourceTitle: z.optional(z.string().check(z.maxLength(PAGE_TITLE_MAX_LENGTH))),
});
type Secret = z.infer<typeof Secret>;

/** "Tab T clicked the source's generate control at time t on origin o": what a capture needs, and no secret. */
const TrustedClick = z.strictObject({ tabId: z.number(), origin: z.string(), at: z.number() });

const TabPage = z.strictObject({
  adapterId: z.string(),
  role: z.enum(['source', 'target']),
  origin: z.string(),
  /** The tab's top-page origin, as the browser stamped it on a top-frame report: frames are checked against it. */
  topOrigin: z.optional(z.string()),
  status: PageStatus,
  at: z.number(),
});
export type TabPage = z.infer<typeof TabPage>;

export const TIMELINE_LIMIT = 40; // one hand-off with a retry or two; bounds what session storage and diagnostics hold

const TimelineEntry = z.strictObject({
  at: z.number(),
  /** e.g. "phase:verified", "step:fill", "page:okta:ready", "message" — codes, never page content. */
  event: z.string().check(z.maxLength(80)),
  /** Only for "message": the outcome in words, already redacted. */
  text: z.optional(z.string().check(z.maxLength(600))),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const RelayState = z.strictObject({
  version: z.literal(1),
  phase: Phase,
  secret: z.optional(Secret),
  /** The person's last trusted click on a source's generate control: one click allows one capture. */
  click: z.optional(TrustedClick),
  /** A second token that waits for the person's answer on its page's card: replace the one held, or keep it. */
  pending: z.optional(Secret),
  target: z.optional(z.strictObject({ tabId: z.number(), adapterId: z.string(), origin: z.string(), appLabel: z.string() })),
  /** The last outcome in words (the IdP's own message, or why we stopped); never contains the token. */
  message: z.optional(z.string()),
  steps: z.array(StepId),
  /** What each tab with one of our content scripts last reported, keyed by tab id. */
  pages: z.record(z.string(), TabPage),
  /** Tabs where the user explicitly asked to fill (another app, or a retry). */
  allowedTabs: z.array(z.number()),
  /**
   * Tabs that were already given a token: one fill and Test per tab happens on its own, any later one (a newer
   * capture, a retry) needs the person's go-ahead. A page that swaps tokens cannot make a tab test again and again.
   */
  filledTabs: z.optional(z.array(z.number())),
  updatedAt: z.number(),
  /** What happened when, for "Copy diagnostics". */
  timeline: z.optional(z.array(TimelineEntry)),
});
export type RelayState = z.infer<typeof RelayState>;

export const INITIAL_STATE: RelayState = {
  version: 1,
  phase: 'idle',
  steps: [],
  pages: {},
  allowedTabs: [],
  updatedAt: 0,
};

export type Effect =
  | { kind: 'send-tab'; tabId: number; message: BackgroundToContent }
  | { kind: 'notify'; title: string; message: string }
  | { kind: 'schedule-expiry'; at: number }
  | { kind: 'clear-expiry' }
  /** Tenant binding: this source org and IdP org (host names) are now paired; the service stores it. */
  | { kind: 'remember-pair'; source: string; idp: string };

export interface Transition<R = undefined> {
  state: RelayState;
  effects: Effect[];
  reply: R;
}

type EndReason = 'saved' | 'expired' | 'forgotten' | 'replaced';

function targetTabs(state: RelayState): number[] {
  return Object.entries(state.pages)
    .filter(([, page]) => page.role === 'target')
    .map(([tabId]) => Number(tabId));
}

function addStep(steps: StepId[], step: StepId): StepId[] {
  return steps.includes(step) ? steps : [...steps, step];
}

/** Ends the secret's life; tabs in the middle of a hand-off are told so they can update their panel. */
function end(state: RelayState, reason: EndReason, now: number, message?: string): Transition {
  const effects: Effect[] = [{ kind: 'clear-expiry' }];
  if (state.target) effects.push({ kind: 'send-tab', tabId: state.target.tabId, message: { type: 'bg/forgotten', reason } });
  const phase: Phase = reason === 'replaced' ? 'forgotten' : reason;
  return {
    state: {
      ...state,
      phase,
      secret: undefined,
      target: reason === 'saved' ? state.target : undefined,
      message: message ?? state.message,
      allowedTabs: [],
      updatedAt: now,
    },
    effects,
    reply: undefined,
  };
}

export function expireIfDue(state: RelayState, now: number): Transition {
  const current = state.pending && now >= state.pending.expiresAt ? { ...state, pending: undefined } : state;
  if (current.secret && now >= current.secret.expiresAt) return end(current, 'expired', now, undefined);
  return { state: current, effects: [], reply: undefined };
}

/** A token and where it was shown: the tab, origin and path come from the browser, the title from the page. */
export interface CaptureInput {
  token: string;
  scimUrl?: string;
  adapterId: string;
  origin: string;
  tabId?: number;
  path?: string;
  title?: string;
}

function secretOf(input: CaptureInput, now: number, lifetimeMs: number): Secret {
  return {
    token: input.token,
    capturedAt: now,
    expiresAt: now + lifetimeMs,
    sourceAdapterId: input.adapterId,
    sourceOrigin: input.origin,
    scimUrl: input.scimUrl,
    ...(input.tabId === undefined ? {} : { sourceTabId: input.tabId }),
    ...(input.path === undefined ? {} : { sourcePath: input.path }),
    ...(input.title === undefined ? {} : { sourceTitle: input.title }),
  };
}

/** Holds a token the person asked for; one still held is replaced (the source has just expired it). */
function hold(state: RelayState, secret: Secret, now: number): Transition {
  const previous = state.secret ? end(state, 'replaced', now) : { state, effects: [] as Effect[] };
  const next: RelayState = {
    ...previous.state,
    phase: 'captured',
    secret,
    pending: undefined,
    target: undefined,
    message: undefined,
    steps: ['capture'],
    allowedTabs: [],
    updatedAt: now,
  };
  const nudges: Effect[] = targetTabs(next).map((tabId) => ({
    kind: 'send-tab',
    tabId,
    message: { type: 'bg/token-available' },
  }));
  return { state: next, effects: [...previous.effects, { kind: 'schedule-expiry', at: secret.expiresAt }, ...nudges], reply: undefined };
}

/** Holds the token unconditionally: for a capture already judged (offerCapture) and for tests of later phases. */
export function capture(state: RelayState, input: CaptureInput, now: number, lifetimeMs: number): Transition {
  return hold(state, secretOf(input, now, lifetimeMs), now);
}

/** The person clicked the source's generate (or enable) control: the next token shown in that tab may count. */
export function trustedClick(state: RelayState, input: { tabId: number; origin: string }, now: number): Transition {
  return { state: { ...state, click: { ...input, at: now }, updatedAt: now }, effects: [], reply: undefined };
}

const PHASES_HOLDING = new Set<Phase>(['captured', 'filling', 'verified', 'failed']);

/**
 * A token a source page shows. It counts only in the tab whose person clicked the generate control on that origin
 * within TRUSTED_CLICK_WINDOW_MS (one click, one token); a page's own token (an example, a swap) never does. While
 * another token is held, a new one replaces it silently only from the same page; otherwise it waits for the person.
 */
export function offerCapture(state: RelayState, input: CaptureInput & { tabId: number }, now: number, lifetimeMs: number): Transition<CaptureReply> {
  const s = expireIfDue(state, now).state;
  const held = s.secret && PHASES_HOLDING.has(s.phase) ? s.secret : undefined;
  // The same token shown again (a reload of the page that showed it): nothing new.
  if (held?.token === input.token) return { state: s, effects: [], reply: { kind: 'captured' } };
  const { click } = s;
  const clicked = !!click && click.tabId === input.tabId && click.origin === input.origin && now >= click.at && now - click.at <= TRUSTED_CLICK_WINDOW_MS;
  if (!clicked) return { state: s, effects: [], reply: { kind: 'ignored', reason: 'no-click' } };
  const consumed: RelayState = { ...s, click: undefined, updatedAt: now };
  const samePage = held && held.sourceTabId === input.tabId && held.sourceOrigin === input.origin && held.sourcePath === input.path;
  if (held && !samePage) {
    const reply: CaptureReply = { kind: 'ask-replace', heldOrigin: held.sourceOrigin, heldAt: held.capturedAt };
    return { state: { ...consumed, pending: secretOf(input, now, lifetimeMs) }, effects: [], reply };
  }
  const done = capture(consumed, input, now, lifetimeMs);
  return { ...done, reply: { kind: 'captured' } };
}

/** The person's answer on the card of the page that showed the waiting token: replace the held one, or keep it. */
export function answerReplace(state: RelayState, input: { tabId: number; replace: boolean }, now: number): Transition<CaptureReply> {
  const s = expireIfDue(state, now).state;
  const pending = s.pending;
  if (!pending || pending.sourceTabId !== input.tabId) return { state: s, effects: [], reply: { kind: 'ignored', reason: 'nothing-waiting' } };
  if (!input.replace) return { state: { ...s, pending: undefined, updatedAt: now }, effects: [], reply: { kind: 'ignored', reason: 'kept' } };
  const done = hold(s, pending, now);
  return { ...done, reply: { kind: 'captured' } };
}

export function reportPage(
  state: RelayState,
  tabId: number,
  page: Omit<TabPage, 'at'>,
  now: number,
): Transition {
  // Statuses hold names, not content; should a page slip the token in anyway, it is gone before it is stored.
  const clean = (text: string) => redact(text, state.secret?.token, SHOWN_FRAGMENT_LIMIT);
  const { detail, appLabel, found, missing } = page.status;
  const status = {
    ...page.status,
    ...(detail === undefined ? {} : { detail: clean(detail) }),
    ...(appLabel === undefined ? {} : { appLabel: clean(appLabel) }),
    ...(found === undefined ? {} : { found: found.map(clean) }),
    ...(missing === undefined ? {} : { missing: missing.map(clean) }),
  };
  return { state: { ...state, pages: { ...state.pages, [tabId]: { ...page, status, at: now } }, updatedAt: now }, effects: [], reply: undefined };
}

export function closeTab(state: RelayState, tabId: number, now: number): Transition {
  const pages = { ...state.pages };
  delete pages[tabId];
  let next: RelayState = {
    ...state,
    pages,
    allowedTabs: state.allowedTabs.filter((t) => t !== tabId),
    filledTabs: state.filledTabs?.filter((t) => t !== tabId),
    updatedAt: now,
  };
  // A hand-off whose tab went away fails closed: the token stays, the user starts it again.
  if (next.target?.tabId === tabId && next.phase === 'filling') {
    next = { ...next, phase: 'failed', message: t('tabClosedMidFill') };
  }
  return { state: next, effects: [], reply: undefined };
}

/** The pairing of the token's source org with the IdP org asking for it, as the service found it (host names). */
export interface PairingCheck {
  source: string;
  idp: string;
  verdict: PairingVerdict;
}

export function requestFill(
  state: RelayState,
  input: {
    tabId: number;
    adapterId: string;
    origin: string;
    appLabel: string;
    expectedApp: boolean;
    confirmed?: boolean;
    pairing?: PairingCheck;
  },
  now: number,
  autoSave: boolean,
  askFirst = false,
): Transition<FillGrant> {
  const expired = expireIfDue(state, now);
  const s = expired.state;
  const wait = (reason: Extract<FillGrant, { kind: 'wait' }>['reason'], pairing?: PairingFacts): Transition<FillGrant> => ({
    state: s,
    effects: expired.effects,
    reply: pairing ? { kind: 'wait', reason, pairing } : { kind: 'wait', reason },
  });
  if (!s.secret) return wait(s.phase === 'expired' || s.phase === 'saved' ? s.phase : 'no-token');
  const allowed = s.allowedTabs.includes(input.tabId);
  if (s.target && s.target.tabId !== input.tabId && (s.phase === 'filling' || s.phase === 'verified')) {
    return wait('busy-elsewhere');
  }
  if (s.phase === 'verified' && !allowed) return wait('already-done');
  // The same tab back from a sign-in prompt that replaced the form mid-hand-off (a reload included): it resumes.
  const resumesAfterSignIn =
    s.phase === 'filling' && s.target?.tabId === input.tabId && s.pages[input.tabId]?.status.code === 'signin-required';
  if ((s.phase === 'failed' || s.phase === 'filling') && !allowed && !resumesAfterSignIn) {
    // A second request from the same tab mid-fill means the page reloaded: never fill twice on our own.
    const failed: RelayState =
      s.phase === 'filling'
        ? { ...s, phase: 'failed', message: t('reloadedMidFill'), updatedAt: now }
        : s;
    return { state: failed, effects: expired.effects, reply: { kind: 'wait', reason: 'failed-needs-retry' } };
  }
  if (!input.expectedApp && !allowed) {
    // A page that names another app is refused; one that names none is asked about once, and a yes answers it.
    if (input.appLabel) return { ...wait('other-app'), reply: { kind: 'wait', reason: 'other-app', appLabel: input.appLabel } };
    if (!input.confirmed) return wait('unknown-app');
  }
  // A go-ahead in the popup or by the shortcut (allowed) or on the in-page card (confirmed): the person's own action.
  const goAhead = allowed || !!input.confirmed;
  const pairing = input.pairing;
  if (pairing?.verdict.kind === 'changed' && !goAhead) {
    const { side, pairedWith } = pairing.verdict;
    return wait('pairing-changed', { side, pairedWith, source: pairing.source, idp: pairing.idp });
  }
  if (s.filledTabs?.includes(input.tabId) && !goAhead) return wait('refill-needs-go-ahead');
  if (askFirst && !goAhead) return wait('ask-first');
  const next: RelayState = {
    ...s,
    phase: 'filling',
    target: { tabId: input.tabId, adapterId: input.adapterId, origin: input.origin, appLabel: input.appLabel },
    message: undefined,
    steps: addStep(['capture'], 'locate'),
    allowedTabs: s.allowedTabs.filter((t) => t !== input.tabId),
    filledTabs: [...(s.filledTabs ?? []).filter((t) => t !== input.tabId), input.tabId],
    updatedAt: now,
  };
  // Known pairs too: "last paired with" names the most recent one.
  const remember: Effect[] = pairing ? [{ kind: 'remember-pair', source: pairing.source, idp: pairing.idp }] : [];
  return {
    state: next,
    effects: [...expired.effects, ...remember],
    reply: { kind: 'fill', token: s.secret.token, scimUrl: s.secret.scimUrl, autoSave },
  };
}

function isCurrentTarget(state: RelayState, tabId: number): boolean {
  return state.target?.tabId === tabId;
}

export function progress(state: RelayState, tabId: number, step: StepId, now: number): Transition {
  if (!isCurrentTarget(state, tabId) || state.phase !== 'filling') return { state, effects: [], reply: undefined };
  return { state: { ...state, steps: addStep(state.steps, step), updatedAt: now }, effects: [], reply: undefined };
}

export function result(
  state: RelayState,
  tabId: number,
  input: { outcome: 'verified' | 'failed' | 'stopped'; message: string; pageVisible: boolean },
  now: number,
): Transition {
  if (!isCurrentTarget(state, tabId) || state.phase !== 'filling') return { state, effects: [], reply: undefined };
  const message = redact(input.message, state.secret?.token, SHOWN_FRAGMENT_LIMIT);
  const next: RelayState = {
    ...state,
    // A stop before anything was typed leaves the token waiting for the right page.
    phase: input.outcome === 'verified' ? 'verified' : input.outcome === 'failed' ? 'failed' : 'captured',
    target: input.outcome === 'stopped' ? undefined : state.target,
    steps: input.outcome === 'verified' ? addStep(state.steps, 'verify') : state.steps,
    message,
    updatedAt: now,
  };
  const effects: Effect[] = [];
  if (!input.pageVisible) {
    const title = t(input.outcome === 'verified' ? 'notifyVerified' : 'notifyNeedsYou');
    effects.push({ kind: 'notify', title, message });
  }
  return { state: next, effects, reply: undefined };
}

export function saved(state: RelayState, tabId: number, input: { ok: boolean; message: string }, now: number): Transition {
  if (!isCurrentTarget(state, tabId) || state.phase !== 'verified') return { state, effects: [], reply: undefined };
  const message = redact(input.message, state.secret?.token, SHOWN_FRAGMENT_LIMIT);
  if (!input.ok) return { state: { ...state, message, updatedAt: now }, effects: [], reply: undefined };
  const done = end({ ...state, steps: addStep(state.steps, 'save') }, 'saved', now, message);
  // The tab that saved already knows; only other listeners would need the "forgotten" notice.
  return { ...done, effects: done.effects.filter((e) => !(e.kind === 'send-tab' && e.tabId === tabId)) };
}

export function forget(state: RelayState, now: number): Transition {
  // "Forget now" also forgets a token still waiting for the person's "replace?" answer.
  const s = state.pending ? { ...state, pending: undefined, updatedAt: now } : state;
  if (!s.secret) return { state: s, effects: [], reply: undefined };
  return end(s, 'forgotten', now, t('forgottenOnRequest'));
}

/** The user asked to fill this tab: another app than expected, or a retry after a failure. */
export function allowTab(state: RelayState, tabId: number, now: number): Transition {
  if (!state.secret) return { state, effects: [], reply: undefined };
  const next: RelayState = {
    ...state,
    phase: state.phase === 'failed' ? 'captured' : state.phase,
    target: state.phase === 'failed' ? undefined : state.target,
    allowedTabs: state.allowedTabs.includes(tabId) ? state.allowedTabs : [...state.allowedTabs, tabId],
    updatedAt: now,
  };
  return { state: next, effects: [{ kind: 'send-tab', tabId, message: { type: 'bg/fill-here' } }], reply: undefined };
}

/** Appends what changed between two states to the timeline (phase, new steps, page statuses, a new message). */
export function noteChanges(prev: RelayState, next: RelayState, now: number): RelayState {
  const notes: TimelineEntry[] = [];
  if (prev.phase !== next.phase) notes.push({ at: now, event: `phase:${next.phase}` });
  // A newer token replacing one still held changes neither phase nor steps: note it on its own.
  if (next.secret && next.secret.capturedAt !== prev.secret?.capturedAt) notes.push({ at: now, event: 'token:captured' });
  for (const step of next.steps) if (!prev.steps.includes(step)) notes.push({ at: now, event: `step:${step}` });
  for (const [tabId, page] of Object.entries(next.pages)) {
    if (prev.pages[tabId]?.status.code !== page.status.code) notes.push({ at: now, event: `page:${page.adapterId}:${page.status.code}` });
  }
  if (next.message && next.message !== prev.message) notes.push({ at: now, event: 'message', text: next.message });
  if (!notes.length) return next;
  return { ...next, timeline: [...(next.timeline ?? []), ...notes].slice(-TIMELINE_LIMIT) };
}

/** What the popup may know: everything but the token, which becomes a fingerprint. */
export function viewFor(state: RelayState, tabId: number | undefined, now: number) {
  const page = tabId === undefined ? undefined : state.pages[tabId];
  return {
    phase: state.phase,
    fingerprint: state.secret ? fingerprint(state.secret.token) : undefined,
    capturedAt: state.secret?.capturedAt,
    expiresAt: state.secret?.expiresAt,
    scimUrl: state.secret?.scimUrl,
    sourceOrigin: state.secret?.sourceOrigin,
    sourceTitle: state.secret?.sourceTitle,
    target: state.target
      ? { adapterId: state.target.adapterId, origin: state.target.origin, appLabel: state.target.appLabel, isThisTab: state.target.tabId === tabId }
      : undefined,
    message: state.message,
    steps: state.steps,
    page: page ? { role: page.role, adapterId: page.adapterId, origin: page.origin, status: page.status } : undefined,
    canSave: state.phase === 'verified',
    canFillHere:
      !!state.secret &&
      page?.role === 'target' &&
      (page.status.code === 'other-app' ||
        state.phase === 'failed' ||
        (state.phase === 'verified' && state.target?.tabId === tabId) ||
        (state.phase === 'captured' && tabId !== undefined && !!state.filledTabs?.includes(tabId))),
    now,
  };
}
export type RelayView = ReturnType<typeof viewFor>;

/** Badge text and colour: the state at a glance, never anything secret. */
export function badgeFor(state: RelayState, now: number): { text: string; color: string } {
  switch (state.phase) {
    case 'captured':
    case 'filling': {
      const minutes = state.secret ? Math.max(1, Math.ceil((state.secret.expiresAt - now) / 60_000)) : 0;
      return { text: `${minutes}m`, color: '#1a73e8' };
    }
    case 'verified':
      return { text: '✓', color: '#188038' };
    case 'failed':
      return { text: '!', color: '#d93025' };
    default:
      return { text: '', color: '#5f6368' };
  }
}
