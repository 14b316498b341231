// Hosts the in-page card in a closed shadow root in the top layer, and refuses to act when the page tampers
// with it (restyled, covered, made transparent, clipped, shrunk, moved): the known extension-clickjacking defences.
// A click counts only once the card has been whole and still for a moment: a card slid under the pointer, or drawn
// between the two clicks of a double-click, gets nothing.
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
/** How long the card must have been whole, visible and unmoved before a click on it counts (as browsers delay their own permission prompts). */
export const CLICK_ARM_MS = 500;
/** How often the card is looked at while it offers an action: a few looks within CLICK_ARM_MS. */
export const STEADY_CHECK_MS = 100;
/** Hit-test points sit this far inside a box's edges: a box clipped, covered or shrunk at any edge fails one. */
const EDGE_INSET_PX = 2;
const WATCHED_ATTRIBUTES = ['style', 'class', 'hidden', 'popover', 'inert', 'dir'];

/**
 * The centre and the middle of each edge (just inside) of a box: several points, so a box covered, clipped or
 * shrunk from any side fails one. Not the corners: rounded corners leave them outside the box's shape.
 */
function samplePoints(box: DOMRect): [number, number][] {
  const left = box.left + Math.min(EDGE_INSET_PX, box.width / 2);
  const right = box.right - Math.min(EDGE_INSET_PX, box.width / 2);
  const top = box.top + Math.min(EDGE_INSET_PX, box.height / 2);
  const bottom = box.bottom - Math.min(EDGE_INSET_PX, box.height / 2);
  const [x, y] = [(left + right) / 2, (top + bottom) / 2];
  return [[x, y], [x, top], [x, bottom], [left, y], [right, y]];
}

/** Is `part` (of our card) what the page shows at each point: our host topmost, and the part under it in our tree? */
function shownAt(host: HTMLElement, shadow: ShadowRoot, part: Element, points: [number, number][]): boolean {
  const view = host.ownerDocument.defaultView!;
  return points.every(([x, y]) => {
    if (x < 0 || y < 0 || x > view.innerWidth || y > view.innerHeight) return false;
    const inner = shadow.elementFromPoint(x, y);
    return host.ownerDocument.elementsFromPoint(x, y)[0] === host && !!inner && part.contains(inner);
  });
}

/** A box drawn at its own layout size: a scale (transform, zoom) on the way changes the drawn size only. */
function unscaled(el: HTMLElement): boolean {
  const box = el.getBoundingClientRect();
  return Math.abs(box.width - el.offsetWidth) <= 1 && Math.abs(box.height - el.offsetHeight) <= 1;
}

/**
 * A page popover, modal dialog or fullscreen element opened later sits above the card in the top layer; with
 * pointer-events:none it lets a click through to the card while showing the user something else.
 */
function foreignLayerOpen(host: HTMLElement): boolean {
  const doc = host.ownerDocument;
  return !!doc.fullscreenElement || Array.from(doc.querySelectorAll(':popover-open, dialog:modal')).some((layer) => layer !== host);
}

/**
 * Does a style on the host or any ancestor fade, hide, clip, move or resize the card? Any of these from a page
 * stylesheet can put the card's button where the page wants a click (or hide it while keeping it clickable).
 */
function steeredByStyles(host: HTMLElement): boolean {
  for (let node: Element | null = host; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    const moved = [style.transform, style.translate, style.scale, style.rotate, style.clipPath, style.offsetPath].some((value) => value && value !== 'none');
    const zoomed = style.zoom !== '' && style.zoom !== '1' && style.zoom !== 'normal';
    const contained = style.contain !== 'none' && style.contain !== '';
    if (Number(style.opacity) < MIN_ANCESTOR_OPACITY || style.visibility !== 'visible' || style.filter !== 'none' || hiddenByCompositing(style)) return true;
    if (moved || zoomed || contained || style.contentVisibility === 'hidden') return true;
  }
  return false;
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

  const watcher = new MutationObserver((records) => {
    if (ownChange) return;
    // Someone else restyled our host, or took it out of the root (into an element of theirs): stop trusting it.
    if (records.some((record) => record.type === 'attributes') || host.parentElement !== document.documentElement) takeDown();
  });

  let view: PanelView | undefined;
  let guideView: GuideView | undefined;
  /** Since when the card has been whole and in the same place; a click counts CLICK_ARM_MS after that. */
  let steadySince = Infinity;
  let lastPlace = '';
  let steadyCheck: ReturnType<typeof setInterval> | undefined;

  const panel = () => mount.querySelector('.panel') as HTMLElement | null;

  /** Whole: ours where we put it, no steering style, nothing in a layer above, drawn at full size, every part hit-testable. */
  function whole(): boolean {
    const box = panel();
    if (!box || host.parentElement !== document.documentElement || steeredByStyles(host) || foreignLayerOpen(host) || !unscaled(box)) return false;
    return shownAt(host, shadow, box, samplePoints(box.getBoundingClientRect()));
  }

  /** Looks at the card: anything not whole, or a move or resize, starts the wait for a counted click again. */
  function checkSteady() {
    const box = panel()?.getBoundingClientRect();
    const place = box ? [box.left, box.top, box.width, box.height].map(Math.round).join(',') : '';
    if (!whole() || place !== lastPlace) steadySince = Infinity;
    else if (steadySince === Infinity) steadySince = performance.now();
    lastPlace = place;
  }

  const handle = (id: PanelActionId, event: MouseEvent) => {
    if (id === 'dismiss') return hide();
    const button = event.currentTarget instanceof Element ? event.currentTarget : undefined;
    // A pointer click must land on the button where it is drawn; a keyboard press (detail 0) has no position.
    const points = button ? samplePoints(button.getBoundingClientRect()) : [];
    if (event.detail !== 0) points.push([event.clientX, event.clientY]);
    if (tampered || !event.isTrusted || !button || !whole() || !shownAt(host, shadow, button, points)) return takeDown();
    checkSteady();
    // Too soon after the card appeared, changed or moved: the person may have aimed at what was there before.
    if (performance.now() - steadySince < CLICK_ARM_MS) return;
    onAction(id);
  };

  /** While the card offers an action, it is looked at often enough to know it stayed whole and still. */
  function watchSteadiness(on: boolean) {
    if (on && !steadyCheck) steadyCheck = setInterval(checkSteady, STEADY_CHECK_MS);
    if (!on && steadyCheck) {
      clearInterval(steadyCheck);
      steadyCheck = undefined;
    }
  }

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
    watcher.observe(document.documentElement, { childList: true });
    watchSteadiness(!!view?.actions?.length);
    checkSteady();
  }

  function remove() {
    watcher.disconnect();
    watchSteadiness(false);
    steadySince = Infinity;
    lastPlace = '';
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
      // New words or buttons are a new question: the wait for a counted click starts again.
      if (JSON.stringify(next) !== JSON.stringify(view)) steadySince = Infinity;
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
