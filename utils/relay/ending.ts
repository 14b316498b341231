// How a held token's life ends: saved, expired, forgotten on request, or replaced by a newer one. Every end clears
// the expiry alarm and tells the tab in the middle of a hand-off, so its panel stops offering what is gone.
import { t } from '../i18n';
import type { Effect, Phase, RelayState, Transition } from './state';

type EndReason = 'saved' | 'expired' | 'forgotten' | 'replaced';

/** Ends the secret's life; tabs in the middle of a hand-off are told so they can update their panel. */
export function end(state: RelayState, reason: EndReason, now: number, message?: string): Transition {
  const effects: Effect[] = [{ kind: 'clear-expiry' }];
  if (state.target) effects.push({ kind: 'send-tab', tabId: state.target.tabId, message: { type: 'bg/forgotten', reason } });
  const phase: Phase = reason === 'replaced' ? 'forgotten' : reason;
  return {
    state: {
      ...state,
      phase,
      secret: undefined,
      target: reason === 'saved' ? state.target : undefined,
      message: message ?? state.message,
      allowedTabs: [],
      updatedAt: now,
    },
    effects,
    reply: undefined,
  };
}

export function expireIfDue(state: RelayState, now: number): Transition {
  const current = state.pending && now >= state.pending.expiresAt ? { ...state, pending: undefined } : state;
  if (current.secret && now >= current.secret.expiresAt) return end(current, 'expired', now, undefined);
  return { state: current, effects: [], reply: undefined };
}

export function forget(state: RelayState, now: number): Transition {
  // "Forget now" also forgets a token still waiting for the person's "replace?" answer.
  const s = state.pending ? { ...state, pending: undefined, updatedAt: now } : state;
  if (!s.secret) return { state: s, effects: [], reply: undefined };
  return end(s, 'forgotten', now, t('forgottenOnRequest'));
}
