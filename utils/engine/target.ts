// Drives any target adapter on its IdP page: wait for the integration pane, ask the background for the token,
// then do what a person would (open, enable, fill, test), read the IdP's verdict verbatim, and offer Save.
import type { ChoiceStep, RevealStep, TargetAdapter } from '../adapters/types';
import { isChecked, press, readField, typeInto, isTextField } from '../dom/act';
import { candidates, normaliseText, type ControlSpec } from '../dom/locate';
import { census, pick, present, type Picked } from '../dom/pick';
import { formOf, isRendered, isTextEntry, whyFieldChanged, whyUnusable } from '../dom/usable';
import { otherBaseUrlHost, urlHost } from '../base-url';
import { attend, delay, waitFor, watchDom } from '../dom/wait';
import { checkHost, type HostRule } from '../hosts';
import { say, type FillStage } from '../messages';
import type { BackgroundToContent, ContentToBackground, FillGrant, PageStatus, StepId } from '../protocol';
import { parseFillGrant } from '../protocol-inbound';
import { fingerprint } from '../token';
import { readAppIdentity, type AppIdentity } from './app-identity';
import type { Chooser } from './choose';
import type { PanelActionId, PanelView } from '../dom/in-page-panel';
import type { InPageUi } from '../dom/in-page-ui';

export const STEP_TIMEOUT_MS = 10_000; // controls that appear after a click render within a few seconds on a slow console
export const OUTCOME_TIMEOUT_MS = 45_000; // Okta's test calls the SCIM server; slow servers take tens of seconds
export const SAVE_TIMEOUT_MS = 20_000; // a save round-trip to the IdP
export const PANE_WAIT_MS = 30 * 60_000; // an admin may leave the tab on another pane for a long time
/** Before the field is checked again after typing: a framework's re-render, and a page's timer set off by the input (a hostile field moved away 10 ms later), both run first. */
export const READBACK_DELAY_MS = 50;
export const USABLE_WAIT_MS = 3_000; // a disabled button or loading overlay clears within a moment; a trap does not
export const FRAME_HANDSHAKE_RETRY_MS = 500; // a frame may ask before the top page's script has introduced the tab
export const FRAME_HANDSHAKE_TRIES = 20; // ten seconds: the top page's script reports at its document_idle
/** A hand-off probes generously (utils/dom/wait.ts) until its verdict, and never longer than its slowest path. */
export const HAND_OFF_ATTENTION_MS = 4 * STEP_TIMEOUT_MS + OUTCOME_TIMEOUT_MS;
export const NOTICE_MAX_LENGTH = 600; // a verdict is a sentence or two; longer text is a whole region, not a notice
/** Interim texts some consoles show while the test runs: not the verdict. */
const IN_PROGRESS = /^(testing|verifying|checking|loading|please wait)\b/i;

export interface TargetDeps {
  adapter: TargetAdapter;
  /** The source product, for "go there to make a token" messages, and how IdPs name its app. */
  source: { label: string; path: string; appName?: RegExp };
  send: (message: ContentToBackground) => Promise<unknown>;
  ui: InPageUi;
  /** Aborted when the content script is invalidated (extension reloaded or page left). */
  signal: AbortSignal;
  /** Set when this script runs in a sub-frame that passed the adapter's frame rule (see utils/engine/frames.ts). */
  inFrame?: boolean;
  /** For adapters with choice steps (Entra): handed in by the site's entrypoint, so other scripts stay small. */
  chooser?: Chooser;
}

type Stop = {
  kind: 'stop';
  message: string;
  status: PageStatus['code'];
  detail?: string;
  stage: FillStage;
  /** The other host a Base URL names: the card offers "Fill anyway", and the person decides. */
  asks?: string;
};

class Stopped extends Error {
  constructor(readonly stop: Stop) {
    super(stop.message);
  }
}

/** A stop about one control of the form (named in the page status), at a stage of the fill. */
const stopAt = (message: string, status: PageStatus['code'], detail: string, stage: FillStage, asks?: string) =>
  new Stopped({ kind: 'stop', message, status, detail, stage, asks });

type Outcome = TargetAdapter['outcome'];

/** Does the text read as a verdict of the IdP? A progress notice is one only once it carries the verdict too. */
export function isVerdict(outcome: Outcome, text: string): boolean {
  return outcome.success.test(text) || outcome.failure.test(text) || !!outcome.saved?.test(text);
}

/** "Testing connection to …" alone: wait for what follows. */
function isPendingOnly(outcome: Outcome, text: string): boolean {
  return (IN_PROGRESS.test(text) || !!outcome.pending?.test(text)) && !isVerdict(outcome, text);
}

/**
 * An announcement's words as a person reads them: a title and a body drawn as separate blocks (Entra's
 * "Testing connection to InVision" over "The supplied credentials …") stay apart, joined with a dash unless the
 * first already ends a sentence. Text clipped to a pixel is for screen readers only (Odyssey's Callout says
 * "error" that way) and is left out.
 */
export function announcementText(el: Element): string {
  const blocks = new Map<Element, string>();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let block = node.parentElement!;
    const box = block.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    while (block !== el && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement!;
    blocks.set(block, (blocks.get(block) ?? '') + node.textContent);
  }
  return [...blocks.values()]
    .map(normaliseText)
    .filter(Boolean)
    .reduce((text, block) => (!text ? block : /[.!?:;…]$/.test(text) ? `${text} ${block}` : `${text} — ${block}`), '');
}

/** A verdict fits a message (Entra adds error code, details and request id): longer text ends in an ellipsis. */
function clipped(text: string): string {
  return text.length <= NOTICE_MAX_LENGTH ? text : `${text.slice(0, NOTICE_MAX_LENGTH - 1)}…`;
}

/** The page's announcements: alerts and live regions (a selector query, cheap on any page). */
function liveRegionTexts(ownUi: Element | undefined): Map<Element, string> {
  const found = new Map<Element, string>();
  for (const el of document.querySelectorAll('[role=alert], [role=status], [aria-live], output')) {
    if (el !== ownUi && isRendered(el)) found.set(el, clipped(announcementText(el)));
  }
  return found;
}

/** Does the element hold words of its own (not only whitespace between child elements)? */
const hasOwnWords = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && !!n.textContent?.trim());

/**
 * Short texts that read as a verdict, among what changed: the elements inside each changed node, and the changed
 * node's ancestors, whose words changed with it. Some layouts show the verdict without a role; reading only what
 * changed, not every text node of the page, keeps this cheap on a big console (CPU profile: alertTexts).
 */
function verdictTextsIn(outcome: Outcome, changed: Iterable<Node>, found: Map<Element, string>): void {
  const owners = new Set<Element>();
  const climbed = new Set<Element>(); // a re-render touches many siblings: their shared ancestors are read once
  for (const node of changed) {
    if (!node.isConnected) continue;
    for (let el = node.parentElement; el && !climbed.has(el); el = el.parentElement) {
      climbed.add(el);
      if (hasOwnWords(el)) owners.add(el);
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.currentNode.nodeType === Node.TEXT_NODE ? walker.currentNode : walker.nextNode(); text; text = walker.nextNode()) {
      // Whitespace between elements belongs to no caption: reading its parent would merge a whole row.
      if (text.parentElement && text.textContent?.trim()) owners.add(text.parentElement);
    }
  }
  for (const el of owners) {
    if (found.has(el)) continue;
    const text = normaliseText(el.textContent);
    if (text.length < NOTICE_MAX_LENGTH && isVerdict(outcome, text) && isRendered(el)) found.set(el, clipped(announcementText(el)));
  }
}

/**
 * Watches for announcements that appear or change after it starts: alerts and live regions and, unless
 * `liveRegionsOnly`, any short text that reads as a verdict. `take()` returns each one that is new since the last
 * call (progress notices excepted), once; `changed()` says whether anything moved since then.
 */
export function watchAnnouncements(outcome: Outcome, opts: { ownUi?: Element; liveRegionsOnly?: boolean } = {}) {
  let last = liveRegionTexts(opts.ownUi);
  const touched = new Set<Node>();
  const taken = new WeakMap<Element, string>();
  const watcher = new MutationObserver((records) => {
    for (const record of records) {
      touched.add(record.target);
      record.addedNodes.forEach((n) => touched.add(n));
    }
  });
  // Attributes too: a verdict already in the page may be revealed by a class or `hidden` change.
  watcher.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['class', 'style', 'hidden'] });
  const isNew = (el: Element, text: string) =>
    last.get(el) !== text || Array.from(touched).some((n) => n === el || el.contains(n) || n.contains(el));
  return {
    changed: () => touched.size > 0,
    take(): { el: Element; text: string }[] {
      const now = liveRegionTexts(opts.ownUi);
      if (!opts.liveRegionsOnly) verdictTextsIn(outcome, touched, now);
      const fresh: { el: Element; text: string }[] = [];
      for (const [el, text] of now) {
        if (!text || isPendingOnly(outcome, text) || !isNew(el, text) || taken.get(el) === text) continue;
        taken.set(el, text);
        fresh.push({ el, text });
      }
      last = now;
      touched.clear();
      return fresh;
    },
    stop: () => watcher.disconnect(),
  };
}

/** The control a reveal step acts on. */
function controlOf(step: RevealStep): ControlSpec {
  return 'choose' in step ? step.choose : step;
}

/** A status report's app label: only a name the page shows, never a placeholder. */
function labelled(app: AppIdentity): { appLabel?: string } {
  return app.label ? { appLabel: app.label } : {};
}

export function startTarget(deps: TargetDeps) {
  const { adapter, ui } = deps;
  let attempt: AbortController | undefined;
  let busy: 'filling' | 'saving' | undefined;
  let verified = false;
  let autoSave = false;
  let lastStatus = '';
  /** One-shot: the user said yes on the in-page card; the next request for the token carries it. */
  let confirmed = false;
  let pathname = location.pathname;
  let granted = false;
  let handshakeTries = 0;
  /** Verdicts the IdP announced in the top page, forwarded by the background (frames with `verdictInTop`). */
  let topNotices: string[] = [];
  const hostRule: HostRule = deps.inFrame && adapter.frames ? adapter.frames.hosts : adapter.hosts;

  /** The adapter's controls, for diagnostics: which of them the page shows. */
  const watchedControls = [adapter.integration, ...adapter.reveal.map(controlOf), adapter.enable, adapter.baseUrl, adapter.token, adapter.test, adapter.save].filter(
    (spec): spec is ControlSpec => !!spec,
  );
  let lastReported: PageStatus | undefined;
  const report = (status: PageStatus) => {
    lastReported = status;
    const full: PageStatus = { ...status, ...census(watchedControls) };
    const key = JSON.stringify(full);
    if (key === lastStatus) return;
    lastStatus = key;
    void deps.send({ type: 'page/status', adapterId: adapter.id, status: full });
  };
  const progress = (step: StepId) => deps.send({ type: 'target/progress', adapterId: adapter.id, step });
  /** The other Base URL host the card is asking about; the card's "Fill anyway" turns it into `baseUrlAccepted`. */
  let baseUrlAsked: string | undefined;
  let baseUrlAccepted: string | undefined;
  const show = (view: PanelView) => {
    baseUrlAsked = undefined; // whatever the card asked before is no longer on it
    ui.show(view);
  };

  function stopFor(name: string, picked: Exclude<Picked, { ok: true }>, stage: FillStage): Stop {
    const frames = document.querySelectorAll('iframe, frame').length;
    const message =
      picked.problem === 'missing'
        ? say.missingControl(name, adapter, frames, stage)
        : picked.problem === 'ambiguous'
          ? say.ambiguousControl(name, picked.count, stage)
          : say.unusableControl(name, picked.why, stage);
    return { kind: 'stop', message, status: picked.problem === 'missing' ? 'layout-not-recognised' : 'unsafe-page', detail: name, stage };
  }

  /** `disabledIsFine`: a control that is only disabled counts (Test stays disabled until the form holds a token). */
  async function need(spec: ControlSpec, signal: AbortSignal, opts: { typing?: boolean; stage: FillStage; disabledIsFine?: boolean }) {
    // Wait for the control to render, then insist it is the one usable control of its kind.
    await waitFor(() => (present(spec).length ? true : undefined), { signal, timeoutMs: STEP_TIMEOUT_MS });
    // Controls are often briefly disabled or under a loading overlay right after the previous step.
    let picked = pick(spec, { typing: opts.typing, ownUi: ui.host });
    if (!picked.ok && picked.problem === 'unusable' && picked.why !== 'page-hidden') {
      const settled = await waitFor(() => {
        const again = pick(spec, { typing: opts.typing, ownUi: ui.host });
        return again.ok ? again : undefined;
      }, { signal, timeoutMs: USABLE_WAIT_MS });
      if (settled) picked = settled;
    }
    if (!picked.ok && picked.problem === 'unusable' && picked.why === 'page-hidden') {
      // The user switched tabs mid-hand-off: carry on when they come back, never act unseen.
      await whenVisible(signal);
      picked = pick(spec, { typing: opts.typing, ownUi: ui.host });
    }
    if (!picked.ok && picked.problem === 'unusable' && picked.why === 'disabled' && opts.disabledIsFine) return present(spec)[0]!;
    if (!picked.ok) throw new Stopped(stopFor(spec.name, picked, opts.stage));
    return picked.el;
  }

  /** The pane inside a same-origin frame: the frame's styling is out of our sight, so it is never filled. */
  function paneInFrame(): boolean {
    return Array.from(document.querySelectorAll('iframe, frame')).some((frame) => {
      try {
        const doc = (frame as HTMLIFrameElement).contentDocument;
        return !!doc && present(adapter.integration, doc).length > 0;
      } catch {
        return false; // cross-origin: invisible to us, and our script never runs inside it
      }
    });
  }

  /** A sign-in prompt on screen. The form's own token field may be a password field too: that one is no prompt. */
  function signInShown(): boolean {
    const prompts = present(adapter.signIn);
    if (!prompts.length) return false;
    const tokenFields = candidates(document, adapter.token);
    return prompts.some((el) => !tokenFields.includes(el));
  }

  function whenVisible(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (document.visibilityState === 'visible' || signal.aborted) return resolve();
      const done = () => {
        if (document.visibilityState !== 'visible' && !signal.aborted) return;
        document.removeEventListener('visibilitychange', done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      document.addEventListener('visibilitychange', done);
      signal.addEventListener('abort', done, { once: true });
    });
  }

  /**
   * The Enable checkboxes a person sees: styled ones (MUI, Okta's Odyssey) lay a transparent native input over a
   * drawn box, so the input itself is not rendered while its label is.
   */
  function shownEnable(): Element[] {
    if (!adapter.enable) return [];
    return candidates(document, adapter.enable).filter((box) => isRendered(box) || Array.from((box as HTMLInputElement).labels ?? []).some(isRendered));
  }

  /** Makes the choice a reveal step asks for; stops, naming the control, when it has no such option or ignores it. */
  async function makeChoice(step: ChoiceStep, signal: AbortSignal) {
    const control = await need(step.choose, signal, { stage: 'untouched' });
    const result = deps.chooser ? await deps.chooser.choose(control, step.option, { signal, ownUi: ui.host }) : 'no-option';
    if (result === 'chosen' || signal.aborted) return;
    const message = say.choiceNotMade(step.choose.name, deps.chooser?.shown(control) ?? '');
    throw new Stopped({ kind: 'stop', message, status: 'layout-not-recognised', detail: step.choose.name, stage: 'untouched' });
  }

  /** Presses or chooses the reveal steps in order (skipping absent ones) until the token field shows. */
  async function revealForm(signal: AbortSignal) {
    // Open means a usable token field or the Enable checkbox: a decoy field hidden off-screen does not count.
    const decoys = present(adapter.token);
    const formShown = () =>
      pick(adapter.token, { typing: true, ownUi: ui.host }).ok ||
      present(adapter.token).some((el) => !decoys.includes(el)) ||
      shownEnable().length > 0;
    for (const [index, step] of adapter.reveal.entries()) {
      if (formShown()) return;
      const later = adapter.reveal.slice(index + 1);
      const progressed = () => formShown() || later.some((next) => present(controlOf(next)).length > 0);
      // Absent now means not needed on this layout (each step waits until the next control has rendered); a
      // later step already on screen means this one was done before (Provisioning Mode already Automatic).
      if (!present(controlOf(step)).length || progressed()) continue;
      if ('choose' in step) await makeChoice(step, signal);
      else {
        const control = await need(step, signal, { stage: 'untouched' });
        if (control.getAttribute('aria-expanded') === 'true') continue; // never collapse what is open
        press(control);
      }
      await waitFor(() => (progressed() ? true : undefined), { signal, timeoutMs: STEP_TIMEOUT_MS });
    }
    if (!formShown()) throw new Stopped(stopFor(adapter.token.name, { ok: false, problem: 'missing' }, 'untouched'));
  }

  async function enableIfNeeded(signal: AbortSignal) {
    const boxes = shownEnable();
    if (!adapter.enable || !boxes.length) return;
    const box = boxes[0]!;
    if (isChecked(box)) return;
    // Styled checkboxes hide the input and show the label: a person clicks whichever is visible.
    const labels = Array.from((box as HTMLInputElement).labels ?? []);
    const target = [box, ...labels].find((el) => !whyUnusable(el, { ownUi: ui.host }));
    if (!target) throw new Stopped(stopFor(adapter.enable.name, { ok: false, problem: 'unusable', why: whyUnusable(box, { ownUi: ui.host })! }, 'untouched'));
    press(target);
    const fieldShown = await waitFor(() => (isChecked(box) && present(adapter.token).length ? true : undefined), {
      signal,
      timeoutMs: STEP_TIMEOUT_MS,
    });
    if (!fieldShown) {
      const message = say.enableDidNotShowFields(adapter.enable.name, adapter.token.name);
      throw new Stopped({ kind: 'stop', message, status: 'layout-not-recognised', detail: adapter.token.name, stage: 'untouched' });
    }
  }

  async function typeChecked(el: Element, value: string, spec: ControlSpec, signal: AbortSignal, stage: FillStage) {
    if (!isTextField(el) || !isTextEntry(el)) throw new Stopped(stopFor(spec.name, { ok: false, problem: 'missing' }, stage));
    const chosen = { el, form: formOf(el) };
    const changed = () => whyFieldChanged(chosen, el.isConnected ? el : present(spec)[0], { ownUi: ui.host });
    // The page may move, hide or retype the field on focus: checked once it has focus, before the value goes in,
    // and again after, since a framework re-render (what counts is the field the page shows now) or a timer may follow.
    let why = typeInto(el, value, () => !changed()) ? undefined : changed();
    if (!why) {
      await delay(READBACK_DELAY_MS, signal);
      why = changed();
    }
    const shown = el.isConnected ? el : present(spec)[0];
    if (why) {
      clearTyped(el, shown);
      throw stopAt(say.fieldChanged(spec.name, why), 'unsafe-page', spec.name, 'untouched');
    }
    if (!shown || readField(shown) !== value) {
      throw stopAt(say.fieldRejected(spec.name), 'layout-not-recognised', spec.name, stage);
    }
  }

  /** Takes a typed value out of the field again (and out of a re-rendered copy of it). */
  function clearTyped(...fields: (Element | undefined)[]) {
    for (const field of fields) if (field && isTextField(field)) typeInto(field, '');
  }

  /** The Base URL as it was when the token went in: Test and Save may only go to that host. */
  let baseUrlSent: { el: Element; value: string } | undefined;
  /** The host the Base URL field names now, when the page changed it to another one after the token went in. */
  function baseUrlMovedTo(): string | undefined {
    const el = baseUrlSent?.el.isConnected ? baseUrlSent.el : present(adapter.baseUrl)[0];
    return baseUrlSent && otherBaseUrlHost(el ? readField(el) : '', baseUrlSent.value);
  }

  /** The token field that got the token in this attempt. */
  let tokenTyped: Element | undefined;

  /**
   * The page pointed the Base URL elsewhere after the token went in: take the token out of the form and stop.
   * Checked as Test and Save are pressed (the page builds its request from the form as the click lands) and once
   * the verdict is in.
   */
  function stopIfBaseUrlMoved(stage: FillStage) {
    const movedTo = baseUrlMovedTo();
    if (movedTo === undefined) return;
    clearTyped(tokenTyped, present(adapter.token)[0]);
    const message = say.baseUrlChanged(adapter.baseUrl.name, movedTo);
    throw stopAt(message, 'unsafe-page', adapter.baseUrl.name, stage);
  }

  async function fillBaseUrl(grant: Extract<FillGrant, { kind: 'fill' }>, signal: AbortSignal) {
    if (!present(adapter.baseUrl).length) return;
    const field = await need(adapter.baseUrl, signal, { typing: true, stage: 'untouched' });
    const value = readField(field).trim();
    const formHost = otherBaseUrlHost(value, grant.scimUrl);
    const accepted = formHost !== undefined && formHost === baseUrlAccepted;
    baseUrlAccepted = undefined;
    const keep = () => void (baseUrlSent = { el: field, value });
    if (value && formHost === undefined) return keep();
    if (formHost !== undefined && !accepted) {
      // Test would send the token to the host this field names: never without the person's yes.
      const message = say.baseUrlOtherHost(adapter.baseUrl.name, formHost, urlHost(grant.scimUrl) ?? deps.source.label);
      throw stopAt(message, 'unsafe-page', adapter.baseUrl.name, 'untouched', formHost);
    }
    if (!grant.scimUrl) {
      if (formHost !== undefined) return keep(); // the person accepted the URL already there
      const message = say.noBaseUrl(adapter.baseUrl.name, deps.source.label);
      throw stopAt(message, 'layout-not-recognised', adapter.baseUrl.name, 'untouched');
    }
    await typeChecked(field, grant.scimUrl, adapter.baseUrl, signal, 'untouched');
    baseUrlSent = { el: field, value: grant.scimUrl };
  }

  /** New announcements in this document, then verdicts the top page announced (forwarded by the background). */
  function announcements(watch: ReturnType<typeof watchAnnouncements>): { text: string; isAlert: boolean }[] {
    const here = watch.take().map(({ el, text }) => ({ text, isAlert: el.matches('[role=alert]') }));
    const fromTop = topNotices.map((text) => ({ text, isAlert: false }));
    topNotices = [];
    // An alert says more than a status line that changed with it ("Disabled" beside "401 Unauthorized").
    return [...here.filter((a) => a.isAlert), ...here.filter((a) => !a.isAlert), ...fromTop];
  }

  /** Undefined when the attempt was called off (page left, extension gone) before Test was pressed. */
  async function testAndRead(signal: AbortSignal): Promise<{ ok: boolean; message: string } | undefined> {
    const button = await need(adapter.test, signal, { stage: 'typed' });
    const watch = watchAnnouncements(adapter.outcome, { ownUi: ui.host });
    topNotices = [];
    // Reported before the click: a verdict announced in the top page is accepted only once this step is known.
    await progress('test');
    if (signal.aborted || baseUrlMovedTo() !== undefined) watch.stop();
    if (signal.aborted) return;
    stopIfBaseUrlMoved('typed');
    press(button);
    const outcome = await waitFor(
      () => {
        for (const { text, isAlert } of announcements(watch)) {
          // Failure first: "could not be enabled" must not read as "enabled".
          if (adapter.outcome.failure.test(text)) return { ok: false, message: text };
          if (adapter.outcome.success.test(text)) return { ok: true, message: text };
          if (isAlert) return { ok: false, message: text };
        }
        return undefined;
      },
      { signal, timeoutMs: OUTCOME_TIMEOUT_MS },
    );
    watch.stop();
    stopIfBaseUrlMoved('tested');
    return outcome ?? { ok: false, message: say.noOutcome(adapter.test.name, OUTCOME_TIMEOUT_MS / 1000) };
  }

  /** Reveal, fill and test, once. Undefined when called off: by the page, or by a sign-in prompt replacing the form. */
  async function handOff(grant: Extract<FillGrant, { kind: 'fill' }>, signal: AbortSignal, markTyped: () => void) {
    await revealForm(signal);
    await enableIfNeeded(signal);
    await fillBaseUrl(grant, signal);
    const field = await need(adapter.token, signal, { typing: true, stage: 'untouched' });
    // Test must be usable before the token goes in: found covered only after typing, it would leave the token
    // in a form nobody tested. It is checked again when pressed. Disabled is fine: some forms (Entra's new
    // configuration) enable it only once the fields hold something.
    await need(adapter.test, signal, { stage: 'untouched', disabledIsFine: true });
    if (signal.aborted || signedOut()) return undefined; // never type once a sign-in prompt shows
    markTyped();
    tokenTyped = field;
    await typeChecked(field, grant.token, adapter.token, signal, 'typed');
    void progress('fill');
    const outcome = await testAndRead(signal);
    return signal.aborted ? undefined : outcome;
  }

  /** A sign-in or re-authentication prompt in place of the integration pane (an idle timeout, a step-up). */
  function signedOut(): boolean {
    return signInShown() && !present(adapter.integration).length;
  }

  /**
   * The hand-off, resumed when a sign-in prompt replaces the form midway (Okta's idle timeout between Edit and
   * Test): the person signs in, the pane comes back in the same tab, and it starts again from Edit, as the card
   * promised. Nothing is ever typed into or pressed on the prompt.
   */
  async function handOffAcrossSignIn(grant: Extract<FillGrant, { kind: 'fill' }>, signal: AbortSignal, markTyped: () => void) {
    for (;;) {
      const interrupted = new AbortController();
      const stopWatching = watchDom(() => {
        if (signedOut()) interrupted.abort();
      });
      try {
        const outcome = await handOff(grant, AbortSignal.any([signal, interrupted.signal]), markTyped);
        if (!interrupted.signal.aborted && !signedOut()) return outcome;
      } catch (error) {
        if (!(error instanceof Stopped) || !signedOut()) throw error;
      } finally {
        stopWatching();
      }
      if (signal.aborted) return undefined;
      report({ code: 'signin-required' });
      show({ tone: 'warning', title: say.signIn(adapter) });
      const back = await waitFor(() => (present(adapter.integration).length && !signedOut() ? true : undefined), { signal, timeoutMs: PANE_WAIT_MS });
      if (!back || signal.aborted) return undefined;
      show({ tone: 'progress', title: say.filling(fingerprint(grant.token)) });
    }
  }

  async function fill(grant: Extract<FillGrant, { kind: 'fill' }>, signal: AbortSignal) {
    busy = 'filling';
    const unattend = attend(HAND_OFF_ATTENTION_MS);
    autoSave = grant.autoSave;
    show({ tone: 'progress', title: say.filling(fingerprint(grant.token)) });
    let typed = false;
    baseUrlSent = undefined;
    tokenTyped = undefined;
    try {
      const outcome = await handOffAcrossSignIn(grant, signal, () => (typed = true));
      if (!outcome || signal.aborted) return;
      if (lastReported) report(lastReported); // the same status, with the controls as they ended up
      verified = outcome.ok;
      await deps.send({
        type: 'target/result',
        adapterId: adapter.id,
        outcome: outcome.ok ? 'verified' : 'failed',
        message: outcome.message,
        pageVisible: document.visibilityState === 'visible',
      });
      if (signal.aborted) return; // an orphan (extension reloaded meanwhile) neither saves nor speaks
      if (outcome.ok && autoSave) {
        busy = undefined;
        return void (await save());
      }
      show(
        outcome.ok
          ? { tone: 'success', title: outcome.message, body: say.verifiedBody(adapter), actions: [{ id: 'save', label: say.saveAction() }] }
          : { tone: 'error', title: outcome.message, body: say.failedBody() },
      );
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
      const stop = error.stop;
      report({ code: stop.status, detail: stop.detail });
      await deps.send({
        type: 'target/result',
        adapterId: adapter.id,
        outcome: typed || stop.stage !== 'untouched' ? 'failed' : 'stopped',
        message: stop.message,
        pageVisible: document.visibilityState === 'visible',
      });
      if (!stop.asks) return show({ tone: 'error', title: stop.message });
      show({ tone: 'warning', title: stop.message, actions: [{ id: 'fill', label: say.fillAnywayAction() }] });
      baseUrlAsked = stop.asks;
    } finally {
      unattend();
      busy = undefined;
    }
  }

  /** Saves, or (when the person clicked the page's own Save) only watches the page confirm it. */
  async function save(clickedByUser = false) {
    if (!verified || busy) return;
    busy = 'saving';
    const signal = deps.signal;
    try {
      const button = await need(adapter.save, signal, { stage: 'tested' });
      if (signal.aborted) return;
      if (!clickedByUser) stopIfBaseUrlMoved('tested');
      const watch = watchAnnouncements(adapter.outcome, { ownUi: ui.host });
      topNotices = [];
      if (!clickedByUser) press(button);
      const outcome = await waitFor(
        () => {
          if (!present(adapter.token).length) return { ok: true, message: say.savedOk(adapter) };
          for (const { text } of announcements(watch)) {
            if (adapter.outcome.saved.test(text)) return { ok: true, message: say.savedOk(adapter) };
            if (adapter.outcome.failure.test(text)) return { ok: false, message: text };
          }
          return undefined;
        },
        { signal, timeoutMs: SAVE_TIMEOUT_MS },
      );
      watch.stop();
      const result = outcome ?? { ok: false, message: say.saveNotConfirmed(adapter.save.name, SAVE_TIMEOUT_MS / 1000) };
      await deps.send({ type: 'target/saved', adapterId: adapter.id, ok: result.ok, message: result.message });
      if (result.ok) verified = false;
      show({ tone: result.ok ? 'success' : 'error', title: result.message });
    } catch (error) {
      if (!(error instanceof Stopped)) throw error;
      await deps.send({ type: 'target/saved', adapterId: adapter.id, ok: false, message: error.stop.message });
      show({ tone: 'error', title: error.stop.message });
    } finally {
      busy = undefined;
    }
  }

  function showWait(grant: Extract<FillGrant, { kind: 'wait' }>, appLabel: string) {
    const { reason, pairing } = grant;
    const goAhead = (label: string): PanelView['actions'] => [{ id: 'fill', label }];
    const ask: PanelView = { tone: 'info', title: say.askFirst(appLabel), actions: goAhead(say.fillAction()) };
    const views: Record<typeof reason, PanelView> = {
      'no-token': { tone: 'info', title: say.noToken(deps.source.label, deps.source.path) },
      expired: { tone: 'warning', title: say.expired(deps.source.label, deps.source.path) },
      saved: { tone: 'success', title: say.forgotten('saved') },
      'other-app': { tone: 'warning', title: say.otherApp(appLabel, adapter) },
      'unknown-app': { tone: 'info', title: say.unknownApp(deps.source.label), actions: [{ id: 'fill', label: say.fillAction() }] },
      'busy-elsewhere': { tone: 'info', title: say.busyElsewhere() },
      'already-done': { tone: 'info', title: say.alreadyDone() },
      'failed-needs-retry': { tone: 'warning', title: say.failedNeedsRetry() },
      'ask-first': ask,
      'org-policy': { tone: 'error', title: say.policyRefusedIdp(location.hostname) },
      'pairing-changed': { tone: 'warning', title: pairing ? say.pairingChanged(adapter, pairing) : '', actions: goAhead(say.fillAnywayAction()) },
      // This tab had its one fill on its own: the same question as "ask before filling".
      'refill-needs-go-ahead': ask,
    };
    show(views[reason]);
  }

  async function run(signal: AbortSignal) {
    const host = checkHost(location.href, hostRule);
    if (!host.ok) {
      report({ code: 'not-admin-host', detail: host.reason });
      show({ tone: 'error', title: say.notAdminHost(adapter, host.host, host.reason) });
      return;
    }
    if (signInShown() && !present(adapter.integration).length) {
      report({ code: 'signin-required' });
      show({ tone: 'warning', title: say.signIn(adapter) });
      await waitFor(() => (signInShown() ? undefined : true), { signal, timeoutMs: PANE_WAIT_MS });
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
      present(adapter.integration).length ? 'pane' : signInShown() ? 'signin' : paneInFrame() ? 'framed' : undefined;
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
    if (signal.aborted || busy) return;
    const yes = confirmed;
    confirmed = false;
    // Busy from the request on: a second request from this tab would read as "the page reloaded mid-fill".
    busy = 'filling';
    const grant = parseFillGrant(
      await deps.send({ type: 'target/ready', adapterId: adapter.id, appLabel: app.label, expectedApp: app.expected, confirmed: yes }),
    );
    busy = undefined;
    if (signal.aborted) return;
    if (!grant) {
      // Unanswered: in a frame, most likely the top page's script has not reported yet. Ask again, a few times.
      if (deps.inFrame && handshakeTries++ < FRAME_HANDSHAKE_TRIES) {
        await delay(FRAME_HANDSHAKE_RETRY_MS, signal);
        lastStatus = ''; // the rejected status report goes again, too
        if (!signal.aborted) evaluate();
      }
      return;
    }
    if (grant.kind === 'wait') return showWait(grant, grant.appLabel || app.label);
    granted = true;
    await fill(grant, signal);
  }

  function evaluate() {
    if (busy) {
      // The page moved on mid-hand-off: never finish it late on a different page.
      if (location.pathname === pathname) return;
      attempt?.abort();
      busy = undefined;
    }
    pathname = location.pathname;
    attempt?.abort();
    attempt = new AbortController();
    const signal = AbortSignal.any([attempt.signal, deps.signal]);
    void run(signal);
  }

  function onBackground(message: BackgroundToContent) {
    switch (message.type) {
      case 'bg/token-available':
      case 'bg/fill-here':
        if (!busy) evaluate();
        break;
      case 'bg/save':
        void save();
        break;
      case 'bg/forgotten':
        attempt?.abort();
        verified = false;
        if (granted && message.reason !== 'saved') show({ tone: 'info', title: say.forgotten(message.reason) });
        break;
      case 'bg/notice':
        if (busy) topNotices.push(message.message);
        break;
    }
  }

  // A person may save with the page's own button (the guide points at it): notice, so the token is forgotten.
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || !verified || busy || !(event.target instanceof Node)) return;
      const picked = pick(adapter.save, { ownUi: ui.host });
      if (picked.ok && picked.el.contains(event.target)) void save(true);
    },
    { capture: true, signal: deps.signal },
  );

  /** Called only after in-page-ui checked the click was trusted and the card intact and on top. */
  function onPanelAction(id: PanelActionId) {
    if (id === 'save') void save();
    if (id === 'fill' && !busy) {
      confirmed = true;
      baseUrlAccepted = baseUrlAsked;
      evaluate();
    }
  }

  return { evaluate, onBackground, onPanelAction };
}
