// Drives any source adapter on its SaaS admin page: notice the SCIM settings, remind what generating a token
// does, and offer the token the moment it is shown (never a mask or placeholder), with the SCIM URL beside it.
// Only on the adapter's SCIM settings route, only what a person can see, and only counted by the background
// shortly after the person's own click on the generate control (utils/relay.ts offerCapture).
import type { SourceAdapter } from '../adapters/types';
import { isChecked } from '../dom/act';
import type { PanelActionId } from '../dom/in-page-panel';
import type { InPageUi } from '../dom/in-page-ui';
import { holdsRole, withRoles } from '../dom/locate';
import { census, present } from '../dom/pick';
import { effectiveOpacity, isRendered, MIN_ANCESTOR_OPACITY } from '../dom/usable';
import { watchDom } from '../dom/wait';
import { checkHost } from '../hosts';
import { say } from '../messages';
import { isPolicyRefusal } from '../policy/refusal';
import type { CaptureReply, ContentToBackground, PageStatus } from '../protocol';
import { PAGE_TITLE_MAX_LENGTH, TRUSTED_CLICK_WINDOW_MS } from '../protocol-constants';
import { parseCaptureReply } from '../protocol-inbound';
import { fingerprint } from '../token';
import { onSourceRoute, watchGenerateClicks, type GenerateClicks } from './generate-clicks';
import { findScimUrl, findToken, tokensIn, type ShownBaseUrl } from './source-reading';

export { onSourceRoute, watchGenerateClicks } from './generate-clicks';

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

const REGION_SELECTOR = 'dialog, [role=dialog], [role=alertdialog], [aria-modal=true], section, form, article, main';

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
  /** Where the last look found the settings (their region and any dialog): where the token will show. */
  let roots: Element[] = [];

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
      roots = [];
      if (hintShown) ui.hide();
      hintShown = false;
      return;
    }
    const root = panel.closest(REGION_SELECTOR) ?? document.body;
    const ticked = !!adapter.generateCheckbox && present(adapter.generateCheckbox, root).some(isChecked);
    // Some consoles reveal the new token in a dialog of its own, on top of the settings.
    const dialogs = withRoles(document, ['dialog']).filter((d) => d !== root && isRendered(d));
    roots = [root, ...dialogs];
    // Whether a person can see a token asks the whole page for click-through layers: skipped while every token
    // shown is one already offered (a busy page re-renders an offered token for as long as it stays open). What is
    // found and offered is the same as asking every time; the hint waits only while no token at all is shown.
    const shownTokens = roots.flatMap((r) => Array.from(tokensIn(adapter, r)));
    const anyNew = shownTokens.some(({ token }) => !offeredTokens.has(token));
    const found = anyNew ? roots.map((r) => findToken(adapter, r, ui.host)).find(Boolean) : undefined;
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
    if (ticked && !hintShown && !found && (anyNew || !shownTokens.length)) {
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
  // The token shown is what the person waits for: a change in the settings, or a dialog opening, is looked at once.
  const awaits = (records: MutationRecord[]) =>
    records.some(
      ({ target, addedNodes }) =>
        roots.some((r) => r.contains(target)) ||
        Array.from(addedNodes).some((n) => n.nodeType === Node.ELEMENT_NODE && holdsRole(n as Element, 'dialog')),
    );
  const stop = watchDom(scan, { awaits });
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