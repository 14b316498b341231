// The protocol's words and limits, shared by the zod schemas (protocol.ts, background) and the zod-free readers
// (protocol-inbound.ts, content scripts): both import from here, so neither imports the other's values.

export const FORGET_REASONS = ['saved', 'expired', 'forgotten', 'replaced'] as const;
export const WAIT_REASONS = ['no-token', 'expired', 'saved', 'other-app', 'busy-elsewhere', 'already-done', 'failed-needs-retry', 'ask-first', 'pairing-changed', 'refill-needs-go-ahead', 'org-policy', 'unknown-app'] as const;
/** Which side of a changed pairing the card names: the IdP org's last source, or the source org's last IdP org. */
export const PAIRING_SIDES = ['idp', 'source'] as const;
export const HOST_PATTERN = /^[a-z0-9.-]{1,253}$/;
/** Where the relay is in one hand-off (utils/relay/ moves between them). */
export const PHASES = ['idle', 'captured', 'filling', 'verified', 'failed', 'saved', 'forgotten', 'expired'] as const;
export const ADAPTER_ID_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
export const HTTPS_URL_MAX_LENGTH = 2048; // longer than any SCIM base URL; bounds message sizes
export const HTTPS_URL_PATTERN = /^https:\/\/[^\s]+$/;
export const SHORT_TEXT_MAX_LENGTH = 600; // messages from IdPs are a sentence or two
export const PAGE_TITLE_MAX_LENGTH = 120; // a title as a tab shows it
/**
 * How long after the person's click on the source's generate control a token may appear and count: a token server
 * answers in a second or two and a page load after the click adds a few more; any longer lets a page's own later
 * token (a swap, a planted example) ride on that click. Here, zod-free, as the source page's script uses it too.
 */
export const TRUSTED_CLICK_WINDOW_MS = 10_000;
/** Why a token a page showed was not taken: no click of the person's before it, or the person kept the held one. */
export const CAPTURE_IGNORED_REASONS = ['no-click', 'kept', 'nothing-waiting'] as const;
export const ORIGIN_PATTERN = /^https:\/\/[a-z0-9.-]+$/;
