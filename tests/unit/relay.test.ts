// The relay state machine: every transition a hand-off goes through, driven with a fixed clock.
import { describe, expect, it } from 'vitest';
import { INITIAL_STATE, allowTab, badgeFor, capture, closeTab, expireIfDue, forget, reportPage, requestFill, result, saved, viewFor, type RelayState } from '../../utils/relay';

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

  describe('one automatic fill per tab', () => {
    const newer = (state: RelayState, at: number) =>
      capture(state, { token: `tok_swap_${at}_0123456789`, adapterId: 'invision', origin: 'https://acme.invisionapp.com' }, at, LIFETIME).state;

    it('a page that swaps its token every 800 ms gets one fill and Test in a tab, not one per token', () => {
      let s = captured();
      let fills = 0;
      for (let i = 0; i < 12; i++) {
        const asked = requestFill(s, ready(7), NOW + i * 800 + 1, false);
        if (asked.reply.kind === 'fill') fills++;
        // Each fill ends (failed: the page's look-alike token) and the page swaps in a newer one.
        const ended = asked.reply.kind === 'fill' ? result(asked.state, 7, { outcome: 'failed', message: 'Unauthorized', pageVisible: true }, NOW + i * 800 + 2).state : asked.state;
        s = newer(ended, NOW + i * 800 + 3);
      }
      expect(fills).toBe(1);
      expect(requestFill(s, ready(7), NOW + 20_000, false).reply).toEqual({ kind: 'wait', reason: 'refill-needs-go-ahead' });
    });

    it('a refill needs the person: the card (confirmed), the popup or the shortcut (allowed)', () => {
      const once = requestFill(captured(), ready(7), NOW, false);
      const stopped = result(once.state, 7, { outcome: 'stopped', message: 'x', pageVisible: true }, NOW + 1).state;
      expect(requestFill(stopped, ready(7), NOW + 2, false).reply.kind).toBe('wait');
      const shown = reportPage(stopped, 7, { adapterId: 'okta', role: 'target', origin: 'https://acme-admin.okta.com', status: { code: 'ready' } }, NOW + 2).state;
      expect(viewFor(shown, 7, NOW + 2).canFillHere).toBe(true); // the popup offers the go-ahead
      expect(requestFill(stopped, { ...ready(7), confirmed: true }, NOW + 2, false).reply.kind).toBe('fill');
      expect(requestFill(allowTab(stopped, 7, NOW + 2).state, ready(7), NOW + 3, false).reply.kind).toBe('fill');
    });

    it('another tab still gets its own first fill; a closed tab is forgotten', () => {
      const once = requestFill(captured(), ready(7), NOW, false);
      const stopped = result(once.state, 7, { outcome: 'stopped', message: 'x', pageVisible: true }, NOW + 1).state;
      expect(requestFill(stopped, ready(8), NOW + 2, false).reply.kind).toBe('fill');
      expect(closeTab(stopped, 7, NOW + 3).state.filledTabs).toEqual([]);
    });
  });

  describe('tenant binding', () => {
    const pairing = (kind: 'first' | 'known' | 'changed') => ({
      source: 'other.invisionapp.com',
      idp: 'acme-admin.okta.com',
      verdict: kind === 'changed' ? ({ kind, side: 'idp', pairedWith: 'acme.invisionapp.com' } as const) : ({ kind } as const),
    });

    it('a first or known pairing fills on its own, and the pair is remembered', () => {
      for (const kind of ['first', 'known'] as const) {
        const granted = requestFill(captured(), { ...ready(7), pairing: pairing(kind) }, NOW, false);
        expect(granted.reply.kind).toBe('fill');
        expect(granted.effects).toContainEqual({ kind: 'remember-pair', source: 'other.invisionapp.com', idp: 'acme-admin.okta.com' });
      }
    });

    it('a changed pairing asks with both hosts, holds the token back, and fills after a yes', () => {
      const asked = requestFill(captured(), { ...ready(7), pairing: pairing('changed') }, NOW, false);
      expect(asked.reply).toEqual({
        kind: 'wait',
        reason: 'pairing-changed',
        pairing: { side: 'idp', pairedWith: 'acme.invisionapp.com', source: 'other.invisionapp.com', idp: 'acme-admin.okta.com' },
      });
      expect(JSON.stringify([asked.reply, asked.effects])).not.toContain(TOKEN);
      expect(asked.effects.some((e) => e.kind === 'remember-pair')).toBe(false);
      const yes = requestFill(captured(), { ...ready(7), pairing: pairing('changed'), confirmed: true }, NOW, false);
      expect(yes.reply.kind).toBe('fill');
      expect(yes.effects).toContainEqual({ kind: 'remember-pair', source: 'other.invisionapp.com', idp: 'acme-admin.okta.com' });
    });

    it('asks about the pairing before "ask first", and one yes answers both', () => {
      expect(requestFill(captured(), { ...ready(7), pairing: pairing('changed') }, NOW, false, true).reply).toMatchObject({ reason: 'pairing-changed' });
      expect(requestFill(captured(), { ...ready(7), pairing: pairing('changed'), confirmed: true }, NOW, false, true).reply.kind).toBe('fill');
    });
  });
});
