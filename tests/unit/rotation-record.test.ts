// The rotation record: one entry per verdict, marked saved on save, capped, newest first, exported as CSV and JSON;
// and, for any token and any page text, no entry or export holds the token or any piece of it beyond the
// 4-character fingerprint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, type RelayState } from '../../utils/relay';
import {
  appendEntry,
  dueRotations,
  lastRotation,
  makeEntry,
  markSaved,
  parseRecord,
  recordChange,
  RECORD_LIMIT,
  type RotationEntry,
} from '../../utils/rotation/record';
import { recordToCsv, recordToJson } from '../../utils/rotation/export';
import { rotationNotices } from '../../utils/rotation/reminder';

const NOW = 1_780_000_000_000;
const DAY = 86_400_000;
const TOKEN = 'tok_0123456789abcdefWXYZ';
const REDACTION_MARK = '[token]';

const filling: RelayState = {
  ...INITIAL_STATE,
  phase: 'filling',
  secret: { token: TOKEN, capturedAt: NOW - 60_000, expiresAt: NOW + 540_000, sourceAdapterId: 'invision', sourceOrigin: 'https://acme.invisionapp.com' },
  target: { tabId: 7, adapterId: 'okta', origin: 'https://acme-admin.okta.com', appLabel: 'InVision' },
  timeline: [
    { at: NOW - 60_000, event: 'phase:captured' },
    { at: NOW - 2_000, event: 'phase:filling' },
  ],
};

function entry(overrides: Partial<RotationEntry> = {}): RotationEntry {
  return {
    at: NOW,
    sourceHost: 'acme.invisionapp.com',
    idp: 'okta',
    idpHost: 'acme-admin.okta.com',
    app: 'InVision',
    outcome: 'verified',
    verdict: 'Your API credentials were verified successfully.',
    saved: false,
    durationMs: 2000,
    fingerprint: '…WXYZ',
    capturedAt: NOW - 60_000,
    ...overrides,
  };
}

/** Every piece of the token longer than the fingerprint shows: 5 characters and up. */
function pieces(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 5 <= token.length; i++) out.push(token.slice(i, i + 5));
  return out;
}
/** The redaction marker is our constant, not the token: a token that happens to contain "oken]" is not leaked by it. */
const leaks = (text: string, token: string) => pieces(token).filter((piece) => text.replaceAll(REDACTION_MARK, '\0').includes(piece));

describe('rotation record', () => {
  it('a verdict adds one entry with hosts, IdP, app, the IdP words, and the time from fill start to verdict', () => {
    const change = recordChange(filling, { ...filling, phase: 'verified', message: 'Your API credentials were verified successfully.' }, NOW);
    expect(change?.([])).toEqual([entry()]);
    const failed = recordChange(filling, { ...filling, phase: 'failed', message: `Bad token ${TOKEN}` }, NOW)?.([]);
    expect(failed?.[0]).toMatchObject({ outcome: 'failed', verdict: 'Bad token [token]', saved: false });
  });

  it('a save marks the entry of that capture saved; nothing else changes the record', () => {
    const verified: RelayState = { ...filling, phase: 'verified' };
    const savedState: RelayState = { ...verified, phase: 'saved', secret: undefined };
    const older = entry({ capturedAt: 1, at: NOW - DAY });
    expect(recordChange(verified, savedState, NOW)?.([entry(), older])).toEqual([entry({ saved: true }), older]);
    expect(recordChange(filling, { ...filling, phase: 'captured' }, NOW)).toBeUndefined(); // stopped before typing
    expect(recordChange({ ...filling, phase: 'captured' }, filling, NOW)).toBeUndefined();
    expect(recordChange(verified, { ...verified, message: 'Save failed' }, NOW)).toBeUndefined();
  });

  it('markSaved leaves a failed entry alone and changes nothing when no entry matches', () => {
    const failed = entry({ outcome: 'failed' });
    expect(markSaved([failed], failed.capturedAt, failed.idpHost)).toEqual([failed]);
    expect(markSaved([entry()], 42, 'acme-admin.okta.com')).toEqual([entry()]);
  });

  it('keeps the newest first and at most the cap', () => {
    let record: RotationEntry[] = [];
    for (let i = 0; i < RECORD_LIMIT + 3; i++) record = appendEntry(record, entry({ at: i }));
    expect(record).toHaveLength(RECORD_LIMIT);
    expect(record[0]?.at).toBe(RECORD_LIMIT + 2);
    expect(record.at(-1)?.at).toBe(3);
  });

  it('reads back what it stores, and treats anything else as no record', () => {
    expect(parseRecord([entry()])).toEqual([entry()]);
    expect(parseRecord(undefined)).toEqual([]);
    expect(parseRecord([{ ...entry(), token: TOKEN }])).toEqual([]);
  });

  it('"last rotated" is the newest saved entry for that IdP org', () => {
    const record = [entry({ at: 3 }), entry({ at: 2, saved: true }), entry({ at: 1, saved: true, idpHost: 'other-admin.okta.com' })];
    expect(lastRotation(record, 'acme-admin.okta.com')?.at).toBe(2);
    expect(lastRotation(record, 'nobody-admin.okta.com')).toBeUndefined();
  });

  it('a rotation is due when the org’s last saved token is as old as the interval; interval 0 is off', () => {
    const record = [entry({ at: NOW - 10 * DAY, saved: true }), entry({ at: NOW - 100 * DAY, saved: true }), entry({ idpHost: 'old-admin.okta.com', at: NOW - 95 * DAY, saved: true })];
    expect(dueRotations(record, 90, NOW).map(({ entry: e, days }) => [e.idpHost, days])).toEqual([['old-admin.okta.com', 95]]);
    expect(dueRotations(record, 0, NOW)).toEqual([]);
    expect(dueRotations(record, 5, NOW).map(({ entry: e }) => e.idpHost)).toEqual(['acme-admin.okta.com', 'old-admin.okta.com']);
  });

  it('the reminder names each due org once, with its age and the interval', () => {
    const record = [entry({ at: NOW - 91 * DAY, saved: true }), entry({ at: NOW - 200 * DAY, saved: true })];
    expect(rotationNotices(record, 90, NOW)).toEqual([
      {
        id: 'rotation-due:acme-admin.okta.com',
        title: 'SCIM token rotation due',
        message:
          'The SCIM token of InVision on acme-admin.okta.com was last rotated 91 days ago; the reminder is set to 90 days. Generate a new token in the source and carry it over with SCIM Relay.',
      },
    ]);
    expect(rotationNotices(record, 0, NOW)).toEqual([]);
  });

  it('exports CSV with a header, quoting, and page text that cannot become a spreadsheet formula', () => {
    const csv = recordToCsv([entry({ app: 'In, "Vision"', verdict: '=HYPERLINK("x")' })]);
    expect(csv).toBe(
      'at,source_host,idp,idp_host,app,outcome,verdict,saved,duration_ms,fingerprint\r\n' +
        `${new Date(NOW).toISOString()},acme.invisionapp.com,okta,acme-admin.okta.com,"In, ""Vision""",verified,"'=HYPERLINK(""x"")",false,2000,…WXYZ\r\n`,
    );
    expect(JSON.parse(recordToJson([entry()]))).toEqual([{ ...entry(), at: new Date(NOW).toISOString() }]);
  });
});

describe('no entry can hold the token', () => {
  /** Page text an IdP might echo: any text, with the token or pieces of it spliced in anywhere. */
  const echo = (token: string) =>
    fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.constant(token), fc.integer({ min: 0, max: token.length - 5 }).map((i) => token.slice(i, i + 5 + (i % 7)))), { maxLength: 6 }).map((parts) => parts.join(''));
  const printable = fc.stringMatching(/^[\x21-\x7e]{16,80}$/);

  it('for any printable token, no field of an entry holds a piece of it longer than 4 characters', () => {
    fc.assert(
      fc.property(
        printable.chain((token) => fc.tuple(fc.constant(token), echo(token), echo(token), echo(token))),
        ([token, verdict, app, host]) => {
          const made = makeEntry({ token, capturedAt: NOW, sourceOrigin: `https://${host}`, idp: 'okta', idpOrigin: host, app, outcome: 'failed', verdict, startedAt: NOW - 1, now: NOW });
          for (const field of [made.sourceHost, made.idp, made.idpHost, made.app, made.verdict, made.fingerprint]) expect(leaks(field, token)).toEqual([]);
          expect(made.fingerprint).toBe(`…${token.slice(-4)}`);
        },
      ),
    );
  });

  it('for any bearer token, neither export of any record holds a piece of it longer than 4 characters', () => {
    // Upper-case letters: the record's own words (ISO dates, column names, hosts) never hold 5 of them in a row, so
    // any hit is a real leak and not a coincidence.
    const token = fc.stringMatching(/^[A-Z]{16,64}$/);
    fc.assert(
      fc.property(
        token.chain((t) => fc.tuple(fc.constant(t), fc.array(fc.tuple(echo(t), echo(t)), { minLength: 1, maxLength: 4 }))),
        ([t, texts]) => {
          let record: RotationEntry[] = [];
          for (const [verdict, app] of texts) {
            const before: RelayState = { ...filling, secret: { ...filling.secret!, token: t }, target: { ...filling.target!, appLabel: app } };
            record = recordChange(before, { ...before, phase: 'verified', message: verdict }, NOW)!(record);
            record = recordChange({ ...before, phase: 'verified' }, { ...before, phase: 'saved', secret: undefined }, NOW)!(record);
          }
          expect(leaks(JSON.stringify(record), t)).toEqual([]);
          expect(leaks(recordToCsv(record), t)).toEqual([]);
          expect(leaks(recordToJson(record), t)).toEqual([]);
        },
      ),
    );
  });
});
