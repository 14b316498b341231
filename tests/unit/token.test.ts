// What counts as a token, and that redaction removes it and its fragments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkToken, fingerprint, redact } from '../../utils/token';

describe('checkToken', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['••••••••••••••••••••', 'masked'],
    ['****************************', 'masked'],
    ['xxxxxxxxxxxxxxxxxxxx', 'masked'],
    ['abc def ghi jkl mno pqr', 'whitespace-or-unprintable'],
    ['short123', 'too-short'],
    ['Generate a token', 'whitespace-or-unprintable'],
    ['hidden_until_generated', 'placeholder'],
    ['a'.repeat(5000), 'too-long'],
  ])('rejects %j as %s', (raw, reason) => {
    expect(checkToken(raw)).toEqual({ ok: false, reason });
  });

  it('accepts opaque printable strings and trims them', () => {
    expect(checkToken('  eyJhbGciOiJIUzI1NiJ9.payload.sig  ')).toEqual({ ok: true, token: 'eyJhbGciOiJIUzI1NiJ9.payload.sig' });
  });
});

describe('redact and fingerprint', () => {
  it('never leaves the token or an 8-character piece of it in the text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\x21-\x7e]{16,64}$/), fc.string(), fc.string(), (token, before, after) => {
        const out = redact(`${before}${token}${after} ${token.slice(3, 15)}`, token);
        for (let i = 0; i + 8 <= token.length; i++) expect(out.includes(token.slice(i, i + 8))).toBe(false);
      }),
    );
  });

  it('shows only the last four characters', () => {
    expect(fingerprint('abcdefghijklmnop1234')).toBe('…1234');
  });
});
