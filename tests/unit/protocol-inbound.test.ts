// The zod-free parsers content scripts use must accept exactly what protocol.ts's zod schemas accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackgroundToContent, FillGrant } from '../../utils/protocol';
import { FORGET_REASONS, parseBackgroundToContent, parseFillGrant, WAIT_REASONS } from '../../utils/protocol-inbound';
import { TOKEN_MAX_LENGTH } from '../../utils/token';

/** Edge values for any field: right and wrong tags, boundary lengths, wrong types, arbitrary junk. */
const piece = fc.oneof(
  fc.constantFrom(...WAIT_REASONS, ...FORGET_REASONS, 'fill', 'wait', 'bg/token-available', 'bg/fill-here', 'bg/save', 'bg/forgotten', 'bg/notice'),
  fc.constantFrom('a'.repeat(600), 'a'.repeat(601)),
  fc.constantFrom('', 'x', 'x'.repeat(TOKEN_MAX_LENGTH), 'x'.repeat(TOKEN_MAX_LENGTH + 1), 'https://acme.invisionapp.com/scim/v2'),
  fc.constantFrom('https://a b', `https://${'a'.repeat(2040)}`, `https://${'a'.repeat(2041)}`, 'http://acme.test', undefined, null),
  fc.boolean(),
  fc.anything(),
);
const validMessage = fc.oneof(
  fc.record(
    { kind: fc.constant('fill'), token: fc.string({ minLength: 1 }), scimUrl: fc.webUrl({ validSchemes: ['https'] }), autoSave: fc.boolean() },
    { requiredKeys: ['kind', 'token', 'autoSave'] },
  ),
  fc.record({ kind: fc.constant('wait'), reason: fc.constantFrom(...WAIT_REASONS) }),
  fc.record({ type: fc.constantFrom('bg/token-available', 'bg/fill-here', 'bg/save') }),
  fc.record({ type: fc.constant('bg/forgotten'), reason: fc.constantFrom(...FORGET_REASONS) }),
  fc.record({ type: fc.constant('bg/notice'), message: fc.string({ maxLength: 600 }) }),
);
/** A valid message with one key replaced, added or removed; or anything at all. */
const candidate = fc.oneof(
  validMessage,
  fc.tuple(validMessage, fc.constantFrom('type', 'kind', 'reason', 'token', 'scimUrl', 'autoSave', 'message', 'extra'), piece).map(
    ([message, key, value]) => ({ ...message, [key]: value }),
  ),
  fc.tuple(validMessage, fc.nat()).map(([message, n]) => {
    const rest: Record<string, unknown> = { ...message };
    delete rest[Object.keys(message)[n % Object.keys(message).length]!];
    return rest;
  }),
  fc.anything(),
);

function agree(schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, parse: (v: unknown) => unknown) {
  fc.assert(
    fc.property(candidate, (value) => {
      const expected = schema.safeParse(value);
      const actual = parse(value);
      expect(actual !== undefined).toBe(expected.success);
      if (expected.success) expect(actual).toEqual(expected.data);
    }),
    { numRuns: 5000 },
  );
}

describe('zod-free inbound parsers', () => {
  it('parseFillGrant agrees with FillGrant', () => agree(FillGrant, parseFillGrant));
  it('parseBackgroundToContent agrees with BackgroundToContent', () => agree(BackgroundToContent, parseBackgroundToContent));

  it('accepts the messages the background sends and rejects near misses', () => {
    const fill = { kind: 'fill', token: 'a'.repeat(40), scimUrl: 'https://acme.invisionapp.com/scim/v2', autoSave: false };
    expect(parseFillGrant(fill)).toEqual(fill);
    expect(parseFillGrant({ ...fill, extra: 1 })).toBeUndefined();
    expect(parseFillGrant({ ...fill, scimUrl: 'http://acme.invisionapp.com/scim/v2' })).toBeUndefined();
    expect(parseFillGrant({ kind: 'wait', reason: 'expired' })).toEqual({ kind: 'wait', reason: 'expired' });
    expect(parseFillGrant({ kind: 'wait', reason: 'toString' })).toBeUndefined();
    expect(parseBackgroundToContent({ type: 'bg/forgotten', reason: 'saved' })).toEqual({ type: 'bg/forgotten', reason: 'saved' });
    expect(parseBackgroundToContent({ type: 'bg/save', reason: 'saved' })).toBeUndefined();
    expect(parseBackgroundToContent({ type: 'constructor' })).toBeUndefined();
  });
});
