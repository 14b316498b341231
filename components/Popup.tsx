// The toolbar popup: the hand-off's state at a glance, its steps as a checklist, and the few actions a person needs.
import { useEffect, useState } from 'preact/hooks';
import type { RelayView } from '../utils/relay';
import type { RotationEntry } from '../utils/rotation/record';
import { LastRotated } from './LastRotated';
import { invisionAdapter } from '../utils/adapters/invision.source';
import type { TargetAdapter } from '../utils/adapters/types';
import { t, type MessageKey } from '../utils/i18n';
import { idpById, TARGET_ADAPTERS } from '../utils/adapters';
import { hintWords, knownIdp, likelyIdps, stepLabels, whereToFill, type StoredIdpHints } from '../utils/idp-words';
import { STEP_IDS, type PageStatusCode } from '../utils/protocol';
import { SourceProvenance } from './SourceProvenance';

export interface PopupClient {
  getState(): Promise<RelayView | undefined>;
  forget(): Promise<void>;
  save(): Promise<void>;
  fillHere(): Promise<void>;
  /** The support report, built by the background (the popup never holds the token). */
  diagnostics(): Promise<string | undefined>;
  /** Puts diagnostics text on the clipboard: a user's click, diagnostics only, never the token. */
  copyText(text: string): Promise<void>;
  /** Guide mode is a setting: support can switch it on for the customer from here, in the middle of a setup. */
  guideOn(): Promise<boolean>;
  setGuide(on: boolean): Promise<void>;
  /** The rotation record (no token in it), for "last rotated" on an IdP page. */
  record?(): Promise<RotationEntry[]>;
  /** What tells which IdP the person uses before a hand-off shows it: the IdPs switched on, the one used last. */
  idpHints(): Promise<StoredIdpHints>;
}

export const POPUP_REFRESH_MS = 1000; // the countdown and progress update while the popup is open

const PAGE_HINTS: Partial<Record<PageStatusCode, MessageKey>> = {
  'not-admin-host': 'hintNotAdminHost',
  'not-app-page': 'hintNotAppPage',
  'not-integration-tab': 'hintNotIntegrationTab',
  'signin-required': 'hintSigninRequired',
  'layout-not-recognised': 'hintLayoutNotRecognised',
  'unsafe-page': 'hintUnsafePage',
  'other-app': 'hintOtherApp',
  'source-open': 'hintSourceOpen',
  'source-generate-ticked': 'hintSourceGenerateTicked',
};

function minutes(ms: number): string {
  return t('minutes', Math.max(0, Math.round(ms / 60_000)));
}

function ago(ms: number): string {
  return ms < 60_000 ? t('agoJustNow') : t('ago', minutes(ms));
}

function headline(view: RelayView, idps: readonly TargetAdapter[]): { tone: string; text: string } {
  switch (view.phase) {
    case 'idle':
      return { tone: 'info', text: t('headlineIdle') };
    case 'captured':
      return {
        tone: 'info',
        text: t(
          'headlineCaptured',
          view.fingerprint ?? '',
          ago(view.now - (view.capturedAt ?? view.now)),
          minutes((view.expiresAt ?? view.now) - view.now),
          whereToFill(idps, invisionAdapter.label),
        ),
      };
    case 'filling':
      return { tone: 'progress', text: t('headlineFilling', view.fingerprint ?? '', view.target?.appLabel || t('theIdp')) };
    case 'verified':
      return { tone: 'success', text: view.message ?? t('headlineVerified') };
    case 'failed':
      return { tone: 'error', text: view.message ?? t('headlineFailed') };
    case 'saved':
      return { tone: 'success', text: view.message ?? t('forgottenSaved') };
    case 'expired':
      return { tone: 'warning', text: t('headlineExpired') };
    case 'forgotten':
      return { tone: 'info', text: view.message ?? t('headlineForgotten') };
  }
}

export function Popup(props: { client: PopupClient }) {
  const [view, setView] = useState<RelayView | undefined>();
  const [error, setError] = useState<string>();
  const [copyNotice, setCopyNotice] = useState<string>();
  const [guide, setGuide] = useState<boolean>();
  const [idpHints, setIdpHints] = useState<StoredIdpHints>();
  useEffect(() => void props.client.guideOn().then(setGuide), [props.client]);
  useEffect(() => void props.client.idpHints().then(setIdpHints), [props.client]);
  useEffect(() => {
    let alive = true;
    const refresh = () =>
      props.client.getState().then(
        (next) => alive && setView(next),
        () => alive && setError(t('popupNoAnswer')),
      );
    void refresh();
    const timer = setInterval(refresh, POPUP_REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [props.client]);

  if (error) return <main class="popup"><p role="alert">{error}</p></main>;
  if (!view || !idpHints) return <main class="popup"><p role="status">{t('loading')}</p></main>;
  // Words come from the IdP of the hand-off, else of the page in front, else the settings and the last hand-off.
  const pageIdp = view.page?.role === 'target' ? view.page.adapterId : undefined;
  const idps = likelyIdps({ ...idpHints, inUse: view.target?.adapterId ?? pageIdp }, TARGET_ADAPTERS);
  const idp = knownIdp(idps);
  const steps = stepLabels(idp);
  const head = headline(view, idps);
  // Once a token is held, the source page's "how to generate" hints are history.
  const hint = view.page && !(view.page.role === 'source' && view.fingerprint) ? PAGE_HINTS[view.page.status.code] : undefined;
  const hintIdp = idpById(pageIdp);
  const fillLabel = t(view.phase === 'failed' ? 'tryAgain' : view.phase === 'verified' ? 'fillAgain' : 'fillAnyway');
  const act = (fn: () => Promise<void>) => () => void fn().then(() => props.client.getState().then(setView));
  const copyDiagnostics = async () => {
    const text = await props.client.diagnostics().catch(() => undefined);
    const copied = text !== undefined && (await props.client.copyText(text).then(() => true, () => false));
    setCopyNotice(t(copied ? 'diagnosticsCopied' : 'diagnosticsNotCopied'));
  };
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      <p class={`headline ${head.tone}`} role="status" aria-live="polite" data-phase={view.phase}>
        {head.text}
      </p>
      <SourceProvenance view={view} />
      {hint && (
        <p class="hint" data-page-status={view.page!.status.code}>
          {t(hint, ...(hintIdp ? hintWords(hintIdp) : []))}
          {view.page?.status.appLabel && ` (${view.page.status.appLabel})`}
        </p>
      )}
      {view.page?.role === 'target' && props.client.record && <LastRotated host={new URL(view.page.origin).hostname} load={props.client.record} />}
      <ol class="steps" aria-label={t('stepsLabel')}>
        {STEP_IDS.map((step) => {
          const done = view.steps.includes(step);
          return (
            <li class={done ? 'done' : 'todo'} data-step={step} aria-label={t(done ? 'stepDone' : 'stepTodo', steps[step])}>
              <span aria-hidden="true">{done ? '✓' : '○'}</span> {steps[step]}
            </li>
          );
        })}
      </ol>
      <div class="actions">
        {view.canSave && <button type="button" class="primary" onClick={act(props.client.save)}>{t('saveInIdp', idp?.label ?? t('theIdp'))}</button>}
        {view.canFillHere && <button type="button" onClick={act(props.client.fillHere)}>{fillLabel}</button>}
        {view.fingerprint && <button type="button" class="danger" onClick={act(props.client.forget)}>{t('forgetNow')}</button>}
      </div>
      <div class="support">
        {guide !== undefined && (
          <button type="button" aria-pressed={guide} onClick={() => void props.client.setGuide(!guide).then(() => setGuide(!guide))}>
            {t(guide ? 'guideStop' : 'guideStart')}
          </button>
        )}
        <button type="button" onClick={() => void copyDiagnostics()}>{t('copyDiagnostics')}</button>
        <p class="copy-notice" role="status" aria-live="polite">{copyNotice}</p>
      </div>
    </main>
  );
}
