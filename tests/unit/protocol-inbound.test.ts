// The zod-free parsers content scripts use must accept exactly what protocol.ts's zod schemas accept.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackgroundToContent, CaptureReply, FillGrant, GuidePhaseReply, PageSettingsReply } from '../../utils/protocol';
import { CAPTURE_IGNORED_REASONS, FORGET_REASONS, PHASES, WAIT_REASONS } from '../../utils/protocol-constants';
import { parseBackgroundToContent, parseCaptureReply, parseFillGrant, parseGuidePhaseReply, parsePageSettingsReply } from '../../utils/protocol-inbound';
import { TOKEN_MAX_LENGTH } from '../../utils/token';
import { assertSameResults, candidates, zodResult } from './zod-agreement';

/** Edge values for any field: right and wrong tags, boundary lengths, wrong types, arbitrary junk. */
const piece = fc.oneof(
  fc.constantFrom(...WAIT_REASONS, ...FORGET_REASONS, ...PHASES, ...CAPTURE_IGNORED_REASONS, 'captured', 'ignored', 'ask-replace', 'fill', 'wait', 'bg/token-available', 'bg/fill-here', 'bg/save', 'bg/forgotten', 'bg/notice'),
  fc.constantFrom('a'.repeat(600), 'a'.repeat(601)),
  fc.constantFrom('', 'x', 'x'.repeat(TOKEN_MAX_LENGTH), 'x'.repeat(TOKEN_MAX_LENGTH + 1), 'https://acme.invisionapp.com/scim/v2'),
  fc.constantFrom('https://a b', `https://${'a'.repeat(2040)}`, `https://${'a'.repeat(2041)}`, 'http://acme.test', undefined, null),
  fc.boolean(),
  fc.constantFrom(0, -1, 1.5, 1_700_000_000_000, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, 'https://acme.invisionapp.com', 'https://Acme.example', `https://${'a'.repeat(247)}.example`),
  fc.constantFrom({ side: 'idp', source: 'acme.invisionapp.com', idp: 'acme-admin.okta.com', pairedWith: 'other.invisionapp.com' }, { side: 'source' }),
  fc.anything(),
);
/** Host names as the card shows them, with near misses: upper case, a port, empty, too long. */
const host = fc.constantFrom('acme.invisionapp.com', 'acme-admin.okta.com', 'ACME.okta.com', 'acme.okta.com:8443', '', 'a'.repeat(253), 'a'.repeat(254));
const pairing = fc.record({ side: fc.constantFrom('idp', 'source', 'both'), source: host, idp: host, pairedWith: host });
const validMessage = fc.oneof(
  fc.record(
    { kind: fc.constant('fill'), token: fc.string({ minLength: 1 }), scimUrl: fc.webUrl({ validSchemes: ['https'] }), autoSave: fc.boolean() },
    { requiredKeys: ['kind', 'token', 'autoSave'] },
  ),
  fc.record({ kind: fc.constant('wait'), reason: fc.constantFrom(...WAIT_REASONS), pairing, appLabel: fc.string({ maxLength: 121 }) }, { requiredKeys: ['kind', 'reason'] }),
  fc.record({ type: fc.constantFrom('bg/token-available', 'bg/fill-here', 'bg/save') }),
  fc.record({ type: fc.constant('bg/forgotten'), reason: fc.constantFrom(...FORGET_REASONS) }),
  fc.record({ type: fc.constant('bg/notice'), message: fc.string({ maxLength: 600 }) }),
  fc.record({ phase: fc.constantFrom(...PHASES) }),
  fc.record({ siteOn: fc.boolean(), guideMode: fc.boolean() }),
  fc.record({ kind: fc.constant('captured') }),
  fc.record({ kind: fc.constant('ignored'), reason: fc.constantFrom(...CAPTURE_IGNORED_REASONS) }),
  fc.record({ kind: fc.constant('ask-replace'), heldOrigin: fc.constantFrom('https://acme.invisionapp.com', 'https://a.example'), heldAt: fc.nat() }),
);
const candidate = candidates(validMessage, ['type', 'kind', 'reason', 'pairing', 'appLabel', 'token', 'scimUrl', 'autoSave', 'message', 'phase', 'siteOn', 'guideMode', 'heldOrigin', 'heldAt', 'extra'], piece);
const agree = (schema: Parameters<typeof zodResult>[0], parse: (value: unknown) => unknown) => assertSameResults(zodResult(schema), parse, candidate);

describe('zod-free inbound parsers', () => {
  it('parseFillGrant agrees with FillGrant', () => agree(FillGrant, parseFillGrant));
  it('parseBackgroundToContent agrees with BackgroundToContent', () => agree(BackgroundToContent, parseBackgroundToContent));
  it('parseGuidePhaseReply agrees with GuidePhaseReply', () => agree(GuidePhaseReply, parseGuidePhaseReply));
  it('parsePageSettingsReply agrees with PageSettingsReply', () => agree(PageSettingsReply, parsePageSettingsReply));
  it('parseCaptureReply agrees with CaptureReply', () => agree(CaptureReply, parseCaptureReply));

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
    expect(parseGuidePhaseReply({ phase: 'filling' })).toEqual({ phase: 'filling' });
    expect(parseGuidePhaseReply({ phase: 'filling', token: 'x' })).toBeUndefined();
    expect(parseGuidePhaseReply({ phase: 'valueOf' })).toBeUndefined();
    expect(parsePageSettingsReply({ siteOn: true, guideMode: false })).toEqual({ siteOn: true, guideMode: false });
    expect(parsePageSettingsReply({ siteOn: 'yes', guideMode: false })).toBeUndefined();
    expect(parsePageSettingsReply({ siteOn: true })).toBeUndefined();
  });
});
