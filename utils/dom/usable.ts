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

export const UNUSABLE_WORDS: Record<Unusable, string> = {
  detached: 'it left the page',
  'page-hidden': 'the tab is not visible',
  'not-rendered': 'it is hidden',
  'too-small': 'it is too small to see',
  'off-screen': 'it is outside the visible page',
  transparent: 'it is transparent or nearly so',
  covered: 'something else covers it',
  disabled: 'it is disabled',
  'read-only': 'it is read-only',
  inert: 'it is inert',
  'foreign-top-layer': 'another layer (popover or dialog) is open over the page',
};

/** Is the element rendered at all? Cheap; used to pick among candidates before the full check. */
export function isRendered(el: Element): boolean {
  if (!el.isConnected) return false;
  if ('checkVisibility' in el && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  return el.getClientRects().length > 0;
}

function lowOpacityAncestor(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (Number(getComputedStyle(node).opacity) < MIN_ANCESTOR_OPACITY) return true;
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
  // A field's own label or a child (icon in a button) on top is the same control to a person.
  if (top === el || el.contains(top)) return false;
  const labels = (el as HTMLInputElement).labels;
  return !(labels && Array.from(labels).some((label) => label === top || label.contains(top)));
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
  if (lowOpacityAncestor(el)) return 'transparent';
  if (foreignTopLayer(el, opts.ownUi)) return 'foreign-top-layer';
  if (coveredAtCentre(el, opts.ownUi)) return 'covered';
  return undefined;
}
