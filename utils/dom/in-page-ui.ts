// Hosts the in-page card in a closed shadow root in the top layer, and refuses to act when the page tampers
// with it (restyled, covered, made transparent, clipped, shrunk, moved): the known extension-clickjacking defences.
// A click counts only once the card has been whole and still for a moment: a card slid under the pointer, or drawn
// between the two clicks of a double-click, gets nothing.
import { createInPagePanel, type GuideView, type PanelActionId, type PanelView } from './in-page-panel';
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
  const [left, right, top, bottom] = [box.left + EDGE_INSET_PX, box.right - EDGE_INSET_PX, box.top + EDGE_INSET_PX, box.bottom - EDGE_INSET_PX];
  const [x, y] = [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
  return [[x, y], [x, top], [x, bottom], [left, y], [right, y]];
}

/** Is `part` (of our card) what the page shows at each point: our host topmost, and the part under it in our tree? */
function shownAt(host: HTMLElement, shadow: ShadowRoot, part: Element, points: [number, number][]): boolean {
  // A point outside the viewport hits nothing, so a card pushed partly off screen fails too.
  return points.every(([x, y]) => {
    const inner = shadow.elementFromPoint(x, y);
    return host.ownerDocument.elementsFromPoint(x, y)[0] === host && !!inner && part.contains(inner);
  });
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
    // Each of these is 'none' (zoom '1', will-change 'auto') unless something fades, clips, moves, scales or
    // contains the card, or gives its fixed panel a containing block that page styles could then move.
    const steering = [style.filter, style.transform, style.translate, style.scale, style.rotate, style.clipPath, style.contain, style.zoom, style.perspective, style.backdropFilter, style.willChange.replace('auto', 'none')];
    if (Number(style.opacity) < MIN_ANCESTOR_OPACITY || style.visibility !== 'visible' || hiddenByCompositing(style)) return true;
    if (steering.some((value) => value && value !== 'none' && value !== '1')) return true;
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
  /** Since when the card has been whole (and its content the same); a click counts CLICK_ARM_MS after that. */
  let steadySince = Infinity;
  let steadyCheck: ReturnType<typeof setInterval> | undefined;

  const panel = () => mount.querySelector('.panel') as HTMLElement | null;

  /** Whole: ours where we put it, no steering style, nothing in a layer above, every part hit-testable. */
  function whole(): boolean {
    const box = panel();
    if (!box || host.parentElement !== document.documentElement || steeredByStyles(host) || foreignLayerOpen(host)) return false;
    return shownAt(host, shadow, box, samplePoints(box.getBoundingClientRect()));
  }

  /**
   * Looks at the card: anything not whole starts the wait for a counted click again. The card cannot move without
   * a style that steering check sees (it is fixed in the top layer), so whole also means in its place.
   */
  function checkSteady() {
    if (!whole()) steadySince = Infinity;
    else if (steadySince === Infinity) steadySince = performance.now();
  }

  const draw = createInPagePanel(mount, (id: PanelActionId, event: MouseEvent) => {
    if (id === 'dismiss') return hide();
    const button = event.currentTarget as Element; // the card's own button: the panel binds each one
    // A pointer click must land on the button where it is drawn; a keyboard press (detail 0) has no position.
    const points = samplePoints(button.getBoundingClientRect());
    if (event.detail !== 0) points.push([event.clientX, event.clientY]);
    if (tampered || !event.isTrusted || !whole() || !shownAt(host, shadow, button, points)) return takeDown();
    checkSteady();
    // Too soon after the card appeared, changed or moved: the person may have aimed at what was there before.
    if (performance.now() - steadySince < CLICK_ARM_MS) return;
    onAction(id);
  });

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
    draw(view, guideView);
    withOwnChange(() => {
      if (!host.isConnected) document.documentElement.append(host);
      if (!host.matches(':popover-open')) host.showPopover();
    });
    watcher.observe(host, { attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    watcher.observe(document.documentElement, { childList: true });
    // While the card offers an action, it is looked at often enough to know it stayed whole.
    clearInterval(steadyCheck);
    if (view?.actions?.length) steadyCheck = setInterval(checkSteady, STEADY_CHECK_MS);
    checkSteady();
  }

  function remove() {
    watcher.disconnect();
    clearInterval(steadyCheck);
    steadySince = Infinity;
    draw();
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
