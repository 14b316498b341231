// The toolbar popup: the hand-off's state at a glance, its steps as a checklist, and the few actions a person needs.
import { useEffect, useState } from 'preact/hooks';
import type { RelayView } from '../utils/relay';
import { STEP_IDS, type StepId, type PageStatusCode } from '../utils/protocol';

export interface PopupClient {
  getState(): Promise<RelayView | undefined>;
  forget(): Promise<void>;
  save(): Promise<void>;
  fillHere(): Promise<void>;
}

export const POPUP_REFRESH_MS = 1000; // the countdown and progress update while the popup is open

const STEP_LABELS: Record<StepId, string> = {
  capture: 'Token captured on InVision',
  locate: 'Okta Integration form found',
  fill: 'API Token filled',
  test: 'Test API Credentials clicked',
  verify: 'Okta verified the token',
  save: 'Saved in Okta',
};

const PAGE_HINTS: Partial<Record<PageStatusCode, string>> = {
  'not-admin-host': 'This page is not an Okta admin console (<org>-admin.okta.com), so nothing is filled here.',
  'not-app-page': 'Open Applications › the InVision app in this Okta admin console.',
  'not-integration-tab': 'Open Provisioning › Integration on this app.',
  'signin-required': 'Okta wants you to sign in or verify. Finish that; the hand-off continues after.',
  'layout-not-recognised': 'This page does not look like the Integration form SCIM Relay knows.',
  'unsafe-page': 'A control on this page is hidden, covered or duplicated, so SCIM Relay did not touch it.',
  'other-app': 'This is not the InVision app. SCIM Relay fills it only if you ask.',
  'source-open': 'SCIM settings open: tick “I want to generate a new token”, then Generate token.',
  'source-generate-ticked': 'Generate token: SCIM Relay captures it when it appears.',
};

function minutes(ms: number): string {
  const m = Math.max(0, Math.round(ms / 60_000));
  return m === 1 ? '1 min' : `${m} min`;
}

function ago(ms: number): string {
  return ms < 60_000 ? 'just now' : `${minutes(ms)} ago`;
}

function headline(view: RelayView): { tone: string; text: string } {
  switch (view.phase) {
    case 'idle':
      return { tone: 'info', text: 'No token waiting. Generate one in InVision: People › ••• › SCIM Provisioning.' };
    case 'captured':
      return {
        tone: 'info',
        text: `Token ${view.fingerprint} captured ${ago(view.now - (view.capturedAt ?? view.now))} · ${minutes((view.expiresAt ?? view.now) - view.now)} left. Open Okta › the InVision app › Provisioning › Integration.`,
      };
    case 'filling':
      return { tone: 'progress', text: `Filling ${view.fingerprint} in ${view.target?.appLabel ?? 'the IdP'}…` };
    case 'verified':
      return { tone: 'success', text: view.message ?? 'Verified.' };
    case 'failed':
      return { tone: 'error', text: view.message ?? 'The test failed.' };
    case 'saved':
      return { tone: 'success', text: view.message ?? 'Saved; the token is forgotten.' };
    case 'expired':
      return { tone: 'warning', text: 'The token expired and was forgotten. Generate a new one in InVision.' };
    case 'forgotten':
      return { tone: 'info', text: view.message ?? 'The token was forgotten.' };
  }
}

export function Popup(props: { client: PopupClient }) {
  const [view, setView] = useState<RelayView | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      props.client.getState().then(
        (next) => alive && setView(next),
        () => alive && setError('The background did not answer. Reopen the popup.'),
      );
    void refresh();
    const timer = setInterval(refresh, POPUP_REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [props.client]);

  if (error) return <main class="popup"><p role="alert">{error}</p></main>;
  if (!view) return <main class="popup"><p role="status">Loading…</p></main>;
  const head = headline(view);
  // Once a token is held, the source page's "how to generate" hints are history.
  const hint = view.page && !(view.page.role === 'source' && view.fingerprint) ? PAGE_HINTS[view.page.status.code] : undefined;
  const fillLabel =
    view.phase === 'failed' ? 'Try again' : view.phase === 'verified' ? 'Fill again' : 'Fill into this app anyway';
  const act = (fn: () => Promise<void>) => () => void fn().then(() => props.client.getState().then(setView));
  return (
    <main class="popup">
      <h1>SCIM Relay</h1>
      <p class={`headline ${head.tone}`} role="status" aria-live="polite" data-phase={view.phase}>
        {head.text}
      </p>
      {hint && (
        <p class="hint" data-page-status={view.page!.status.code}>
          {hint}
          {view.page?.status.appLabel && ` (${view.page.status.appLabel})`}
        </p>
      )}
      <ol class="steps" aria-label="Hand-off steps">
        {STEP_IDS.map((step) => {
          const done = view.steps.includes(step);
          return (
            <li class={done ? 'done' : 'todo'} data-step={step} aria-label={`${STEP_LABELS[step]}: ${done ? 'done' : 'not yet'}`}>
              <span aria-hidden="true">{done ? '✓' : '○'}</span> {STEP_LABELS[step]}
            </li>
          );
        })}
      </ol>
      <div class="actions">
        {view.canSave && <button type="button" class="primary" onClick={act(props.client.save)}>Save in Okta</button>}
        {view.canFillHere && <button type="button" onClick={act(props.client.fillHere)}>{fillLabel}</button>}
        {view.fingerprint && <button type="button" class="danger" onClick={act(props.client.forget)}>Forget now</button>}
      </div>
    </main>
  );
}
