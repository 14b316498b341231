// Drives any source adapter on its SaaS admin page: notice the SCIM settings, remind what generating a token
// does, and capture the token the moment it is shown (never a mask or placeholder), with the SCIM URL beside it.
import type { SourceAdapter } from '../adapters/types';
import { isChecked, isTextField } from '../dom/act';
import type { InPageUi } from '../dom/in-page-ui';
import { candidates } from '../dom/locate';
import { census, present } from '../dom/pick';
import { isRendered } from '../dom/usable';
import { watchDom } from '../dom/wait';
import { checkHost } from '../hosts';
import { say } from '../messages';
import { isPolicyRefusal } from '../policy/refusal';
import type { ContentToBackground, PageStatus } from '../protocol';
import { bareToken, checkToken, fingerprint } from '../token';

export interface SourceDeps {
  adapter: SourceAdapter;
  /** Where the token goes next, in the target's words (e.g. "Okta: Applications › …"). */
  targetPath: string;
  send: (message: ContentToBackground) => Promise<unknown>;
  ui: InPageUi;
  signal: AbortSignal;
}

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

export function findToken(adapter: SourceAdapter, root: ParentNode): string | undefined {
  for (const el of candidates(root, adapter.token)) {
    if (!isRendered(el)) continue;
    for (const value of readings(el)) {
      if (value.includes('://')) continue; // the SCIM URL sits in the same kind of element
      const checked = checkToken(bareToken(value));
      if (checked.ok) return checked.token;
    }
  }
  return undefined;
}

export function findScimUrl(adapter: SourceAdapter, root: ParentNode): string | undefined {
  const labelled = candidates(root, adapter.scimUrl.control).filter(isRendered).flatMap(readings);
  const anywhere = Array.from(root.querySelectorAll('input, textarea, a, code, span, div, p, dd, td'))
    .filter((el) => el.childElementCount === 0 || isTextField(el))
    .flatMap(readings);
  return [...labelled, ...anywhere].map((s) => s.trim()).find((s) => adapter.scimUrl.pattern.test(s));
}

export function startSource(deps: SourceDeps) {
  const { adapter, ui } = deps;
  if (!checkHost(location.href, adapter.hosts).ok) return;
  let lastToken: string | undefined;
  let lastStatus = '';
  let hintShown = false;

  const report = (status: PageStatus) => {
    const key = JSON.stringify(status);
    if (key === lastStatus) return;
    lastStatus = key;
    void deps.send({ type: 'page/status', adapterId: adapter.id, status });
  };

  function scan() {
    const panel = present(adapter.panel)[0];
    if (!panel) {
      if (hintShown) ui.hide();
      hintShown = false;
      return;
    }
    const root = panel.closest(REGION_SELECTOR) ?? document.body;
    const ticked = !!adapter.generateCheckbox && present(adapter.generateCheckbox, root).some(isChecked);
    // Some consoles reveal the new token in a dialog of its own, on top of the settings.
    const dialogs = Array.from(document.querySelectorAll(DIALOG_SELECTOR)).filter((d) => d !== root && isRendered(d));
    const token = [root, ...dialogs].map((r) => findToken(adapter, r)).find(Boolean);
    const fresh = token && token !== lastToken;
    if (fresh) {
      lastToken = token;
      const scimUrl = findScimUrl(adapter, root);
      void deps.send({ type: 'source/captured', adapterId: adapter.id, token, ...(scimUrl ? { scimUrl } : {}) }).then((reply) => {
        // The organisation's allow-list of source hosts: the background did not take the token, the card says why.
        if (isPolicyRefusal(reply)) ui.show({ tone: 'error', title: say.policyRefusedSource(location.hostname) });
      });
    }
    // After the capture: the background takes messages one at a time, and the token is what everyone waits for.
    const watched = [adapter.panel, adapter.generateCheckbox, adapter.token, adapter.scimUrl.control].filter((spec) => !!spec);
    report({ code: ticked ? 'source-generate-ticked' : 'source-open', ...census(watched, root) });
    if (fresh) {
      ui.show({ tone: 'success', title: say.captured(fingerprint(token), deps.targetPath) });
      hintShown = false;
      return;
    }
    if (ticked && !hintShown && !token) {
      hintShown = true;
      ui.show({ tone: 'info', title: say.generateHint() });
    }
  }

  scan();
  const stop = watchDom(scan);
  deps.signal.addEventListener('abort', stop, { once: true });
}
