// What counts as a token, and the only ways a token may be shown or mentioned: a 4-character fingerprint and redaction.

/** Token format is undocumented: accept any opaque printable string of sane length, never a mask or placeholder. */
export const TOKEN_MIN_LENGTH = 16; // shorter strings are labels or placeholders, not bearer secrets
export const TOKEN_MAX_LENGTH = 4096; // far beyond any bearer token; bounds message sizes
const PRINTABLE_NO_SPACE = /^[\x21-\x7e]+$/;
const MASK_CHARS = /[•●·∙◦*]/;
const PLACEHOLDER_WORDS = /^(?:hidden|generate|token|none|null|undefined|n\/a|loading)/i;

export type TokenRejection = 'empty' | 'too-short' | 'too-long' | 'whitespace-or-unprintable' | 'masked' | 'placeholder';

export function checkToken(raw: string): { ok: true; token: string } | { ok: false; reason: TokenRejection } {
  const token = raw.trim();
  if (!token) return { ok: false, reason: 'empty' };
  if (MASK_CHARS.test(token) || /^x{6,}$/i.test(token) || /^\.{3,}/.test(token)) return { ok: false, reason: 'masked' };
  if (!PRINTABLE_NO_SPACE.test(token)) return { ok: false, reason: 'whitespace-or-unprintable' };
  if (PLACEHOLDER_WORDS.test(token) && token.length < 32) return { ok: false, reason: 'placeholder' };
  if (token.length < TOKEN_MIN_LENGTH) return { ok: false, reason: 'too-short' };
  if (token.length > TOKEN_MAX_LENGTH) return { ok: false, reason: 'too-long' };
  return { ok: true, token };
}

/**
 * Some consoles show the token as a header value ("Bearer <token>"); every IdP form wants the token alone
 * (Entra says so explicitly), so the scheme word is dropped before the token is judged.
 */
export function bareToken(shown: string): string {
  return shown.trim().replace(/^bearer\s+/i, '');
}

/** The last four characters, the only part of a token a person ever sees from us. */
export function fingerprint(token: string): string {
  return `…${token.slice(-4)}`;
}

/** Fragments of 8+ characters are as good as a leak for a short-lived secret. */
export const LEAK_FRAGMENT = 8;
/** Stored messages and diagnostics keep nothing longer than the fingerprint shows (4 characters). */
export const SHOWN_FRAGMENT_LIMIT = 5;

/**
 * Removes every occurrence of the token (and of fragments of `fragment`+ characters) from text shown to a person
 * or written to diagnostics: IdP messages can echo what they were sent.
 */
export function redact(text: string, token: string | undefined, fragment = LEAK_FRAGMENT): string {
  if (!token) return text;
  let out = text.split(token).join(REDACTED);
  for (let i = 0; i + fragment <= token.length; i++) {
    const part = token.slice(i, i + fragment);
    if (out.includes(part)) out = out.split(part).join(REDACTED);
  }
  return out;
}

const REDACTED = '[token]';
