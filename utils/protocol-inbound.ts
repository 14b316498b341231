// What content scripts receive from the background, checked without zod (utils/check.ts says why). protocol.ts
// holds the same shapes as zod schemas (the background's source of truth); tests/unit/protocol-inbound.test.ts
// proves both accept exactly the same values.
import { discriminated, isBoolean, isIntIn, isString, matches, oneOf, optional } from './check';
import type { BackgroundToContent, CaptureReply, FillGrant, GuidePhaseReply, PageSettingsReply } from './protocol';
import { CAPTURE_IGNORED_REASONS, FORGET_REASONS, HOST_PATTERN, HTTPS_URL_MAX_LENGTH, HTTPS_URL_PATTERN, ORIGIN_PATTERN, PAIRING_SIDES, PHASES, SHORT_TEXT_MAX_LENGTH, WAIT_REASONS } from './protocol-constants';
import { TOKEN_MAX_LENGTH } from './token';

const isToken = isString((text) => text.length >= 1 && text.length <= TOKEN_MAX_LENGTH);
const isShortText = isString((text) => text.length <= SHORT_TEXT_MAX_LENGTH);
const isHttpsUrl = isString((text) => text.length <= HTTPS_URL_MAX_LENGTH && HTTPS_URL_PATTERN.test(text));

const isHost = isString((text) => HOST_PATTERN.test(text));
const isPairing = (value: unknown) => matches(value, { side: oneOf(PAIRING_SIDES), source: isHost, idp: isHost, pairedWith: isHost });

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
    wait: { reason: oneOf(WAIT_REASONS), pairing: optional(isPairing), appLabel: optional(isString((text) => text.length <= 120)) },
  });
  return valid ? (raw as FillGrant) : undefined;
}

export function parseGuidePhaseReply(raw: unknown): GuidePhaseReply | undefined {
  return matches(raw, { phase: oneOf(PHASES) }) ? (raw as GuidePhaseReply) : undefined;
}

export function parsePageSettingsReply(raw: unknown): PageSettingsReply | undefined {
  return matches(raw, { siteOn: isBoolean, guideMode: isBoolean }) ? (raw as PageSettingsReply) : undefined;
}

export function parseCaptureReply(raw: unknown): CaptureReply | undefined {
  const valid = discriminated(raw, 'kind', {
    captured: {},
    ignored: { reason: oneOf(CAPTURE_IGNORED_REASONS) },
    'ask-replace': { heldOrigin: isString((text) => text.length <= 255 && ORIGIN_PATTERN.test(text)), heldAt: isIntIn(0, Number.MAX_SAFE_INTEGER) },
  });
  return valid ? (raw as CaptureReply) : undefined;
}
