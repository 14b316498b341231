// Hosts the in-page card in a closed shadow root in the top layer, and refuses to act when the page tampers
// with it (restyled, covered, made transparent): the known extension-clickjacking defences.
import { h, render } from 'preact';
import { InPagePanel, type PanelActionId, type PanelView } from '../../components/InPagePanel';
import panelCss from '../../assets/in-page-panel.css?inline';
import { MIN_ANCESTOR_OPACITY } from './usable';

export interface InPageUi {
  show(view: PanelView): void;
  hide(): void;
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
    if (Number(style.opacity) < MIN_ANCESTOR_OPACITY || style.visibility !== 'visible' || style.filter !== 'none') return false;
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
    if (ownChange) return;
    // Someone else restyled our host: stop trusting it and take it away.
    tampered = true;
    hide();
  });

  const handle = (id: PanelActionId, event: MouseEvent) => {
    if (id === 'dismiss') return hide();
    if (tampered || !event.isTrusted || !visiblyIntact(host) || foreignLayerOpen(host) || !topmostAt(host, event)) {
      tampered = true;
      return hide();
    }
    onAction(id);
  };

  function withOwnChange(fn: () => void) {
    ownChange = true;
    fn();
    watcher.takeRecords();
    ownChange = false;
  }

  function show(view: PanelView) {
    if (tampered) return;
    render(h(InPagePanel, { view, onAction: handle }), mount);
    withOwnChange(() => {
      if (!host.isConnected) document.documentElement.append(host);
      if (!host.matches(':popover-open')) host.showPopover();
    });
    watcher.observe(host, { attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  }

  function hide() {
    watcher.disconnect();
    render(null, mount);
    if (host.isConnected) {
      if (host.matches(':popover-open')) host.hidePopover();
      host.remove();
    }
  }

  return { show, hide, host, destroy: hide };
}
