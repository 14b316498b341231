// The relay state machine: every transition a hand-off goes through, driven with a fixed clock.
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, allowTab, badgeFor, capture, expireIfDue, forget, requestFill, result, saved, viewFor } from '../../utils/relay';

const NOW = 1_700_000_000_000;
const LIFETIME = 10 * 60_000;
const TOKEN = 'tok_0123456789abcdefWXYZ';
const captured = () =>
  capture(INITIAL_STATE, { token: TOKEN, scimUrl: 'https://acme.invisionapp.com/scim/v2', adapterId: 'invision', origin: 'https://acme.invisionapp.com' }, NOW, LIFETIME).state;
const ready = (tabId = 7, expectedApp = true) => ({ tabId, adapterId: 'okta', origin: 'https://acme-admin.okta.com', appLabel: 'InVision', expectedApp });

describe('relay', () => {
  it('captures a token with an expiry and schedules the alarm', () => {
    const t = capture(INITIAL_STATE, { token: TOKEN, adapterId: 'invision', origin: 'https://acme.invisionapp.com' }, NOW, LIFETIME);
    expect(t.state.phase).toBe('captured');
    expect(t.state.secret?.expiresAt).toBe(NOW + LIFETIME);
    expect(t.effects).toContainEqual({ kind: 'schedule-expiry', at: NOW + LIFETIME });
  });

  it('grants the token once to the InVision app, then refuses a second tab while filling', () => {
    const first = requestFill(captured(), ready(7), NOW + 1000, false);
    expect(first.reply).toEqual({ kind: 'fill', token: TOKEN, scimUrl: 'https://acme.invisionapp.com/scim/v2', autoSave: false });
    expect(first.state.phase).toBe('filling');
    const second = requestFill(first.state, ready(8), NOW + 2000, false);
    expect(second.reply).toEqual({ kind: 'wait', reason: 'busy-elsewhere' });
  });

  it('fails closed when the filling tab asks again (it reloaded mid-fill)', () => {
    const filling = requestFill(captured(), ready(7), NOW, false).state;
    const again = requestFill(filling, ready(7), NOW + 10, false);
    expect(again.reply).toEqual({ kind: 'wait', reason: 'failed-needs-retry' });
    expect(again.state.phase).toBe('failed');
  });

  it('does not fill another app unless the user allows that tab', () => {
    const s = captured();
    expect(requestFill(s, ready(7, false), NOW, false).reply).toEqual({ kind: 'wait', reason: 'other-app', appLabel: 'InVision' });
    const allowed = allowTab(s, 7, NOW);
    expect(allowed.effects).toContainEqual({ kind: 'send-tab', tabId: 7, message: { type: 'bg/fill-here' } });
    expect(requestFill(allowed.state, ready(7, false), NOW, false).reply.kind).toBe('fill');
  });

  it('asks about a page that names no app, once, and a yes on the card fills it', () => {
    const s = captured();
    const unnamed = { ...ready(7, false), appLabel: '' };
    expect(requestFill(s, unnamed, NOW, false).reply).toEqual({ kind: 'wait', reason: 'unknown-app' });
    expect(requestFill(s, { ...unnamed, confirmed: true }, NOW, false).reply.kind).toBe('fill');
    // A page that names another app is still refused, whatever the card said.
    expect(requestFill(s, { ...ready(7, false), confirmed: true }, NOW, false).reply).toMatchObject({ kind: 'wait', reason: 'other-app' });
  });

  it('asks first when the settings say so, and fills only after a yes on the card or in the popup', () => {
    const s = captured();
    const asked = requestFill(s, ready(7), NOW, false, true);
    expect(asked.reply).toEqual({ kind: 'wait', reason: 'ask-first' });
    expect(asked.state.phase).toBe('captured');
    expect(requestFill(s, { ...ready(7), confirmed: true }, NOW, false, true).reply.kind).toBe('fill');
    expect(requestFill(allowTab(s, 7, NOW).state, ready(7), NOW, false, true).reply.kind).toBe('fill');
  });

  it('answers no-token and expired distinctly', () => {
    expect(requestFill(INITIAL_STATE, ready(), NOW, false).reply).toEqual({ kind: 'wait', reason: 'no-token' });
    const late = requestFill(captured(), ready(), NOW + LIFETIME, false);
    expect(late.reply).toEqual({ kind: 'wait', reason: 'expired' });
    expect(late.state.secret).toBeUndefined();
  });

  it('verifies, saves and forgets; the IdP message is kept without the token', () => {
    const filling = requestFill(captured(), ready(7), NOW, false).state;
    const verified = result(filling, 7, { outcome: 'verified', message: `InVision was verified successfully! ${TOKEN}`, pageVisible: false }, NOW);
    expect(verified.state.phase).toBe('verified');
    expect(verified.state.message).not.toContain(TOKEN);
    expect(verified.effects.some((e) => e.kind === 'notify')).toBe(true); // the tab was in the background
    const done = saved(verified.state, 7, { ok: true, message: 'Saved.' }, NOW);
    expect(done.state.phase).toBe('saved');
    expect(done.state.secret).toBeUndefined();
    expect(done.effects).toContainEqual({ kind: 'clear-expiry' });
  });

  it('ignores results from a tab that is not the current target', () => {
    const filling = requestFill(captured(), ready(7), NOW, false).state;
    expect(result(filling, 9, { outcome: 'verified', message: 'x', pageVisible: true }, NOW).state).toBe(filling);
    expect(saved(filling, 7, { ok: true, message: 'x' }, NOW).state).toBe(filling); // not verified yet: no save
  });

  it('a newer capture replaces the old token and tells the old target tab', () => {
    const filling = requestFill(captured(), ready(7), NOW, false).state;
    const next = capture(filling, { token: 'tok_newer_0123456789abcd', adapterId: 'invision', origin: 'https://acme.invisionapp.com' }, NOW + 5, LIFETIME);
    expect(next.state.secret?.token).toBe('tok_newer_0123456789abcd');
    expect(next.effects).toContainEqual({ kind: 'send-tab', tabId: 7, message: { type: 'bg/forgotten', reason: 'replaced' } });
  });

  it('forgets on request and on expiry', () => {
    expect(forget(captured(), NOW).state.secret).toBeUndefined();
    expect(expireIfDue(captured(), NOW + LIFETIME - 1).state.secret).toBeDefined();
    expect(expireIfDue(captured(), NOW + LIFETIME).state.phase).toBe('expired');
  });

  it('the view and the badge never carry the token', () => {
    const s = captured();
    expect(JSON.stringify(viewFor(s, 7, NOW))).not.toContain(TOKEN);
    expect(viewFor(s, 7, NOW).fingerprint).toBe('…WXYZ');
    expect(badgeFor(s, NOW)).toEqual({ text: '10m', color: '#1a73e8' });
    expect(badgeFor(s, NOW + LIFETIME - 30_000).text).toBe('1m');
  });
});
