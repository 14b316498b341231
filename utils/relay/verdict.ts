// The hand-off in the granted tab: its steps, the IdP's verdict on Test, and the save that ends the token's life.
// Reports from any other tab, or outside the phase they belong to, change nothing.
import type { StepId } from '../protocol';
import { t } from '../i18n';
import { redact, SHOWN_FRAGMENT_LIMIT } from '../token';
import { end } from './ending';
import { addStep, type Effect, type RelayState, type Transition } from './state';

function isCurrentTarget(state: RelayState, tabId: number): boolean {
  return state.target?.tabId === tabId;
}

export function progress(state: RelayState, tabId: number, step: StepId, now: number): Transition {
  if (!isCurrentTarget(state, tabId) || state.phase !== 'filling') return { state, effects: [], reply: undefined };
  return { state: { ...state, steps: addStep(state.steps, step), updatedAt: now }, effects: [], reply: undefined };
}

export function result(
  state: RelayState,
  tabId: number,
  input: { outcome: 'verified' | 'failed' | 'stopped'; message: string; pageVisible: boolean },
  now: number,
): Transition {
  if (!isCurrentTarget(state, tabId) || state.phase !== 'filling') return { state, effects: [], reply: undefined };
  const message = redact(input.message, state.secret?.token, SHOWN_FRAGMENT_LIMIT);
  const next: RelayState = {
    ...state,
    // A stop before anything was typed leaves the token waiting for the right page.
    phase: input.outcome === 'verified' ? 'verified' : input.outcome === 'failed' ? 'failed' : 'captured',
    target: input.outcome === 'stopped' ? undefined : state.target,
    steps: input.outcome === 'verified' ? addStep(state.steps, 'verify') : state.steps,
    message,
    updatedAt: now,
  };
  const effects: Effect[] = [];
  if (!input.pageVisible) {
    const title = t(input.outcome === 'verified' ? 'notifyVerified' : 'notifyNeedsYou');
    effects.push({ kind: 'notify', title, message });
  }
  return { state: next, effects, reply: undefined };
}

export function saved(state: RelayState, tabId: number, input: { ok: boolean; message: string }, now: number): Transition {
  if (!isCurrentTarget(state, tabId) || state.phase !== 'verified') return { state, effects: [], reply: undefined };
  const message = redact(input.message, state.secret?.token, SHOWN_FRAGMENT_LIMIT);
  if (!input.ok) return { state: { ...state, message, updatedAt: now }, effects: [], reply: undefined };
  const done = end({ ...state, steps: addStep(state.steps, 'save') }, 'saved', now, message);
  // The tab that saved already knows; only other listeners would need the "forgotten" notice.
  return { ...done, effects: done.effects.filter((e) => !(e.kind === 'send-tab' && e.tabId === tabId)) };
}
