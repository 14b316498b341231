// The fill grant: an IdP tab asks for the token (target/ready) and gets `fill` or `wait` with the reason (another
// app, no name read, a changed pairing, a refill, ask-first), or the person's go-ahead opens the tab (allowTab).
import { t } from '../i18n';
import type { PairingVerdict } from '../pairing';
import type { FillGrant, PairingFacts } from '../protocol';
import { expireIfDue } from './ending';
import { addStep, type Effect, type RelayState, type Transition } from './state';

/** The pairing of the token's source org with the IdP org asking for it, as the service found it (host names). */
export interface PairingCheck {
  source: string;
  idp: string;
  verdict: PairingVerdict;
}

export function requestFill(
  state: RelayState,
  input: {
    tabId: number;
    adapterId: string;
    origin: string;
    appLabel: string;
    expectedApp: boolean;
    confirmed?: boolean;
    pairing?: PairingCheck;
  },
  now: number,
  autoSave: boolean,
  askFirst = false,
): Transition<FillGrant> {
  const expired = expireIfDue(state, now);
  const s = expired.state;
  const wait = (reason: Extract<FillGrant, { kind: 'wait' }>['reason'], pairing?: PairingFacts): Transition<FillGrant> => ({
    state: s,
    effects: expired.effects,
    reply: pairing ? { kind: 'wait', reason, pairing } : { kind: 'wait', reason },
  });
  if (!s.secret) return wait(s.phase === 'expired' || s.phase === 'saved' ? s.phase : 'no-token');
  const allowed = s.allowedTabs.includes(input.tabId);
  if (s.target && s.target.tabId !== input.tabId && (s.phase === 'filling' || s.phase === 'verified')) {
    return wait('busy-elsewhere');
  }
  if (s.phase === 'verified' && !allowed) return wait('already-done');
  // The same tab back from a sign-in prompt that replaced the form mid-hand-off (a reload included): it resumes.
  const resumesAfterSignIn =
    s.phase === 'filling' && s.target?.tabId === input.tabId && s.pages[input.tabId]?.status.code === 'signin-required';
  if ((s.phase === 'failed' || s.phase === 'filling') && !allowed && !resumesAfterSignIn) {
    // A second request from the same tab mid-fill means the page reloaded: never fill twice on our own.
    const failed: RelayState =
      s.phase === 'filling'
        ? { ...s, phase: 'failed', message: t('reloadedMidFill'), updatedAt: now }
        : s;
    return { state: failed, effects: expired.effects, reply: { kind: 'wait', reason: 'failed-needs-retry' } };
  }
  if (!input.expectedApp && !allowed) {
    // A page that names another app is refused; one that names none is asked about once, and a yes answers it.
    if (input.appLabel) return { ...wait('other-app'), reply: { kind: 'wait', reason: 'other-app', appLabel: input.appLabel } };
    if (!input.confirmed) return wait('unknown-app');
  }
  // A go-ahead in the popup or by the shortcut (allowed) or on the in-page card (confirmed): the person's own action.
  const goAhead = allowed || !!input.confirmed;
  const pairing = input.pairing;
  if (pairing?.verdict.kind === 'changed' && !goAhead) {
    const { side, pairedWith } = pairing.verdict;
    return wait('pairing-changed', { side, pairedWith, source: pairing.source, idp: pairing.idp });
  }
  if (s.filledTabs?.includes(input.tabId) && !goAhead) return wait('refill-needs-go-ahead');
  if (askFirst && !goAhead) return wait('ask-first');
  const next: RelayState = {
    ...s,
    phase: 'filling',
    target: { tabId: input.tabId, adapterId: input.adapterId, origin: input.origin, appLabel: input.appLabel },
    message: undefined,
    steps: addStep(['capture'], 'locate'),
    allowedTabs: s.allowedTabs.filter((t) => t !== input.tabId),
    filledTabs: [...(s.filledTabs ?? []).filter((t) => t !== input.tabId), input.tabId],
    updatedAt: now,
  };
  // Known pairs too: "last paired with" names the most recent one.
  const remember: Effect[] = pairing ? [{ kind: 'remember-pair', source: pairing.source, idp: pairing.idp }] : [];
  return {
    state: next,
    effects: [...expired.effects, ...remember],
    reply: { kind: 'fill', token: s.secret.token, scimUrl: s.secret.scimUrl, autoSave },
  };
}

/** The user asked to fill this tab: another app than expected, or a retry after a failure. */
export function allowTab(state: RelayState, tabId: number, now: number): Transition {
  if (!state.secret) return { state, effects: [], reply: undefined };
  const next: RelayState = {
    ...state,
    phase: state.phase === 'failed' ? 'captured' : state.phase,
    target: state.phase === 'failed' ? undefined : state.target,
    allowedTabs: state.allowedTabs.includes(tabId) ? state.allowedTabs : [...state.allowedTabs, tabId],
    updatedAt: now,
  };
  return { state: next, effects: [{ kind: 'send-tab', tabId, message: { type: 'bg/fill-here' } }], reply: undefined };
}
