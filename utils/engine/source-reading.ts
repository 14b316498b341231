// What a source page shows a person (collect, qualify): the token in the settings panel, never a mask or a
// placeholder, and the Base URL beside the adapter's caption on the page's own origin.
import type { SourceAdapter } from '../adapters/types';
import { isTextField } from '../dom/act';
import { candidates } from '../dom/locate';
import { isRendered, whyUnusable } from '../dom/usable';
import { bareToken, checkToken } from '../token';

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

/** Is the element something a person sees now? A read-only or disabled display field still shows its value. */
export function seen(el: Element, ownUi: Element | undefined): boolean {
  const why = whyUnusable(el, { ownUi });
  return !why || why === 'disabled' || why === 'read-only';
}

/** Every well-formed token shown in `root` (rendered, whether or not a person can see it now), in page order. */
export function* tokensIn(adapter: SourceAdapter, root: ParentNode): Generator<{ token: string; el: Element }> {
  for (const el of candidates(root, adapter.token)) {
    if (!isRendered(el)) continue;
    for (const value of readings(el)) {
      if (value.includes('://')) continue; // the SCIM URL sits in the same kind of element
      const checked = checkToken(bareToken(value));
      if (checked.ok) yield { token: checked.token, el };
    }
  }
}

/** The first token a person can see in `root`, with the element that shows it. */
export function findToken(adapter: SourceAdapter, root: ParentNode, ownUi: Element): { token: string; el: Element } | undefined {
  for (const found of tokensIn(adapter, root)) if (seen(found.el, ownUi)) return found;
  return undefined;
}

/** URL.canParse arrived in Chrome 120; the manifest allows 116. */
function parsed(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** What the page shows beside the adapter's Base URL caption: a URL on its own origin, or the other host it names. */
export type ShownBaseUrl = { url: string } | { otherHost: string };

/**
 * The Base URL beside the adapter's caption, never from any other text of the page, and only on the page's own
 * origin. Several different URLs there (a hidden duplicate, a value swapped under an overlay) mean none.
 */
export function findScimUrl(adapter: SourceAdapter, root: ParentNode, origin: string): ShownBaseUrl | undefined {
  const shown = candidates(root, adapter.scimUrl.control)
    .filter(isRendered)
    .flatMap(readings)
    .map((s) => s.trim())
    .filter((s) => /^https?:\/\//i.test(s));
  const other = shown.find((s) => !adapter.scimUrl.pattern.test(s) || parsed(s)?.origin !== origin);
  if (other) return { otherHost: parsed(other)?.host ?? other.slice(0, 80) };
  return shown.length && shown.every((s) => s === shown[0]) ? { url: shown[0]! } : undefined;
}
