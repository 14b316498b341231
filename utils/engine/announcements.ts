// Reading what the IdP announces (verify): alerts, live regions and short texts that read as a verdict, each taken
// once, as a person reads it. Used by the filling frame and, for portals that announce in the top page, by its top.
import type { TargetAdapter } from '../adapters/types';
import { normaliseText } from '../dom/locate';
import { isRendered } from '../dom/usable';

export const NOTICE_MAX_LENGTH = 600; // a verdict is a sentence or two; longer text is a whole region, not a notice
/** Interim texts some consoles show while the test runs: not the verdict. */
const IN_PROGRESS = /^(testing|verifying|checking|loading|please wait)\b/i;

type Outcome = TargetAdapter['outcome'];

/** Does the text read as a verdict of the IdP? A progress notice is one only once it carries the verdict too. */
export function isVerdict(outcome: Outcome, text: string): boolean {
  return outcome.success.test(text) || outcome.failure.test(text) || !!outcome.saved?.test(text);
}

/** "Testing connection to …" alone: wait for what follows. */
function isPendingOnly(outcome: Outcome, text: string): boolean {
  return (IN_PROGRESS.test(text) || !!outcome.pending?.test(text)) && !isVerdict(outcome, text);
}

/**
 * An announcement's words as a person reads them: a title and a body drawn as separate blocks (Entra's
 * "Testing connection to InVision" over "The supplied credentials …") stay apart, joined with a dash unless the
 * first already ends a sentence. Text clipped to a pixel is for screen readers only (Odyssey's Callout says
 * "error" that way) and is left out.
 */
export function announcementText(el: Element): string {
  const blocks = new Map<Element, string>();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let block = node.parentElement!;
    const box = block.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;
    while (block !== el && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement!;
    blocks.set(block, (blocks.get(block) ?? '') + node.textContent);
  }
  return [...blocks.values()]
    .map(normaliseText)
    .filter(Boolean)
    .reduce((text, block) => (!text ? block : /[.!?:;…]$/.test(text) ? `${text} ${block}` : `${text} — ${block}`), '');
}

/** A verdict fits a message (Entra adds error code, details and request id): longer text ends in an ellipsis. */
function clipped(text: string): string {
  return text.length <= NOTICE_MAX_LENGTH ? text : `${text.slice(0, NOTICE_MAX_LENGTH - 1)}…`;
}

/** The page's announcements: alerts and live regions (a selector query, cheap on any page). */
function liveRegionTexts(ownUi: Element | undefined): Map<Element, string> {
  const found = new Map<Element, string>();
  for (const el of document.querySelectorAll('[role=alert], [role=status], [aria-live], output')) {
    if (el !== ownUi && isRendered(el)) found.set(el, clipped(announcementText(el)));
  }
  return found;
}

/** Does the element hold words of its own (not only whitespace between child elements)? */
const hasOwnWords = (el: Element) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && !!n.textContent?.trim());

/**
 * Short texts that read as a verdict, among what changed: the elements inside each changed node, and the changed
 * node's ancestors, whose words changed with it. Some layouts show the verdict without a role; reading only what
 * changed, not every text node of the page, keeps this cheap on a big console (CPU profile: alertTexts).
 */
function verdictTextsIn(outcome: Outcome, changed: Iterable<Node>, found: Map<Element, string>): void {
  const owners = new Set<Element>();
  const climbed = new Set<Element>(); // a re-render touches many siblings: their shared ancestors are read once
  for (const node of changed) {
    if (!node.isConnected) continue;
    for (let el = node.parentElement; el && !climbed.has(el); el = el.parentElement) {
      climbed.add(el);
      if (hasOwnWords(el)) owners.add(el);
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.currentNode.nodeType === Node.TEXT_NODE ? walker.currentNode : walker.nextNode(); text; text = walker.nextNode()) {
      // Whitespace between elements belongs to no caption: reading its parent would merge a whole row.
      if (text.parentElement && text.textContent?.trim()) owners.add(text.parentElement);
    }
  }
  for (const el of owners) {
    if (found.has(el)) continue;
    const text = normaliseText(el.textContent);
    if (text.length < NOTICE_MAX_LENGTH && isVerdict(outcome, text) && isRendered(el)) found.set(el, clipped(announcementText(el)));
  }
}

/**
 * Watches for announcements that appear or change after it starts: alerts and live regions and, unless
 * `liveRegionsOnly`, any short text that reads as a verdict. `take()` returns each one that is new since the last
 * call (progress notices excepted), once; `changed()` says whether anything moved since then.
 */
export function watchAnnouncements(outcome: Outcome, opts: { ownUi?: Element; liveRegionsOnly?: boolean } = {}) {
  let last = liveRegionTexts(opts.ownUi);
  const touched = new Set<Node>();
  const taken = new WeakMap<Element, string>();
  const watcher = new MutationObserver((records) => {
    for (const record of records) {
      touched.add(record.target);
      record.addedNodes.forEach((n) => touched.add(n));
    }
  });
  // Attributes too: a verdict already in the page may be revealed by a class or `hidden` change.
  watcher.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['class', 'style', 'hidden'] });
  const isNew = (el: Element, text: string) =>
    last.get(el) !== text || Array.from(touched).some((n) => n === el || el.contains(n) || n.contains(el));
  return {
    changed: () => touched.size > 0,
    take(): { el: Element; text: string }[] {
      const now = liveRegionTexts(opts.ownUi);
      if (!opts.liveRegionsOnly) verdictTextsIn(outcome, touched, now);
      const fresh: { el: Element; text: string }[] = [];
      for (const [el, text] of now) {
        if (!text || isPendingOnly(outcome, text) || !isNew(el, text) || taken.get(el) === text) continue;
        taken.set(el, text);
        fresh.push({ el, text });
      }
      last = now;
      touched.clear();
      return fresh;
    },
    stop: () => watcher.disconnect(),
  };
}
