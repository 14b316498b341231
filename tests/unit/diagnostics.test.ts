// "Copy diagnostics" tells support what happened and never carries the token or any piece of it longer than the
// 4-character fingerprint, whatever the IdP or a page echoes back and at whatever point of the hand-off it is made.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnosticsReport } from '../../utils/diagnostics';
import { INITIAL_STATE, allowTab, capture, noteChanges, reportPage, requestFill, result, saved, type RelayState, type Transition } from '../../utils/relay';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { SHOWN_FRAGMENT_LIMIT } from '../../utils/token';

const NOW = 1_700_000_000_000;
const LIFETIME = 10 * 60_000;
const OKTA = { adapterId: 'okta', role: 'target' as const, origin: 'https://acme-admin.okta.com' };
const READY = { tabId: 7, adapterId: 'okta', origin: OKTA.origin, appLabel: 'InVision', expectedApp: true };

/** Runs transitions the way the background commits them, timeline included. */
function run(steps: ((s: RelayState, now: number) => Transition<unknown>)[]): RelayState {
  let state = INITIAL_STATE;
  steps.forEach((step, i) => {
    const now = NOW + i * 1500;
    state = noteChanges(state, step(state, now).state, now);
  });
  return state;
}

function report(state: RelayState, now = NOW + 60_000): string {
  return diagnosticsReport({ state, settings: DEFAULT_SETTINGS, now, extensionVersion: '0.1.0', browser: 'TestBrowser/1.0' });
}

function pieces(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + SHOWN_FRAGMENT_LIMIT <= token.length; i++) out.push(token.slice(i, i + SHOWN_FRAGMENT_LIMIT));
  return out;
}

// Hex tokens: nothing in the report's own words or numbers has five hex characters in a row, so any hit is a leak.
const hexToken = fc.stringMatching(/^[0-9a-f]{16,64}$/);
/** Text that echoes the token, whole or a piece of it, among other words. */
const echo = (token: string) =>
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.nat(), fc.integer({ min: SHOWN_FRAGMENT_LIMIT, max: 64 }), fc.string({ maxLength: 20 }))
    .map(([before, from, length, after]) => `${before}${token.slice(from % token.length, (from % token.length) + length)}${after}`);

describe('diagnostics', () => {
  it('names steps, page controls, the IdP’s last messages and timings', () => {
    const state = run([
      (s, now) => capture(s, { token: 'abcdef0123456789WXYZ', adapterId: 'invision', origin: 'https://acme.invisionapp.com' }, now, LIFETIME),
      (s, now) => reportPage(s, 7, { ...OKTA, status: { code: 'ready', found: ['API Token field'], missing: ['Enable API integration checkbox'] } }, now),
      (s, now) => requestFill(s, READY, now, false),
      (s, now) => result(s, 7, { outcome: 'failed', message: 'Error authenticating: Unauthorized.', pageVisible: true }, now),
    ]);
    const text = report(state);
    expect(text).toContain('Extension: 0.1.0');
    expect(text).toContain('Browser: TestBrowser/1.0');
    expect(text).toContain('Phase: failed');
    expect(text).toContain('Token: …WXYZ');
    expect(text).toContain('capture done, locate done, fill -');
    expect(text).toContain('okta (target) https://acme-admin.okta.com: ready at +1.5 s; found: API Token field; missing: Enable API integration checkbox');
    expect(text).toContain('+4.5 s Error authenticating: Unauthorized.');
    expect(text).toContain('+4.5 s phase:failed');
  });

  it('never holds the token or a piece longer than the fingerprint, before or after it is forgotten', () => {
    fc.assert(
      fc.property(
        hexToken.chain((token) => fc.record({ token: fc.constant(token), texts: fc.array(echo(token), { minLength: 6, maxLength: 6 }), save: fc.boolean() })),
        ({ token, texts, save }) => {
          const [detail, name, failure, verifiedText, savedText, appLabel] = texts as [string, string, string, string, string, string];
          const state = run([
            (s, now) => capture(s, { token, adapterId: 'invision', origin: 'https://acme.invisionapp.com' }, now, LIFETIME),
            (s, now) => reportPage(s, 7, { ...OKTA, status: { code: 'layout-not-recognised', detail, found: [name], missing: [name], appLabel } }, now),
            (s, now) => requestFill(s, READY, now, false),
            (s, now) => result(s, 7, { outcome: 'failed', message: failure, pageVisible: false }, now),
            (s, now) => allowTab(s, 7, now),
            (s, now) => requestFill(s, READY, now, false),
            (s, now) => result(s, 7, { outcome: 'verified', message: verifiedText, pageVisible: true }, now),
            ...(save ? [(s: RelayState, now: number) => saved(s, 7, { ok: true, message: savedText }, now)] : []),
          ]);
          const text = report(state);
          expect(text).not.toContain(token);
          for (const piece of pieces(token)) expect(text).not.toContain(piece);
          if (!save) expect(text).toContain(`…${token.slice(-4)}`);
        },
      ),
    );
  });
});
