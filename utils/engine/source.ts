// Drives any source adapter on its SaaS admin page: notice the SCIM settings, remind what generating a token
// does, and offer the token the moment it is shown (never a mask or placeholder), with the SCIM URL beside it.
// Only on the adapter's SCIM settings route, only what a person can see, and only counted by the background
// shortly after the person's own click on the generate control (utils/relay.ts offerCapture).
import type { SourceAdapter } from '../adapters/types';
import { isChecked, isTextField } from '../dom/act';
import type { PanelActionId } from '../dom/in-page-panel';
import type { InPageUi } from '../dom/in-page-ui';
import { candidates, matchesRole } from '../dom/locate';
import { census, present } from '../dom/pick';
import { effectiveOpacity, isRendered, MIN_ANCESTOR_OPACITY, whyUnusable } from '../dom/usable';
import { watchDom } from '../dom/wait';
import { checkHost } from '../hosts';
import { say } from '../messages';
import { isPolicyRefusal } from '../policy/refusal';
import type { CaptureReply, ContentToBackground, PageStatus } from '../protocol';
import { PAGE_TITLE_MAX_LENGTH, TRUSTED_CLICK_WINDOW_MS } from '../protocol-constants';
import { parseCaptureReply } from '../protocol-inbound';
import { bareToken, checkToken, fingerprint } from '../token';

export interface SourceDeps {
  adapter: SourceAdapter;
  /** The person's clicks on the generate control, watched from the page's first moment (watchGenerateClicks). */
  clicks?: GenerateClicks;
  /** Where the token goes next, in the target's words (e.g. "Okta: Applications › …"). */
  targetPath: string;
  send: (message: ContentToBackground) => Promise<unknown>;
  ui: InPageUi;
  signal: AbortSignal;
}

/**
 * After the person's click the token is what they wait for, and it must reach the background within
 * TRUSTED_CLICK_WINDOW_MS: look this often until then, whatever the page's mutation budget allows (a busy machine
 * once deferred the scan past the window, and a real capture was refused).
 */
const AFTER_CLICK_SCAN_MS = 250;

const DIALOG_SELECTOR = 'dialog, [role=dialog], [role=alertdialog], [aria-modal=true]';
const REGION_SELECTOR = `${DIALOG_SELECTOR}, section, form, article, main`;

/** Every short string a person could read in an element: a field's value, or each of its text pieces. */
function readings(el: Element): string[] {
  if (isTextField(el)) return [el.value];
  const out: string[] = [];
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) out.push(text);
  }
  return out;
}

/** Is the element something a person sees now? A read-only or disabled display field still shows its value. */
function seen(el: Element, ownUi: Element | undefined): boolean {
  const why = whyUnusable(el, { ownUi });
  return !why || why === 'disabled' || why === 'read-only';
}

/** The first token a person can see in `root`, with the element that shows it. */
export function findToken(adapter: SourceAdapter, root: ParentNode, ownUi: Element): { token: string; el: Element } | undefined {
  for (const el of candidates(root, adapter.token)) {
    if (!isRendered(el)) continue;
    for (const value of readings(el)) {
      if (value.includes('://')) continue; // the SCIM URL sits in the same kind of element
      const checked = checkToken(bareToken(value));
      if (checked.ok && seen(el, ownUi)) return { token: checked.token, el };
    }
  }
  return undefined;
}

/** URL.canParse arrived in Chrome 120; the manifest allows 116. */
function parsed(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** What the page shows beside the adapter's Base URL caption: a URL on its own origin, or the other host it names. */
export type ShownBaseUrl = { url: string } | { otherHost: string };

/**
 * The Base URL beside the adapter's caption, never from any other text of the page, and only on the page's own
 * origin. Several different URLs there (a hidden duplicate, a value swapped under an overlay) mean none.
 */
export function findScimUrl(adapter: SourceAdapter, root: ParentNode, origin: string): ShownBaseUrl | undefined {
  const shown = candidates(root, adapter.scimUrl.control)
    .filter(isRendered)
    .flatMap(readings)
    .map((s) => s.trim())
    .filter((s) => /^https?:\/\//i.test(s));
  const other = shown.find((s) => !adapter.scimUrl.pattern.test(s) || parsed(s)?.origin !== origin);
  if (other) return { otherHost: parsed(other)?.host ?? other.slice(0, 80) };
  return shown.length && shown.every((s) => s === shown[0]) ? { url: shown[0]! } : undefined;
}

function buttonAround(el: Element): Element | undefined {
  for (let node: Element | null = el; node; node = node.parentElement) if (matchesRole(node, 'button') || matchesRole(node, 'link')) return node;
  return undefined;
}

export const onSourceRoute = (adapter: SourceAdapter, path: string) => adapter.routes.some((route) => route.test(path));

/**
 * The person's own click on the generate control (or, for a source that names none, on any button of the page),
 * on the control as it is shown: a click the page synthesised, or one on a control hidden under something else,
 * does not count.
 */
export function isPersonsGenerateClick(adapter: SourceAdapter, event: Event, ownUi: Element | undefined): boolean {
  if (!event.isTrusted || !(event.target instanceof Element)) return false;
  const target = event.target;
  const controls = adapter.trigger ? present(adapter.trigger) : [buttonAround(target)].filter((el) => !!el);
  return controls.some((control) => control.contains(target) && seen(control, ownUi));
}

export interface GenerateClicks {
  /** From now on each such click goes to `onClick`; one that came before is passed on at once. */
  connect(ownUi: Element, onClick: () => void): void;
  stop(): void;
}

/**
 * Watches for the person's click on the generate control from the moment it is called (document_start): a person
 * who clicks before the rest of the script is ready (a cold browser, a slow settings read) is not missed.
 */
export function watchGenerateClicks(adapter: SourceAdapter): GenerateClicks {
  let ownUi: Element | undefined;
  let onGenerate: (() => void) | undefined;
  let early = false;
  // Capture phase on the window: the click is seen before the page's own handler starts generating.
  const onClick = (event: MouseEvent) => {
    if (!onSourceRoute(adapter, location.pathname) || !isPersonsGenerateClick(adapter, event, ownUi)) return;
    if (onGenerate) onGenerate();
    else early = true;
  };
  window.addEventListener('click', onClick, true);
  return {
    connect(ui, handler) {
      ownUi = ui;
      onGenerate = handler;
      if (early) handler();
      early = false;
    },
    stop: () => window.removeEventListener('click', onClick, true),
  };
}

/** "10:02": when a token was captured, as the person's clock shows it. */
const clock = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function startSource(deps: SourceDeps): { onPanelAction: (id: PanelActionId) => void } {
  const { adapter, ui } = deps;
  if (!checkHost(location.href, adapter.hosts).ok) {
    deps.clicks?.stop();
    return { onPanelAction: () => {} };
  }
  /** Tokens this page already offered: a page that swaps between two values offers each once. */
  const offeredTokens = new Set<string>();
  let lastStatus = '';
  let hintShown = false;
  /** The token this page offered last and what it showed beside it, for the card that answers the background. */
  let offered: { token: string; baseUrl?: ShownBaseUrl; title?: string } | undefined;
  /** The token the relay took from this page: a different one shown later without a new click is a swap. */
  let capturedHere: string | undefined;

  const report = (status: PageStatus) => {
    const key = JSON.stringify(status);
    if (key === lastStatus) return;
    lastStatus = key;
    void deps.send({ type: 'page/status', adapterId: adapter.id, status });
  };

  function showOutcome(reply: CaptureReply | undefined) {
    if (!reply || !offered) return ui.hide(); // refused by the background: a page it does not take tokens from
    const fp = fingerprint(offered.token);
    if (reply.kind === 'captured') {
      capturedHere = offered.token;
      const from = say.provenance(location.host, offered.title ?? '', clock(Date.now()), offered.baseUrl);
      return ui.show({ tone: 'success', title: say.captured(fp, deps.targetPath), body: from });
    }
    if (reply.kind === 'ask-replace') {
      const held = new URL(reply.heldOrigin).host;
      return ui.show({
        tone: 'warning',
        title: say.askReplace(held, clock(reply.heldAt)),
        body: say.askReplaceBody(fp),
        actions: [
          { id: 'replace', label: say.replaceAction() },
          { id: 'keep', label: say.keepAction() },
        ],
      });
    }
    if (reply.reason === 'no-click' && capturedHere) return ui.show({ tone: 'warning', title: say.changedAfterCapture(fingerprint(capturedHere), fp) });
    if (reply.reason === 'no-click') return ui.show({ tone: 'warning', title: say.notAfterClick(adapter.trigger?.name), body: say.notAfterClickBody() });
    if (reply.reason === 'kept') return ui.show({ tone: 'info', title: say.kept(fp) });
    ui.hide();
  }

  async function offer(token: string, baseUrl: ShownBaseUrl | undefined) {
    const title = document.title.trim().slice(0, PAGE_TITLE_MAX_LENGTH) || undefined;
    offered = { token, ...(baseUrl ? { baseUrl } : {}), ...(title ? { title } : {}) };
    const scimUrl = baseUrl && 'url' in baseUrl ? baseUrl.url : undefined;
    const message: ContentToBackground = { type: 'source/captured', adapterId: adapter.id, token, ...(scimUrl ? { scimUrl } : {}), ...(title ? { title } : {}) };
    const reply = await deps.send(message);
    // The organisation's allow-list of source hosts: the background did not take the token, the card says why.
    if (isPolicyRefusal(reply)) return ui.show({ tone: 'error', title: say.policyRefusedSource(location.hostname) });
    showOutcome(parseCaptureReply(reply));
  }

  function scan() {
    // Settings a person cannot see (drawn nearly transparent over another page) are no settings: no hint, no token.
    const shown = onSourceRoute(adapter, location.pathname) ? present(adapter.panel) : [];
    const panel = shown.find((el) => effectiveOpacity(el) >= MIN_ANCESTOR_OPACITY);
    if (!panel) {
      if (hintShown) ui.hide();
      hintShown = false;
      return;
    }
    const root = panel.closest(REGION_SELECTOR) ?? document.body;
    const ticked = !!adapter.generateCheckbox && present(adapter.generateCheckbox, root).some(isChecked);
    // Some consoles reveal the new token in a dialog of its own, on top of the settings.
    const dialogs = Array.from(document.querySelectorAll(DIALOG_SELECTOR)).filter((d) => d !== root && isRendered(d));
    const found = [root, ...dialogs].map((r) => findToken(adapter, r, ui.host)).find(Boolean);
    const fresh = found && !offeredTokens.has(found.token);
    if (fresh) {
      offeredTokens.add(found.token);
      void offer(found.token, findScimUrl(adapter, root, location.origin));
    }
    // After the offer: the background takes messages one at a time, and the token is what everyone waits for.
    const watched = [adapter.panel, adapter.generateCheckbox, adapter.token, adapter.scimUrl.control].filter((spec) => !!spec);
    report({ code: ticked ? 'source-generate-ticked' : 'source-open', ...census(watched, root) });
    if (fresh) {
      hintShown = false;
      return;
    }
    if (ticked && !hintShown && !found) {
      hintShown = true;
      ui.show({ tone: 'info', title: say.generateHint() });
    }
  }

  let afterClick: ReturnType<typeof setInterval> | undefined;
  const onGenerate = () => {
    void deps.send({ type: 'source/clicked', adapterId: adapter.id });
    clearInterval(afterClick);
    const until = Date.now() + TRUSTED_CLICK_WINDOW_MS;
    afterClick = setInterval(() => (Date.now() > until ? clearInterval(afterClick) : scan()), AFTER_CLICK_SCAN_MS);
  };
  const clicks = deps.clicks ?? watchGenerateClicks(adapter);
  clicks.connect(ui.host, onGenerate);
  scan();
  const stop = watchDom(scan);
  deps.signal.addEventListener(
    'abort',
    () => {
      stop();
      clicks.stop();
      clearInterval(afterClick);
    },
    { once: true },
  );
  return {
    onPanelAction: (id) => {
      if (id !== 'replace' && id !== 'keep') return;
      void deps.send({ type: 'source/replace', adapterId: adapter.id, replace: id === 'replace' }).then((raw) => showOutcome(parseCaptureReply(raw)));
    },
  };
}
