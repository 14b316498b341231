// Tenant binding: which source org each IdP org was paired with, and when a token asks before it is filled.
import { describe, expect, it } from 'vitest';
import { hostOf, PAIRINGS_LIMIT, pairingVerdict, parsePairings, rememberPair, storedPairings } from '../../utils/pairing';

const ACME = 'acme.invisionapp.com';
const OTHER = 'other.invisionapp.com';
const ACME_OKTA = 'acme-admin.okta.com';
const OTHER_OKTA = 'other-admin.okta.com';

describe('pairing verdict', () => {
  it('lets a first pairing proceed: neither org was paired before', () => {
    expect(pairingVerdict([], ACME, ACME_OKTA)).toEqual({ kind: 'first' });
    expect(pairingVerdict(rememberPair([], OTHER, OTHER_OKTA, 1), ACME, ACME_OKTA)).toEqual({ kind: 'first' });
  });

  it('knows a pair it was given', () => {
    expect(pairingVerdict(rememberPair([], ACME, ACME_OKTA, 1), ACME, ACME_OKTA)).toEqual({ kind: 'known' });
  });

  it('asks when the IdP org had another source org, naming that one', () => {
    const pairs = rememberPair([], ACME, ACME_OKTA, 1);
    expect(pairingVerdict(pairs, OTHER, ACME_OKTA)).toEqual({ kind: 'changed', side: 'idp', pairedWith: ACME });
  });

  it('asks when the source org went to another IdP org, naming that one', () => {
    const pairs = rememberPair([], ACME, ACME_OKTA, 1);
    expect(pairingVerdict(pairs, ACME, OTHER_OKTA)).toEqual({ kind: 'changed', side: 'source', pairedWith: ACME_OKTA });
  });

  it('names the most recent pairing, and remembers every confirmed pair (support staff confirm each once)', () => {
    let pairs = rememberPair([], ACME, ACME_OKTA, 1);
    pairs = rememberPair(pairs, OTHER, ACME_OKTA, 2);
    expect(pairingVerdict(pairs, 'third.invisionapp.com', ACME_OKTA)).toEqual({ kind: 'changed', side: 'idp', pairedWith: OTHER });
    expect(pairingVerdict(pairs, ACME, ACME_OKTA)).toEqual({ kind: 'known' });
    expect(pairingVerdict(pairs, OTHER, ACME_OKTA)).toEqual({ kind: 'known' });
    // Used again, the first pair becomes the latest.
    pairs = rememberPair(pairs, ACME, ACME_OKTA, 3);
    expect(pairs).toHaveLength(2);
    expect(pairingVerdict(pairs, 'third.invisionapp.com', ACME_OKTA)).toEqual({ kind: 'changed', side: 'idp', pairedWith: ACME });
  });

  it('keeps at most the limit, dropping the oldest', () => {
    let pairs = rememberPair([], ACME, ACME_OKTA, 0);
    for (let i = 1; i <= PAIRINGS_LIMIT; i++) pairs = rememberPair(pairs, `s${i}.invisionapp.com`, `o${i}-admin.okta.com`, i);
    expect(pairs).toHaveLength(PAIRINGS_LIMIT);
    expect(pairingVerdict(pairs, ACME, ACME_OKTA)).toEqual({ kind: 'first' });
  });
});

describe('stored pairings', () => {
  it('round-trip host names and times only', () => {
    const stored = storedPairings(rememberPair([], ACME, ACME_OKTA, 5));
    expect(stored).toEqual({ version: 1, pairs: [{ source: ACME, idp: ACME_OKTA, at: 5 }] });
    expect(parsePairings(structuredClone(stored))).toEqual(stored.pairs);
  });

  it('read anything invalid as no pairings', () => {
    for (const raw of [undefined, null, 'x', { version: 2, pairs: [] }, { version: 1, pairs: [{ source: 'A B', idp: ACME_OKTA, at: 1 }] }, { version: 1, pairs: [], token: 'x' }]) {
      expect(parsePairings(raw)).toEqual([]);
    }
  });

  it('hostOf reads the host of an origin or URL, lower case', () => {
    expect(hostOf('https://ACME.invisionapp.com')).toBe(ACME);
    expect(hostOf('https://acme-admin.okta.com/admin/app/x')).toBe(ACME_OKTA);
    expect(hostOf('not a url')).toBeUndefined();
    expect(hostOf(undefined)).toBeUndefined();
  });
});
