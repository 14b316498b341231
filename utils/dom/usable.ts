// "Could a person see and use this control right now?" Checked before every fill and click, so hidden decoys,
// covered fields and clickjacking overlays never receive the token or a click.
import { memoEpoch } from './task-memo';

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
  | 'foreign-top-layer'
  | 'unreadable-text';

export const MIN_CONTROL_SIZE_PX = 8; // smaller than any real field or button; 1-px inputs are a known trick
export const MIN_ANCESTOR_OPACITY = 0.7; // KeePassXC's threshold against opacity clickjacking
/** A layer at least this opaque hides what is under it; fainter tints and borders do not. */
export const MIN_HIDING_ALPHA = 0.5;
/** Text fainter than this is not read: a field whose text is (nearly) transparent hides what goes in. */
export const MIN_TEXT_ALPHA = 0.4;
/**
 * Text whose red, green and blue each differ from the background's by less than this (of 255) cannot be told
 * from it: white on white differs by 0, #ddd on white by 34; the faintest placeholder greys in use (#999 on
 * white) by 102, and dark themes by far more.
 */
export const MIN_TEXT_COLOUR_STEP = 40;
/** Field types a token or a Base URL is typed into: anything else (hidden, checkbox, file…) is not a text field. */
export const TEXT_FIELD_TYPES = ['text', 'password', 'url'];

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

/** The red, green, blue (and alpha) of a computed rgb()/rgba() colour; undefined for any other notation. */
function channels(colour: string | undefined): number[] | undefined {
  return colour?.startsWith('rgb') ? (colour.match(/[\d.]+/g) ?? []).map(Number) : undefined;
}

/** The colour painted behind an element's text: its own or the nearest ancestor's solid background; undefined under an image. */
function backgroundBehind(el: Element): string | undefined {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.backgroundImage !== 'none') return undefined;
    if (colourAlpha(style.backgroundColor) >= MIN_HIDING_ALPHA) return style.backgroundColor;
  }
  return 'rgb(255, 255, 255)'; // the canvas behind a page that paints no background
}

/** Text drawn in (nearly) its background's colour, or transparent: what is typed there cannot be seen. */
function textUnseen(el: Element): boolean {
  const style = getComputedStyle(el);
  // -webkit-text-fill-color, when set, paints the text instead of color.
  const text = style.webkitTextFillColor || style.color;
  if (colourAlpha(text) < MIN_TEXT_ALPHA) return true;
  const [fore, back] = [channels(text), channels(backgroundBehind(el))];
  // Under an image or gradient, or in a notation we do not read, the difference cannot be told from styles.
  return !!fore && !!back && [0, 1, 2].every((i) => Math.abs(fore[i]! - back[i]!) < MIN_TEXT_COLOUR_STEP);
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
 * Each element's computed style, kept between walks while a hand-off or a capture is expected (wait.ts switches it
 * with the caption index). A declaration from getComputedStyle is live: it always answers with the element's style
 * as it is now, so keeping it changes no answer; asking for a new one per element took a third of each walk of the
 * bench's busy console (16,469 elements: 6 ms, against 9-17 ms).
 */
let liveStyles: WeakMap<Element, CSSStyleDeclaration> | undefined;

/** Whether walks keep each element's live style from now on; off lets every kept one go. */
export function keepLiveStyles(on: boolean): void {
  if (on !== !!liveStyles) liveStyles = on ? new WeakMap() : undefined;
}

function liveStyle(el: Element): CSSStyleDeclaration {
  let style = liveStyles?.get(el);
  if (!style) {
    style = getComputedStyle(el);
    liveStyles?.set(el, style);
  }
  return style;
}

/**
 * The page's elements that a click passes through (`pointer-events:none`) yet a person may see. Walking the page
 * costs a style read per element, so the checks of one task share one walk while nothing can have changed the page
 * (task-memo.ts). Style first, geometry after: a style read costs half a bounding box, and nearly every element of
 * a page takes clicks (CPU profile of a hand-off on the bench's busy console).
 */
let clickThroughMemo: { doc: Document; epoch: number; layers: Element[] } | undefined;

function clickThroughLayers(doc: Document): Element[] {
  const epoch = memoEpoch(doc);
  if (clickThroughMemo?.doc === doc && clickThroughMemo.epoch === epoch) return clickThroughMemo.layers;
  // The live collection, read through once: no array of every element is built (a walk of the bench's busy console,
  // 16,471 elements: 8.8 ms, against 10.7 ms with querySelectorAll).
  const all = doc.getElementsByTagName('*');
  const layers: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const style = liveStyle(all[i]!);
    if (style.pointerEvents === 'none' && style.visibility === 'visible') layers.push(all[i]!);
  }
  clickThroughMemo = { doc, epoch, layers };
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
  if (opts.typing && textUnseen(el)) return 'unreadable-text';
  if (foreignTopLayer(el, opts.ownUi)) return 'foreign-top-layer';
  if (coveredAtCentre(el, opts.ownUi)) return 'covered';
  return undefined;
}

/** Is this a field a person types text into: a textarea, or an input of a text type? */
export function isTextEntry(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement) return true;
  return el instanceof HTMLInputElement && TEXT_FIELD_TYPES.includes(el.type);
}

export type FieldChange = Unusable | 'replaced' | 'not-text';

/** The form a field belongs to (null outside any form): what a re-rendered field must still belong to. */
export function formOf(el: Element): Element | null {
  return (el as HTMLInputElement).form ?? el.closest('form');
}

/**
 * While and after typing: is `now` (what the page shows as the field now) still the field that was chosen, in the
 * same form, a visible text entry on screen? A page that moves the field away, hides it or turns it into another
 * kind of input on focus gets a reason back: the caller types nothing, or takes the value out again.
 */
export function whyFieldChanged(
  typed: { el: Element; form: Element | null },
  now: Element | undefined,
  opts: { ownUi?: Element } = {},
): FieldChange | undefined {
  if (!now) return 'detached';
  // A framework may re-render the field as a new element; it must still belong to the same form.
  if (now !== typed.el && (typed.el.isConnected || formOf(now) !== typed.form)) return 'replaced';
  if (!isTextEntry(now)) return 'not-text';
  const why = whyUnusable(now, { typing: true, ...opts });
  return why === 'page-hidden' ? undefined : why; // the person switched tabs: nothing about the field changed
}
