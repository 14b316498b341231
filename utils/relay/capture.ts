// Capture with provenance: a token counts only after the person's own click on the source's generate control, and
// a second one from another page waits for the person's answer before it replaces the one held.
import type { CaptureReply } from '../protocol';
import { TRUSTED_CLICK_WINDOW_MS } from '../protocol-constants';
import { end, expireIfDue } from './ending';
import { targetTabs } from './pages';
import type { Effect, Phase, RelayState, Secret, Transition } from './state';

export { TRUSTED_CLICK_WINDOW_MS };

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
