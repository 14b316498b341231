// The small card SCIM Relay shows inside a page: what happened, at most one or two actions, and in guide mode the
// next step with a spotlight on its control. It never shows the token.
// Plain DOM, not Preact: the card is all the UI a content script has, and Preact would cost each one ~4.5 KB gzip
// of its 20 KB budget. Nodes are made once and changed in place, as a virtual DOM would, so a redraw (the spot
// following the control) keeps the focused button focused and the live regions announcing only what changed.
import { t } from '../i18n';

export type PanelTone = 'info' | 'progress' | 'success' | 'error' | 'warning';
export type PanelActionId = 'save' | 'fill' | 'dismiss' | 'replace' | 'keep';

export interface PanelView {
  tone: PanelTone;
  title: string;
  body?: string;
  actions?: { id: PanelActionId; label: string }[];
}

export interface GuideView {
  /** "Setup guide · step 3 of 14 · InVision" */
  title: string;
  /** The one-line instruction. */
  text: string;
  /** Said when the step's control is not on this page: the way back. */
  lost?: string;
  /** Where the control is, in viewport pixels. */
  spot?: { top: number; left: number; width: number; height: number };
}

export type PanelActionHandler = (id: PanelActionId, event: MouseEvent) => void;

const SPOT_MARGIN_PX = 4; // the ring sits just outside the control, not over its edge

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** Makes `parent`'s children exactly `wanted` without moving those already there (a moved node loses focus). */
function setChildren(parent: Node, wanted: (Node | false | undefined)[]) {
  const nodes = wanted.filter((node): node is Node => !!node);
  for (const child of Array.from(parent.childNodes)) if (!nodes.includes(child)) child.remove();
  nodes.forEach((node, i) => {
    if (parent.childNodes[i] !== node) parent.insertBefore(node, parent.childNodes[i] ?? null);
  });
}

/** Changes a text only when it differs: a live region re-announces any text node replaced. */
function setText(node: Node, text: string) {
  if (node.textContent !== text) node.textContent = text;
}

function button(attributes: Record<string, string>, label: string, onClick: (event: MouseEvent) => void): HTMLButtonElement {
  const node = el('button', { type: 'button', ...attributes });
  node.textContent = label;
  node.addEventListener('click', onClick);
  return node;
}

/** The card's nodes, drawn into `mount` by each call of the returned function; nothing to show empties it. */
export function createInPagePanel(mount: Node, onAction: PanelActionHandler): (view?: PanelView, guide?: GuideView) => void {
  const spot = el('div', { class: 'spot', 'aria-hidden': 'true' });
  const panel = el('section', { 'aria-label': t('extName') });
  const content = el('div', { class: 'content' });
  const actions = el('div', { class: 'actions' });
  const guideBox = el('div', { class: 'guide', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const [guideTitle, guideText, guideLost] = ['guide-title', 'guide-text', 'guide-lost'].map((name) => el('p', { class: name }));
  const viewBox = el('div', { 'aria-atomic': 'true' });
  const [viewTitle, viewBody] = ['title', 'body'].map((name) => el('p', { class: name }));
  const close = button({ class: 'close', 'aria-label': t('panelClose') }, '×', (event) => onAction('dismiss', event));
  panel.append(content, actions);
  let actionButtons: HTMLButtonElement[] = [];
  let drawnActions = '';

  return (view, guide) => {
    const place = guide?.spot;
    if (place) {
      Object.assign(spot.style, {
        top: `${place.top - SPOT_MARGIN_PX}px`,
        left: `${place.left - SPOT_MARGIN_PX}px`,
        width: `${place.width + 2 * SPOT_MARGIN_PX}px`,
        height: `${place.height + 2 * SPOT_MARGIN_PX}px`,
      });
    }
    setChildren(mount, [place && spot, (view || guide) && panel]);
    panel.className = `panel ${view?.tone ?? 'info'}`;
    if (guide) {
      setText(guideTitle!, guide.title);
      setText(guideText!, guide.text);
      setText(guideLost!, guide.lost ?? '');
      setChildren(guideBox, [guideTitle, guideText, !!guide.lost && guideLost]);
    }
    if (view) {
      const urgent = view.tone === 'error' || view.tone === 'warning';
      viewBox.setAttribute('role', urgent ? 'alert' : 'status');
      viewBox.setAttribute('aria-live', urgent ? 'assertive' : 'polite');
      setText(viewTitle!, view.title);
      setText(viewBody!, view.body ?? '');
      setChildren(viewBox, [viewTitle, !!view.body && viewBody]);
    }
    setChildren(content, [guide && guideBox, view && viewBox]);
    // Other buttons are other questions: made anew (in-page-ui restarts its wait for a counted click anyway).
    const wanted = JSON.stringify(view?.actions ?? []);
    if (wanted !== drawnActions) {
      drawnActions = wanted;
      actionButtons = (view?.actions ?? []).map(({ id, label }) => button({ class: id }, label, (event) => onAction(id, event)));
    }
    setChildren(actions, [...actionButtons, view && close]);
  };
}
