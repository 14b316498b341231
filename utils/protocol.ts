// The one message protocol: a zod union per direction. Every receiver safeParses, then checks the sender;
// content scripts use protocol-inbound.ts's zod-free twins of the shapes they receive (size budget).
import * as z from 'zod/mini';
import {
  ADAPTER_ID_PATTERN,
  CAPTURE_IGNORED_REASONS,
  FORGET_REASONS,
  HOST_PATTERN,
  HTTPS_URL_MAX_LENGTH,
  HTTPS_URL_PATTERN,
  ORIGIN_PATTERN,
  PAGE_TITLE_MAX_LENGTH,
  PAIRING_SIDES,
  PHASES,
  SHORT_TEXT_MAX_LENGTH,
  WAIT_REASONS,
} from './protocol-constants';
import { TOKEN_MAX_LENGTH } from './token';

const ADAPTER_ID = z.string().check(z.regex(ADAPTER_ID_PATTERN));
const SHORT_TEXT = z.string().check(z.maxLength(SHORT_TEXT_MAX_LENGTH));
const TOKEN = z.string().check(z.minLength(1), z.maxLength(TOKEN_MAX_LENGTH));
const HTTPS_URL = z.string().check(z.maxLength(HTTPS_URL_MAX_LENGTH), z.regex(HTTPS_URL_PATTERN));
const TAB_ID = z.number().check(z.int(), z.minimum(0));
const ORIGIN = z.string().check(z.maxLength(255), z.regex(ORIGIN_PATTERN));
/**
 * Sent only from a sub-frame: the top page's origin as the frame sees it (location.ancestorOrigins). The background
 * never trusts it alone; it must equal the origin the browser stamped on that tab's own top-frame report.
 */
const FRAME_FIELDS = { topOrigin: z.optional(ORIGIN) };

export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

/** The background's answer to guide/phase. */
export const GuidePhaseReply = z.strictObject({ phase: Phase });
export type GuidePhaseReply = z.infer<typeof GuidePhaseReply>;

/**
 * The background's answer to page/settings: the site switched on, and the guide, as the user and the managed policy
 * set them. The background merges the policy, so page scripts carry neither its parser nor the settings' schema.
 */
export const PageSettingsReply = z.strictObject({ siteOn: z.boolean(), guideMode: z.boolean() });
export type PageSettingsReply = z.infer<typeof PageSettingsReply>;

/** The steps of one hand-off, in order; the popup shows them as a checklist. */
export const STEP_IDS = ['capture', 'locate', 'fill', 'test', 'verify', 'save'] as const;
export const StepId = z.enum(STEP_IDS);
export type StepId = z.infer<typeof StepId>;

/** Why a page cannot take part right now; each has a specific message in the UI. */
export const PAGE_STATUSES = [
  'not-admin-host',
  'not-app-page',
  'not-integration-tab',
  'signin-required',
  'layout-not-recognised',
  'unsafe-page',
  'other-app',
  'ready',
  'source-open',
  'source-generate-ticked',
] as const;
export const PageStatusCode = z.enum(PAGE_STATUSES);
export type PageStatusCode = z.infer<typeof PageStatusCode>;

const CONTROL_NAMES = z.array(z.string().check(z.maxLength(80))).check(z.maxLength(12)); // an adapter names a handful

export const PageStatus = z.strictObject({
  code: PageStatusCode,
  /** Names of controls found or missing, never page content. */
  detail: z.optional(SHORT_TEXT),
  appLabel: z.optional(z.string().check(z.maxLength(120))),
  /** The adapter's controls on the page right now, by the adapter's names (for diagnostics). */
  found: z.optional(CONTROL_NAMES),
  missing: z.optional(CONTROL_NAMES),
});
export type PageStatus = z.infer<typeof PageStatus>;

// ── content script → background ──────────────────────────────────────────────────────────────────────────────
export const ContentToBackground = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('source/captured'),
    adapterId: ADAPTER_ID,
    token: TOKEN,
    scimUrl: z.optional(HTTPS_URL),
    /** The page's title, for provenance ("People · Acme · InVision"); the host comes from the browser. */
    title: z.optional(z.string().check(z.maxLength(PAGE_TITLE_MAX_LENGTH))),
  }),
  /** The person's own (trusted) click on the source's generate or enable control: the next token may count. */
  z.strictObject({ type: z.literal('source/clicked'), adapterId: ADAPTER_ID }),
  /** The person's answer on the card to "Replace the token captured on … at …?". */
  z.strictObject({ type: z.literal('source/replace'), adapterId: ADAPTER_ID, replace: z.boolean() }),
  z.strictObject({ type: z.literal('page/status'), adapterId: ADAPTER_ID, status: PageStatus, ...FRAME_FIELDS }),
  z.strictObject({
    type: z.literal('target/ready'),
    adapterId: ADAPTER_ID,
    appLabel: z.string().check(z.maxLength(120)),
    expectedApp: z.boolean(),
    /** The user said yes on the in-page card (trusted click on an intact card), when settings ask first. */
    confirmed: z.optional(z.boolean()),
    ...FRAME_FIELDS,
  }),
  z.strictObject({ type: z.literal('target/progress'), adapterId: ADAPTER_ID, step: StepId, ...FRAME_FIELDS }),
  z.strictObject({
    type: z.literal('target/result'),
    adapterId: ADAPTER_ID,
    outcome: z.enum(['verified', 'failed', 'stopped']),
    message: SHORT_TEXT,
    pageVisible: z.boolean(),
    ...FRAME_FIELDS,
  }),
  /** Guide mode asks how far the hand-off is; the answer is the phase only. */
  z.strictObject({ type: z.literal('guide/phase'), adapterId: ADAPTER_ID }),
  /** A page script, as it starts and when the settings change: is its site on, is the guide (PageSettingsReply)? */
  z.strictObject({ type: z.literal('page/settings'), adapterId: ADAPTER_ID, ...FRAME_FIELDS }),
  z.strictObject({
    type: z.literal('target/saved'),
    adapterId: ADAPTER_ID,
    ok: z.boolean(),
    message: SHORT_TEXT,
    ...FRAME_FIELDS,
  }),
  /** From the top page of a target whose form sits in a frame: a verdict the IdP announced there. */
  z.strictObject({ type: z.literal('target/notice'), adapterId: ADAPTER_ID, message: SHORT_TEXT }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

const HOST = z.string().check(z.regex(HOST_PATTERN));
export const PairingFacts = z.strictObject({ side: z.enum(PAIRING_SIDES), source: HOST, idp: HOST, pairedWith: HOST });
export type PairingFacts = z.infer<typeof PairingFacts>;

/** The background's answer to target/ready: the only message that ever carries the token to a page. */
export const FillGrant = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fill'),
    token: TOKEN,
    scimUrl: z.optional(HTTPS_URL),
    autoSave: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('wait'),
    reason: z.enum(WAIT_REASONS),
    /** For "pairing-changed": the host names the card shows before it asks (never anything else). */
    pairing: z.optional(PairingFacts),
    /** The other app's name when the relay read it from the top page (a framed blade names none itself). */
    appLabel: z.optional(z.string().check(z.maxLength(120))),
  }),
]);
export type FillGrant = z.infer<typeof FillGrant>;

/** The background's answer to source/captured and source/replace: what became of the token the page showed. */
export const CaptureReply = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('captured') }),
  z.strictObject({ kind: z.literal('ignored'), reason: z.enum(CAPTURE_IGNORED_REASONS) }),
  /** Another token is held (from another page): the person decides; `heldOrigin`/`heldAt` name that one. */
  z.strictObject({ kind: z.literal('ask-replace'), heldOrigin: ORIGIN, heldAt: z.number().check(z.int(), z.minimum(0)) }),
]);
export type CaptureReply = z.infer<typeof CaptureReply>;

// ── popup / options → background ─────────────────────────────────────────────────────────────────────────────
export const UiToBackground = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ui/get-state'), tabId: z.optional(TAB_ID) }),
  z.strictObject({ type: z.literal('ui/forget') }),
  z.strictObject({ type: z.literal('ui/save') }),
  z.strictObject({ type: z.literal('ui/fill-here'), tabId: TAB_ID }),
  /** A support report as text: never the token, at most its fingerprint. */
  z.strictObject({ type: z.literal('ui/diagnostics') }),
]);
export type UiToBackground = z.infer<typeof UiToBackground>;

// ── background → content script ──────────────────────────────────────────────────────────────────────────────
export const BackgroundToContent = z.discriminatedUnion('type', [
  /** A token is waiting: a target tab should ask for it (the token itself is never pushed). */
  z.strictObject({ type: z.literal('bg/token-available') }),
  /** The user chose to fill this tab (another app, or a retry after a failure). */
  z.strictObject({ type: z.literal('bg/fill-here') }),
  z.strictObject({ type: z.literal('bg/save') }),
  z.strictObject({ type: z.literal('bg/forgotten'), reason: z.enum(FORGET_REASONS) }),
  /** A verdict the top page announced, for the frame that is filling (the frame cannot read the top page). */
  z.strictObject({ type: z.literal('bg/notice'), message: SHORT_TEXT }),
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;

