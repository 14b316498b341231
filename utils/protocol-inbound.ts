// What content scripts receive from the background, checked without zod (utils/check.ts says why). protocol.ts
// holds the same shapes as zod schemas (the background's source of truth); tests/unit/protocol-inbound.test.ts
// proves both accept exactly the same values.
import { discriminated, isBoolean, isString, matches, oneOf, optional } from './check';
import type { BackgroundToContent, FillGrant, GuidePhaseReply } from './protocol';
import { TOKEN_MAX_LENGTH } from './token';

export const FORGET_REASONS = ['saved', 'expired', 'forgotten', 'replaced'] as const;
export const WAIT_REASONS = ['no-token', 'expired', 'saved', 'other-app', 'busy-elsewhere', 'already-done', 'failed-needs-retry', 'ask-first', 'unknown-app'] as const;
/** Where the relay is in one hand-off (utils/relay.ts moves between them). */
export const PHASES = ['idle', 'captured', 'filling', 'verified', 'failed', 'saved', 'forgotten', 'expired'] as const;
export const ADAPTER_ID_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
export const HTTPS_URL_MAX_LENGTH = 2048; // longer than any SCIM base URL; bounds message sizes
export const HTTPS_URL_PATTERN = /^https:\/\/[^\s]+$/;
export const SHORT_TEXT_MAX_LENGTH = 600; // messages from IdPs are a sentence or two

const isToken = isString((text) => text.length >= 1 && text.length <= TOKEN_MAX_LENGTH);
const isShortText = isString((text) => text.length <= SHORT_TEXT_MAX_LENGTH);
const isHttpsUrl = isString((text) => text.length <= HTTPS_URL_MAX_LENGTH && HTTPS_URL_PATTERN.test(text));

export function parseBackgroundToContent(raw: unknown): BackgroundToContent | undefined {
  const valid = discriminated(raw, 'type', {
    'bg/token-available': {},
    'bg/fill-here': {},
    'bg/save': {},
    'bg/forgotten': { reason: oneOf(FORGET_REASONS) },
    'bg/notice': { message: isShortText },
  });
  return valid ? (raw as BackgroundToContent) : undefined;
}

export function parseFillGrant(raw: unknown): FillGrant | undefined {
  const valid = discriminated(raw, 'kind', {
    fill: { token: isToken, scimUrl: optional(isHttpsUrl), autoSave: isBoolean },
    wait: { reason: oneOf(WAIT_REASONS), appLabel: optional(isString((text) => text.length <= 120)) },
  });
  return valid ? (raw as FillGrant) : undefined;
}

export function parseGuidePhaseReply(raw: unknown): GuidePhaseReply | undefined {
  return matches(raw, { phase: oneOf(PHASES) }) ? (raw as GuidePhaseReply) : undefined;
}
