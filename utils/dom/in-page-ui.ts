// Hosts the in-page card in a closed shadow root in the top layer, and refuses to act when the page tampers
// with it (restyled, covered, made transparent): the known extension-clickjacking defences.
import { h, render } from 'preact';
import { InPagePanel, type GuideView, type PanelActionId, type PanelView } from '../../components/InPagePanel';
import panelCss from '../../assets/in-page-panel.css?inline';
import { hiddenByCompositing, MIN_ANCESTOR_OPACITY } from './usable';

export interface InPageUi {
  show(view: PanelView): void;
  /** Takes the message away; the guide, if on, stays. */
  hide(): void;
  /** Shows the guide's step (and spotlight), or removes it. */
  guide(view: GuideView | undefined): void;
  /** Our own host element: excluded from "is the field covered?" checks. */
  readonly host: HTMLElement;
  destroy(): void;
}

const HOST_TAG = 'scim-relay-ui';
const WATCHED_ATTRIBUTES = ['style', 'class', 'hidden', 'popover', 'inert', 'dir'];

function topmostAt(host: HTMLElement, event: MouseEvent): boolean {
  let { clientX: x, clientY: y } = event;
  // A trusted keyboard press (Enter/Space: detail 0) has no pointer position: check the pressed control's centre.
  if (event.detail === 0 && event.currentTarget instanceof Element) {
    const box = event.currentTarget.getBoundingClientRect();
    x = box.left + box.width / 2;
    y = box.top + box.height / 2;
  }
  return host.ownerDocument.elementsFromPoint(x, y)[0] === host;
}

/**
 * A page popover, modal dialog or fullscreen element opened later sits above the card in the top layer; with
 * pointer-events:none it lets a click through to the card while showing the user something else.
 */
function foreignLayerOpen(host: HTMLElement): boolean {
  const doc = host.ownerDocument;
  return !!doc.fullscreenElement || Array.from(doc.querySelectorAll(':popover-open, dialog:modal')).some((layer) => layer !== host);
}

function visiblyIntact(host: HTMLElement): boolean {
  for (let node: Element | null = host; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (Number(style.opacity) < MIN_ANCESTOR_OPACITY || style.visibility !== 'visible' || style.filter !== 'none' || hiddenByCompositing(style)) {
      return false;
    }
  }
  return true;
}

export function createInPageUi(onAction: (id: PanelActionId) => void): InPageUi {
  const host = document.createElement(HOST_TAG);
  host.setAttribute('popover', 'manual');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = panelCss;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  let tampered = false;
  let ownChange = false;

  const watcher = new MutationObserver(() => {
    // Someone else restyled our host: stop trusting it and take it away.
    if (!ownChange) takeDown();
  });

  let view: PanelView | undefined;
  let guideView: GuideView | undefined;

  const handle = (id: PanelActionId, event: MouseEvent) => {
    if (id === 'dismiss') return hide();
    if (tampered || !event.isTrusted || !visiblyIntact(host) || foreignLayerOpen(host) || !topmostAt(host, event)) return takeDown();
    onAction(id);
  };

  function withOwnChange(fn: () => void) {
    ownChange = true;
    fn();
    watcher.takeRecords();
    ownChange = false;
  }

  /** Draws what there is to show; with nothing left, the host leaves the page. */
  function update() {
    if (tampered) return;
    if (!view && !guideView) return remove();
    render(h(InPagePanel, { view, guide: guideView, onAction: handle }), mount);
    withOwnChange(() => {
      if (!host.isConnected) document.documentElement.append(host);
      if (!host.matches(':popover-open')) host.showPopover();
    });
    watcher.observe(host, { attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  }

  function remove() {
    watcher.disconnect();
    render(null, mount);
    if (host.isConnected) {
      if (host.matches(':popover-open')) host.hidePopover();
      host.remove();
    }
  }

  /** Someone tampered with the card, or a click on it was not a person's: stop trusting it for good. */
  function takeDown() {
    tampered = true;
    remove();
  }

  function hide() {
    view = undefined;
    update();
  }

  return {
    show: (next) => {
      view = next;
      update();
    },
    hide,
    guide: (next) => {
      guideView = next;
      update();
    },
    host,
    destroy: remove,
  };
}
