// Drives any target adapter on its IdP page: wait for the integration pane, ask the background for the token,
// then do what a person would (open, enable, fill, test), read the IdP's verdict verbatim, and offer Save.
// Only the wiring: what the page, the background and the person do goes into ./handoff-machine.ts, which decides;
// its effects are carried out here with the steps of ./fill-and-test.ts, ./form-steps.ts and ./verdict.ts.
import type { TargetAdapter } from '../adapters/types';
import { pick, present } from '../dom/pick';
import { attend, budgetMode, delay, waitFor } from '../dom/wait';
import { checkHost } from '../hosts';
import { say } from '../messages';
import type { BackgroundToContent, ContentToBackground, FillGrant, StepId } from '../protocol';
import { parseFillGrant } from '../protocol-inbound';
import { fingerprint } from '../token';
import { labelled, readAppIdentity, type AppIdentity } from './app-identity';
import { createBaseUrlGuard, type BaseUrlGuard } from './base-url-guard';
import type { Chooser } from './choose';
import { acrossSignIn, fillAndTest } from './fill-and-test';
import type { FormContext } from './form-steps';
import { handoff, initialHandoff, maySave, type HandoffEffect, type HandoffEvent } from './handoff-machine';
import { createStatusReporter } from './page-status';
import { paneInFrame, signedOut, signInShown, whenVisible } from './target-page';
import { Stopped } from './target-stops';
import { FRAME_HANDSHAKE_RETRY_MS, HAND_OFF_ATTENTION_MS, PANE_WAIT_MS } from './target-timing';
import { stopView, verdictView, waitView, type SourceWords } from './target-views';
import { saveAndRead, type NoticeInbox } from './verdict';
import type { PanelActionId, PanelView } from '../dom/in-page-panel';
import type { InPageUi } from '../dom/in-page-ui';

export { watchAnnouncements } from './announcements';

export interface TargetDeps {
  adapter: TargetAdapter;
  /** The source product, for "go there to make a token" messages, and how IdPs name its app. */
  source: SourceWords;
  send: (message: ContentToBackground) => Promise<unknown>;
  ui: InPageUi;
  /** Aborted when the content script is invalidated (extension reloaded or page left). */
  signal: AbortSignal;
  /** Set when this script runs in a sub-frame that passed the adapter's frame rule (see utils/engine/frames.ts). */
  inFrame?: boolean;
  /** For adapters with choice steps (Entra): handed in by the site's entrypoint, so other scripts stay small. */
  chooser?: Chooser;
}

/** One look for the pane and what follows from it: its signal, the app it read, the background's answer. */
interface Attempt {
  signal: AbortSignal;
  app: AppIdentity;
  grant?: FillGrant;
}

export function startTarget(deps: TargetDeps) {
  const { adapter, ui } = deps;
  let state = initialHandoff(location.pathname, !!deps.inFrame);
  let attempt: AbortController | undefined;
  /** The Base URL check of the last fill, kept for its Save. */
  let guard: BaseUrlGuard | undefined;
  const inbox: NoticeInbox = [];
  const formContext = (signal: AbortSignal): FormContext => ({ adapter, ownUi: ui.host, signal, chooser: deps.chooser });

  // The census for diagnostics waits for an idle page (page-status.ts, wait.ts): not while the person is here or a
  // hand-off runs, nor in a hidden tab, which should cost nearly nothing.
  const status = createStatusReporter(adapter, deps.send, () => budgetMode() !== 'idle');
  const report = status.report;
  const progress = (step: StepId) => deps.send({ type: 'target/progress', adapterId: adapter.id, step });

  const dispatch = (event: HandoffEvent): HandoffEffect[] => {
    const next = handoff(state, event);
    state = next.state;
    return next.effects;
  };
  /** A card the machine did not ask for: whatever the card asked before is gone. */
  const show = (view: PanelView) => {
    dispatch({ type: 'card-shown' });
    ui.show(view);
  };
  const showSignIn = () => {
    report({ code: 'signin-required' });
    show({ tone: 'warning', title: say.signIn(adapter) });
  };
  const takeAcceptedHost = () => {
    const host = state.baseUrlAccepted;
    dispatch({ type: 'accepted-host-used' });
    return host;
  };

  /** Feeds the event in and carries out the effects in order, synchronously until one of them has to wait. */
  async function act(event: HandoffEvent, current?: Attempt): Promise<void> {
    for (const effect of dispatch(event)) {
      const pending = carryOut(effect, current);
      if (pending) await pending;
    }
  }

  function carryOut(effect: HandoffEffect, current: Attempt | undefined): Promise<unknown> | void {
    switch (effect.kind) {
      case 'restart':
        attempt?.abort();
        attempt = new AbortController();
        return void look(AbortSignal.any([attempt.signal, deps.signal]));
      case 'ask':
        return ask(current!, effect.confirmed);
      case 'retry-handshake':
        return retryHandshake(current!.signal);
      case 'show-wait':
        return current?.grant?.kind === 'wait' ? show(waitView(current.grant, current.grant.appLabel || current.app.label, adapter, deps.source)) : undefined;
      case 'fill':
        return current?.grant?.kind === 'fill' ? fill(current.signal, current.grant) : undefined;
      case 'report':
        // A verdict goes with the same status as before, with the controls as they ended up.
        if (effect.stop) status.reportNow({ code: effect.stop.status, detail: effect.stop.detail });
        else status.again();
        return deps.send({ type: 'target/result', adapterId: adapter.id, outcome: effect.outcome, message: effect.message, pageVisible: document.visibilityState === 'visible' });
      case 'show-verdict':
        return show(verdictView(effect, adapter));
      case 'show-stop':
        return ui.show(stopView(effect.stop)); // the machine knows what this card asks
      case 'save':
        return save(effect.press);
      case 'call-off':
        return attempt?.abort();
      case 'show-forgotten':
        return show({ tone: 'info', title: say.forgotten(effect.reason) });
      case 'keep-notice':
        return void inbox.push(effect.text);
    }
  }

  const evaluate = () => void act({ type: 'page-changed', pathname: location.pathname });

  /** Waits for the integration pane, reads which app it is, and tells the machine once the tab is in front. */
  async function look(signal: AbortSignal) {
    const host = checkHost(location.href, deps.inFrame && adapter.frames ? adapter.frames.hosts : adapter.hosts);
    if (!host.ok) {
      report({ code: 'not-admin-host', detail: host.reason });
      show({ tone: 'error', title: say.notAdminHost(adapter, host.host, host.reason) });
      return;
    }
    if (signedOut(adapter)) {
      showSignIn();
      await waitFor(() => (signInShown(adapter) ? undefined : true), { signal, timeoutMs: PANE_WAIT_MS });
      if (!signal.aborted) evaluate();
      return;
    }
    if (!deps.inFrame && !adapter.appPage.test(location.pathname)) {
      report({ code: 'not-app-page' });
      ui.hide();
      return;
    }
    // The pane first: an integration form may itself hold a password-type token field.
    const where = () =>
      present(adapter.integration).length ? 'pane' : signInShown(adapter) ? 'signin' : paneInFrame(adapter) ? 'framed' : undefined;
    // A portal holds many frames: one without the pane stays silent rather than speak over the one with it.
    // Its reading of the app goes with it: a framed blade cannot read the portal's title or header itself.
    if (!where() && !deps.inFrame) report({ code: 'not-integration-tab', ...labelled(readAppIdentity(document, adapter, deps.source.appName)) });
    const found = await waitFor(where, { signal, timeoutMs: PANE_WAIT_MS });
    if (!found || signal.aborted) return;
    if (found === 'signin') return evaluate();
    if (found === 'framed') {
      report({ code: 'unsafe-page', detail: 'frame' });
      return show({ tone: 'error', title: say.formInFrame(adapter) });
    }
    const app = readAppIdentity(document, adapter, deps.source.appName);
    // A page that names no app is not "another app": the relay asks the person instead of refusing.
    report(app.expected || !app.label ? { code: 'ready', ...labelled(app) } : { code: 'other-app', appLabel: app.label });
    await whenVisible(signal);
    if (!signal.aborted) await act({ type: 'pane-ready' }, { signal, app });
  }

  async function ask({ signal, app }: Attempt, confirmed: boolean) {
    const grant = parseFillGrant(
      await deps.send({ type: 'target/ready', adapterId: adapter.id, appLabel: app.label, expectedApp: app.expected, confirmed }),
    );
    if (signal.aborted) return void dispatch({ type: 'attempt-over' });
    await act({ type: 'answered', grant: grant?.kind ?? 'none', autoSave: grant?.kind === 'fill' && grant.autoSave }, { signal, app, grant });
  }

  async function retryHandshake(signal: AbortSignal) {
    await delay(FRAME_HANDSHAKE_RETRY_MS, signal);
    status.forget(); // the rejected status report goes again, too
    if (!signal.aborted) evaluate();
  }

  async function fill(signal: AbortSignal, grant: Extract<FillGrant, { kind: 'fill' }>) {
    const unattend = attend(HAND_OFF_ATTENTION_MS);
    const filling = () => show({ tone: 'progress', title: say.filling(fingerprint(grant.token)) });
    filling();
    const fillGuard = createBaseUrlGuard(adapter, takeAcceptedHost, deps.source.label);
    guard = fillGuard;
    const parts = { guard: fillGuard, inbox, progress };
    try {
      const verdict = await acrossSignIn(adapter, signal, (s) => fillAndTest(formContext(s), grant, parts), showSignIn, filling);
      if (!verdict || signal.aborted) return;
      await act({ type: 'verdict', ...verdict });
      if (signal.aborted) return; // an orphan (extension reloaded meanwhile) neither saves nor speaks
      await act({ type: 'verdict-reported', ...verdict });
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
      await act({ type: 'stopped', stop: error.stop, typed: fillGuard.tokenTyped() });
      await act({ type: 'stop-reported', stop: error.stop });
    } finally {
      unattend();
      dispatch({ type: 'attempt-over' });
    }
  }

  /** Saves, or (when the person clicked the page's own Save) only watches the page confirm it. */
  async function save(pressSave: boolean) {
    let saved = false;
    try {
      const result = await saveAndRead(formContext(deps.signal), guard, inbox, pressSave).catch((error: unknown) => {
        if (error instanceof Stopped) return { ok: false, message: error.stop.message };
        throw error;
      });
      if (!result) return;
      await deps.send({ type: 'target/saved', adapterId: adapter.id, ok: result.ok, message: result.message });
      saved = result.ok;
      show({ tone: result.ok ? 'success' : 'error', title: result.message });
    } finally {
      dispatch({ type: 'save-ended', ok: saved });
    }
  }

  function onBackground(message: BackgroundToContent) {
    void act({ ...message, pathname: location.pathname });
  }

  // A person may save with the page's own button (the guide points at it): notice, so the token is forgotten.
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || !maySave(state) || !(event.target instanceof Node)) return;
      const picked = pick(adapter.save, { ownUi: ui.host });
      if (picked.ok && picked.el.contains(event.target)) void act({ type: 'save-clicked', onPage: true });
    },
    { capture: true, signal: deps.signal },
  );

  /** Called only after in-page-ui checked the click was trusted and the card intact and on top. */
  function onPanelAction(id: PanelActionId) {
    if (id === 'save') void act({ type: 'save-clicked', onPage: false });
    if (id === 'fill') void act({ type: 'fill-clicked', pathname: location.pathname });
  }

  return { evaluate, onBackground, onPanelAction };
}
