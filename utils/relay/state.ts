// The relay's state and its vocabulary: what the background holds in storage.session between messages, what a
// transition returns, and the effects the service carries out. Everything here is data; the transitions live
// beside it (capture.ts, pages.ts, fill.ts, verdict.ts, ending.ts) and the views derived from it in views.ts.
import * as z from 'zod/mini';
import { BackgroundToContent, PageStatus, Phase, StepId } from '../protocol';
import { PAGE_TITLE_MAX_LENGTH } from '../protocol-constants';
import { TOKEN_MAX_LENGTH } from '../token';

export type { Phase } from '../protocol';

export const Secret = z.strictObject({
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
export type Secret = z.infer<typeof Secret>;

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

export function addStep(steps: StepId[], step: StepId): StepId[] {
  return steps.includes(step) ? steps : [...steps, step];
}
