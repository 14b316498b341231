// Provenance in the relay state machine: a token counts only after the person's own click in that tab, one click
// allows one token, and a second token from another page waits for the person's answer instead of winning.
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, TRUSTED_CLICK_WINDOW_MS, answerReplace, forget, offerCapture, requestFill, trustedClick, viewFor, type RelayState } from '../../utils/relay';

const NOW = 1_700_000_000_000;
const LIFETIME = 10 * 60_000;
const ORIGIN = 'https://acme.invisionapp.com';
const SETTINGS = { adapterId: 'invision', origin: ORIGIN, tabId: 3, path: '/settings/scim', title: 'Settings · Acme · InVision' };
const FIRST = 'tok_first_0123456789abcdWXYZ';
const SECOND = 'tok_second_0123456789abcdQRST';

const clicked = (state: RelayState = INITIAL_STATE, at = NOW, tabId = 3, origin = ORIGIN) => trustedClick(state, { tabId, origin }, at).state;
const held = (token = FIRST) => offerCapture(clicked(), { ...SETTINGS, token, scimUrl: `${ORIGIN}/scim/v2` }, NOW + 1000, LIFETIME).state;

describe('capture provenance', () => {
  it('holds a token shown shortly after the person clicked generate in that tab, with where and when it came from', () => {
    const t = offerCapture(clicked(), { ...SETTINGS, token: FIRST, scimUrl: `${ORIGIN}/scim/v2` }, NOW + 1000, LIFETIME);
    expect(t.reply).toEqual({ kind: 'captured' });
    expect(t.state.phase).toBe('captured');
    expect(t.state.secret).toMatchObject({ token: FIRST, sourceOrigin: ORIGIN, sourceTabId: 3, sourcePath: '/settings/scim', sourceTitle: SETTINGS.title });
    expect(t.state.click).toBeUndefined(); // the click is used up
    const view = viewFor(t.state, undefined, NOW + 1000);
    expect(view).toMatchObject({ sourceOrigin: ORIGIN, sourceTitle: SETTINGS.title, capturedAt: NOW + 1000, scimUrl: `${ORIGIN}/scim/v2` });
  });

  it.each([
    ['without any click', INITIAL_STATE, NOW],
    ['after a click in another tab', clicked(INITIAL_STATE, NOW, 4), NOW + 1000],
    ['after a click on another origin', clicked(INITIAL_STATE, NOW, 3, 'https://other.invisionapp.com'), NOW + 1000],
    ['too long after the click', clicked(), NOW + TRUSTED_CLICK_WINDOW_MS + 1],
    ['before the click (a clock that went back)', clicked(), NOW - 1],
  ])('ignores a token shown %s, and holds nothing', (_name, state, at) => {
    const t = offerCapture(state, { ...SETTINGS, token: FIRST }, at, LIFETIME);
    expect(t.reply).toEqual({ kind: 'ignored', reason: 'no-click' });
    expect(t.state.secret).toBeUndefined();
    expect(t.state.pending).toBeUndefined();
    expect(t.effects).toEqual([]);
  });

  it('counts the token shown on a new page in the same tab after the click (a click that loads a page)', () => {
    const t = offerCapture(clicked(), { ...SETTINGS, path: '/settings/scim/token', token: FIRST }, NOW + 4000, LIFETIME);
    expect(t.reply).toEqual({ kind: 'captured' });
  });

  it('one click, one token: a page that swaps its token after the capture never gets the swap in', () => {
    const s = held();
    for (let i = 1; i <= 12; i++) {
      const swap = offerCapture(s, { ...SETTINGS, token: `${SECOND}${i}` }, NOW + 1000 + i * 800, LIFETIME);
      expect(swap.reply).toEqual({ kind: 'ignored', reason: 'no-click' });
      expect(swap.state.secret?.token).toBe(FIRST);
      expect(swap.effects).toEqual([]); // no nudge to any IdP tab: nothing is tested again
    }
  });

  it('the same token shown again (the page reloaded) is neither new nor ignored', () => {
    const t = offerCapture(held(), { ...SETTINGS, token: FIRST }, NOW + 60_000, LIFETIME);
    expect(t.reply).toEqual({ kind: 'captured' });
    expect(t.state.secret?.capturedAt).toBe(NOW + 1000);
  });

  it('a new token from the same page after another generate click replaces the held one silently', () => {
    const again = clicked(held(), NOW + 30_000);
    const t = offerCapture(again, { ...SETTINGS, token: SECOND }, NOW + 31_000, LIFETIME);
    expect(t.reply).toEqual({ kind: 'captured' });
    expect(t.state.secret?.token).toBe(SECOND);
  });

  it.each([
    ['another tab', { tabId: 5 }],
    ['another page of the same tab', { path: '/people' }],
    ['another org', { origin: 'https://globex.invisionapp.com' }],
  ])('a new token from %s asks first, keeping the held one until the person answers', (_name, where) => {
    const input = { ...SETTINGS, ...where, token: SECOND };
    const asked = offerCapture(clicked(held(), NOW + 30_000, input.tabId, input.origin), input, NOW + 31_000, LIFETIME);
    expect(asked.reply).toEqual({ kind: 'ask-replace', heldOrigin: ORIGIN, heldAt: NOW + 1000 });
    expect(asked.state.secret?.token).toBe(FIRST);
    expect(asked.state.pending?.token).toBe(SECOND);
    // Only the page that showed it may answer.
    expect(answerReplace(asked.state, { tabId: 99, replace: true }, NOW + 32_000).reply).toEqual({ kind: 'ignored', reason: 'nothing-waiting' });
    const replaced = answerReplace(asked.state, { tabId: input.tabId, replace: true }, NOW + 32_000);
    expect(replaced.reply).toEqual({ kind: 'captured' });
    expect(replaced.state.secret).toMatchObject({ token: SECOND, sourceOrigin: input.origin });
    expect(replaced.state.pending).toBeUndefined();
    const kept = answerReplace(asked.state, { tabId: input.tabId, replace: false }, NOW + 32_000);
    expect(kept.reply).toEqual({ kind: 'ignored', reason: 'kept' });
    expect(kept.state.secret?.token).toBe(FIRST);
    expect(kept.state.pending).toBeUndefined();
  });

  it('a held token being filled is not taken away by a question; replacing it tells the filling tab', () => {
    const filling = requestFill(held(), { tabId: 7, adapterId: 'okta', origin: 'https://acme-admin.okta.com', appLabel: 'InVision', expectedApp: true }, NOW + 2000, false).state;
    const asked = offerCapture(clicked(filling, NOW + 3000, 5), { ...SETTINGS, tabId: 5, token: SECOND }, NOW + 3500, LIFETIME);
    expect(asked.state.phase).toBe('filling');
    expect(asked.effects).toEqual([]);
    const replaced = answerReplace(asked.state, { tabId: 5, replace: true }, NOW + 4000);
    expect(replaced.effects).toContainEqual({ kind: 'send-tab', tabId: 7, message: { type: 'bg/forgotten', reason: 'replaced' } });
  });

  it('a waiting token is forgotten with "Forget now" and when its lifetime ends', () => {
    const asked = offerCapture(clicked(held(), NOW + 30_000, 5), { ...SETTINGS, tabId: 5, token: SECOND }, NOW + 31_000, LIFETIME).state;
    expect(forget(asked, NOW + 32_000).state.pending).toBeUndefined();
    const late = answerReplace(asked, { tabId: 5, replace: true }, NOW + 31_000 + LIFETIME);
    expect(late.reply).toEqual({ kind: 'ignored', reason: 'nothing-waiting' });
    expect(late.state.pending).toBeUndefined();
  });

  it('after the held token is saved, a new token is simply captured (nothing to replace)', () => {
    const saved: RelayState = { ...held(), phase: 'saved', secret: undefined };
    const t = offerCapture(clicked(saved, NOW + 30_000, 5), { ...SETTINGS, tabId: 5, token: SECOND }, NOW + 31_000, LIFETIME);
    expect(t.reply).toEqual({ kind: 'captured' });
  });
});
