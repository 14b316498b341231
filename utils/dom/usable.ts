// "Could a person see and use this control right now?" Checked before every fill and click, so hidden decoys,
// covered fields and clickjacking overlays never receive the token or a click.

export type Unusable =
  | 'detached'
  | 'page-hidden'
  | 'not-rendered'
  | 'too-small'
  | 'off-screen'
  | 'transparent'
  | 'covered'
  | 'disabled'
  | 'read-only'
  | 'inert'
  | 'foreign-top-layer';

export const MIN_CONTROL_SIZE_PX = 8; // smaller than any real field or button; 1-px inputs are a known trick
export const MIN_ANCESTOR_OPACITY = 0.7; // KeePassXC's threshold against opacity clickjacking
/** A layer at least this opaque hides what is under it; fainter tints and borders do not. */
export const MIN_HIDING_ALPHA = 0.5;

/** Is the element rendered at all? Cheap; used to pick among candidates before the full check. */
export function isRendered(el: Element): boolean {
  if (!el.isConnected) return false;
  if ('checkVisibility' in el && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  return el.getClientRects().length > 0;
}

/** `filter: opacity(x)` fades like `opacity` but leaves that property at 1. */
function filterOpacity(filter: string): number {
  let factor = 1;
  for (const match of filter.matchAll(/opacity\(([\d.]+)(%?)\)/g)) factor *= Number(match[1]) / (match[2] ? 100 : 1);
  return factor;
}

/**
 * A mask or a blend mode can hide an element without touching its opacity, and how much shows through cannot be
 * read from styles (a white field blended with `screen` over white vanishes): either counts as unseen.
 */
export function hiddenByCompositing(style: CSSStyleDeclaration): boolean {
  return (style.maskImage || style.webkitMaskImage || 'none') !== 'none' || (style.mixBlendMode || 'normal') !== 'normal';
}

/** How much of the element shows through its own and every ancestor's opacity (property and filter). */
export function effectiveOpacity(el: Element): number {
  let opacity = 1;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (hiddenByCompositing(style)) return 0;
    opacity *= Number(style.opacity) * filterOpacity(style.filter);
  }
  return opacity;
}

/** The alpha of a computed colour: rgba(…, a), color(srgb … / a), or 1 for an opaque rgb(…). */
function colourAlpha(colour: string): number {
  if (colour === 'transparent') return 0;
  const alpha = /[,/]\s*([\d.]+)(%?)\s*\)$/.exec(colour);
  if (!alpha || colour.startsWith('rgb(')) return 1;
  return Number(alpha[1]) / (alpha[2] ? 100 : 1);
}

/** Would this element hide what lies under it: an image, a frame, media, or a background a person cannot see through? */
function paintsOpaquely(el: Element, style: CSSStyleDeclaration): boolean {
  const replaced = ['IMG', 'IFRAME', 'VIDEO', 'CANVAS', 'OBJECT', 'EMBED', 'svg'].includes(el.nodeName);
  const painted = replaced || style.backgroundImage !== 'none' || colourAlpha(style.backgroundColor) >= MIN_HIDING_ALPHA;
  return painted && effectiveOpacity(el) >= MIN_HIDING_ALPHA;
}

/** The z-index of the outermost stacking context around an element: what orders it against the rest of the page. */
function outerStackLevel(el: Element): number {
  let level = 0;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.position !== 'static' && style.zIndex !== 'auto') level = Number(style.zIndex);
  }
  return level;
}

function paintsAbove(layer: Element, layerStyle: CSSStyleDeclaration, el: Element): boolean {
  const layerLevel = outerStackLevel(layer);
  const elLevel = outerStackLevel(el);
  if (layerLevel !== elLevel) return layerLevel > elLevel;
  if (layerStyle.position === 'static') return false;
  // Positioned content paints over in-flow content, and over earlier positioned content.
  return getComputedStyle(el).position === 'static' || !!(el.compareDocumentPosition(layer) & Node.DOCUMENT_POSITION_FOLLOWING);
}

/**
 * The page's elements that a click passes through (`pointer-events:none`) yet a person may see. Walking the page
 * costs a style read per element, so one probe's checks share one walk: the list is dropped after the current task
 * and at the page's next change. Style first, geometry after: a style read costs half a bounding box, and nearly
 * every element of a page takes clicks (CPU profile of a hand-off on the bench's busy console).
 */
let clickThroughMemo: { doc: Document; layers: Element[] } | undefined;
const clickThroughWatch = typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(() => {});

function forgetClickThrough(): void {
  clickThroughMemo = undefined;
  clickThroughWatch?.disconnect();
}

function clickThroughLayers(doc: Document): Element[] {
  if (clickThroughMemo && (clickThroughMemo.doc !== doc || clickThroughWatch?.takeRecords().length)) forgetClickThrough();
  if (clickThroughMemo) return clickThroughMemo.layers;
  const layers = Array.from(doc.querySelectorAll('*')).filter((layer) => {
    const style = getComputedStyle(layer);
    return style.pointerEvents === 'none' && style.visibility === 'visible';
  });
  clickThroughMemo = { doc, layers };
  clickThroughWatch?.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
  queueMicrotask(forgetClickThrough);
  return layers;
}

/**
 * `elementsFromPoint` skips elements with `pointer-events:none`, so an opaque veil drawn over a control with that
 * style lets clicks through to a control nobody can see. Look for such a veil at the control's centre.
 */
function veiledAt(el: Element, x: number, y: number, ownUi: Element | undefined): boolean {
  for (const layer of clickThroughLayers(el.ownerDocument)) {
    if (layer === ownUi || layer.contains(el) || el.contains(layer)) continue;
    const rect = layer.getBoundingClientRect();
    if (x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) continue;
    const style = getComputedStyle(layer);
    if (paintsOpaquely(layer, style) && paintsAbove(layer, style, el)) return true;
  }
  return false;
}

function foreignTopLayer(el: Element, ownUi: Element | undefined): boolean {
  const open = Array.from(el.ownerDocument.querySelectorAll(':popover-open, dialog:modal'));
  return open.some((layer) => layer !== ownUi && !layer.contains(el));
}

function coveredAtCentre(el: Element, ownUi: Element | undefined): boolean {
  const rect = el.getBoundingClientRect();
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const stack = el.ownerDocument.elementsFromPoint(x, y).filter((hit) => hit !== ownUi);
  const top = stack[0];
  if (!top) return true;
  const labels = Array.from((el as HTMLInputElement).labels ?? []);
  // A field's own label or a child (icon in a button) on top is the same control to a person.
  const sameControl = top === el || el.contains(top) || labels.some((label) => label === top || label.contains(top));
  return !sameControl || veiledAt(el, x, y, ownUi);
}

/** Returns why the element cannot be used, or undefined when a person could use it. Scrolls it into view first. */
export function whyUnusable(el: Element, opts: { typing?: boolean; ownUi?: Element } = {}): Unusable | undefined {
  if (!el.isConnected) return 'detached';
  const doc = el.ownerDocument;
  if (doc.visibilityState !== 'visible') return 'page-hidden';
  if (!isRendered(el)) return 'not-rendered';
  if (el.closest('[inert]')) return 'inert';
  if ((el as HTMLInputElement).disabled || el.getAttribute('aria-disabled') === 'true') return 'disabled';
  if (opts.typing && ((el as HTMLInputElement).readOnly || el.getAttribute('aria-readonly') === 'true')) return 'read-only';
  let rect = el.getBoundingClientRect();
  if (rect.width < MIN_CONTROL_SIZE_PX || rect.height < MIN_CONTROL_SIZE_PX) return 'too-small';
  const view = doc.defaultView!;
  const inView = () => rect.bottom > 0 && rect.right > 0 && rect.top < view.innerHeight && rect.left < view.innerWidth;
  if (!inView()) {
    el.scrollIntoView({ block: 'center', inline: 'center' });
    rect = el.getBoundingClientRect();
    if (!inView()) return 'off-screen';
  }
  if (effectiveOpacity(el) < MIN_ANCESTOR_OPACITY) return 'transparent';
  if (foreignTopLayer(el, opts.ownUi)) return 'foreign-top-layer';
  if (coveredAtCentre(el, opts.ownUi)) return 'covered';
  return undefined;
}
