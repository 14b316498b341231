// What content scripts receive from the background, checked without zod: zod's parser alone costs a content
// script ~6 KB gzip, a third of its budget. protocol.ts holds the same shapes as zod schemas (the background's
// source of truth); tests/unit/protocol-inbound.test.ts proves both accept exactly the same values.
import type { BackgroundToContent, FillGrant } from './protocol';
import { TOKEN_MAX_LENGTH } from './token';

export const FORGET_REASONS = ['saved', 'expired', 'forgotten', 'replaced'] as const;
export const WAIT_REASONS = ['no-token', 'expired', 'saved', 'other-app', 'busy-elsewhere', 'already-done', 'failed-needs-retry', 'ask-first'] as const;
export const HTTPS_URL_MAX_LENGTH = 2048; // longer than any SCIM base URL; bounds message sizes
export const HTTPS_URL_PATTERN = /^https:\/\/[^\s]+$/;
export const SHORT_TEXT_MAX_LENGTH = 600; // messages from IdPs are a sentence or two

type Shape = Record<string, (value: unknown) => boolean>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const oneOf = (options: readonly string[]) => (value: unknown) => typeof value === 'string' && options.includes(value);
const optional = (check: (value: unknown) => boolean) => (value: unknown) => value === undefined || check(value);
const isToken = (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= TOKEN_MAX_LENGTH;
const isShortText = (value: unknown) => typeof value === 'string' && value.length <= SHORT_TEXT_MAX_LENGTH;
const isHttpsUrl = (value: unknown) =>
  typeof value === 'string' && value.length <= HTTPS_URL_MAX_LENGTH && HTTPS_URL_PATTERN.test(value);

/** Strict like zod's strictObject: every key known, every known key valid (optional ones may be absent). */
function matches(value: Record<string, unknown>, shape: Shape): boolean {
  for (const key in value) if (!Object.hasOwn(shape, key)) return false;
  return Object.entries(shape).every(([key, check]) => check(value[key]));
}

function discriminated<T>(raw: unknown, key: string, shapes: Record<string, Shape>): T | undefined {
  if (!isRecord(raw)) return undefined;
  const tag = raw[key];
  const shape = typeof tag === 'string' && Object.hasOwn(shapes, tag) ? shapes[tag] : undefined;
  return shape && matches(raw, { ...shape, [key]: () => true }) ? (raw as T) : undefined;
}

export function parseBackgroundToContent(raw: unknown): BackgroundToContent | undefined {
  return discriminated(raw, 'type', {
    'bg/token-available': {},
    'bg/fill-here': {},
    'bg/save': {},
    'bg/forgotten': { reason: oneOf(FORGET_REASONS) },
    'bg/notice': { message: isShortText },
  });
}

export function parseFillGrant(raw: unknown): FillGrant | undefined {
  return discriminated(raw, 'kind', {
    fill: { token: isToken, scimUrl: optional(isHttpsUrl), autoSave: (value) => typeof value === 'boolean' },
    wait: { reason: oneOf(WAIT_REASONS) },
  });
}
