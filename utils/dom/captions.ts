// Captions (the short texts a person reads as a field's label) and accessible names, the words controls are found
// by. Walking every text node of a big console and naming each of its thousands of buttons for each probe were the
// largest costs of a hand-off there (npx tsx tests/bench/profile.ts). While the person waits for the extension
// (wait.ts turns indexing on and off by the probe budget rule), each document keeps an index of both that its
// mutation records update: only what was added or changed is read again. Any other time a probe reads the page
// once for its task, as before.
import { docOf, probeMemo, type Caption } from './probe-memo';
import { LABEL_SUFFIX_MAX_LENGTH, labelText } from './text';

const NOT_TEXT = 'script, style, template, noscript';
const NOT_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript']);
export const CAPTION_MAX_LENGTH = 80; // a caption is a few words; longer text is a sentence about the field, not its label
/** Records kept for the next probe; past this, reading the page afresh costs less than replaying them. */
const PENDING_RECORDS_MAX = 20_000;
/** Distinct label patterns an index answers; a page's adapters ask a few dozen, and more start afresh. */
const PATTERNS_MAX = 64;

/**
 * Whether the element's text is too long to be a caption, reading only as far as that is certain: a big region's
 * text is not assembled for nothing. labelText keeps every other character and drops at most one suffix.
 */
function tooLongForCaption(el: Element): boolean {
  let kept = 0;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    kept += node.textContent!.replace(/[\s:*]+/g, '').length;
    if (kept > CAPTION_MAX_LENGTH + LABEL_SUFFIX_MAX_LENGTH) return true;
  }
  return false;
}

/** The caption an element with its own text shows, or undefined when its text is too long to be one. */
function captionOf(el: Element): string | undefined {
  if (el.firstChild !== el.lastChild && tooLongForCaption(el)) return undefined;
  const text = labelText(el.textContent);
  return text.length <= CAPTION_MAX_LENGTH ? text : undefined;
}

/** Every element of `root` with text of its own short enough to be a caption, in document order: one walk. */
function walkCaptions(root: Node): Caption[] {
  const found: Caption[] = [];
  if (root instanceof Element && root.closest(NOT_TEXT)) return found;
  // Text inside script and the like is its parent's own, unless such an element holds elements (built by script):
  // then each text node's ancestors are asked, as a person's eyes would skip the whole block.
  const nested = Array.from((root as ParentNode).querySelectorAll(NOT_TEXT)).some((el) => el.firstElementChild);
  const seen = new Set<Element>();
  const walker = docOf(root).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || seen.has(parent)) continue;
    seen.add(parent);
    if (nested ? parent.closest(NOT_TEXT) : NOT_TEXT_TAGS.has(parent.localName)) continue;
    const text = captionOf(parent);
    if (text !== undefined) found.push({ el: parent, text });
  }
  return found;
}

interface CaptionIndex {
  observer: MutationObserver;
  /** Names that depend only on the element, its subtree and the aria-hidden around it (locate.ts says which). */
  names: Map<Element, string>;
  /** Caption elements and their text; elements the page removed stay until the next sweep. */
  texts: Map<Element, string>;
  /** For each label pattern asked, the caption elements whose text it matches. */
  matching: Map<RegExp, Set<Element>>;
  /** For each role selector asked (locate.ts), the elements it matches; elements the page removed stay until the next sweep. */
  roles: Map<string, Set<Element>>;
  pending: MutationRecord[];
  /** The records were too many, or the index is new: the page is read afresh at the next probe. */
  stale: boolean;
  sweepAt: number;
}

/** The attributes a kept name is read from; the page's class and style churn is not even recorded. */
const NAME_ATTRIBUTES = ['aria-label', 'aria-labelledby', 'aria-hidden', 'title', 'placeholder', 'id'];
/** The attributes the role selectors of locate.ts read, besides the tag. */
const ROLE_ATTRIBUTES = new Set(['role', 'type', 'href', 'aria-live', 'aria-modal']);
const CHANGES: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: [...NAME_ATTRIBUTES, ...ROLE_ATTRIBUTES] };
const SWEEP_MIN = 1_000;
const indexes = new Map<Document, CaptionIndex>();
let indexing = false;

/** Whether captions are indexed from now on (wait.ts: while probes follow the person). Off drops every index. */
export function indexCaptions(on: boolean): void {
  indexing = on;
  if (on) return;
  for (const index of indexes.values()) index.observer.disconnect();
  indexes.clear();
}

function newIndex(doc: Document): CaptionIndex {
  const index: CaptionIndex = { observer: undefined!, names: new Map(), texts: new Map(), matching: new Map(), roles: new Map(), pending: [], stale: true, sweepAt: SWEEP_MIN };
  index.observer = new MutationObserver((records) => {
    index.pending.push(...records);
    if (index.pending.length <= PENDING_RECORDS_MAX) return;
    index.stale = true;
    index.pending = [];
    index.observer.disconnect(); // nothing more to record until the page is read afresh
  });
  indexes.set(doc, index);
  return index;
}

function setCaption(index: CaptionIndex, el: Element, text: string | undefined): void {
  if (text === index.texts.get(el)) return;
  if (text === undefined) index.texts.delete(el);
  else index.texts.set(el, text);
  for (const [pattern, els] of index.matching) {
    if (text !== undefined && pattern.test(text)) els.add(el);
    else els.delete(el);
  }
}

function hasOwnText(el: Element): boolean {
  for (let node = el.firstChild; node; node = node.nextSibling) if (node.nodeType === Node.TEXT_NODE) return true;
  return false;
}

/** Reads an element again after a change: its own text may have come, gone or changed, or it left the page. */
function reexamine(index: CaptionIndex, el: Element): void {
  const shown = el.isConnected && hasOwnText(el) && !el.closest(NOT_TEXT);
  setCaption(index, el, shown ? captionOf(el) : undefined);
}

/** Names that an aria-hidden change may have changed: the element's own, its ancestors' and everything inside it. */
function forgetNamesAround(index: CaptionIndex, el: Element): void {
  for (let node: Element | null = el; node; node = node.parentElement) index.names.delete(node);
  for (const named of index.names.keys()) if (el.contains(named)) index.names.delete(named);
}

/**
 * The elements whose caption or name a batch of records may have changed: where text changed, with every
 * ancestor (their text holds it), and all that was added. Attributes change only names.
 */
function touchedBy(index: CaptionIndex, records: MutationRecord[]): Set<Element> {
  const touched = new Set<Element>();
  for (const record of records) {
    if (record.type === 'attributes') {
      if (record.attributeName === 'aria-hidden') forgetNamesAround(index, record.target as Element);
      else index.names.delete(record.target as Element);
      if (ROLE_ATTRIBUTES.has(record.attributeName!)) touched.add(record.target as Element);
      continue;
    }
    const target = record.type === 'characterData' ? record.target.parentElement : record.target;
    for (let el = target instanceof Element ? target : null; el && !touched.has(el); el = el.parentElement) touched.add(el);
    for (const added of record.addedNodes) {
      if (!(added instanceof Element)) continue;
      touched.add(added);
      for (const inner of added.querySelectorAll('*')) touched.add(inner);
    }
  }
  return touched;
}

/** Brings the document's index up to date with the page: read afresh when stale, else only what the records name. */
function currentIndex(doc: Document): CaptionIndex {
  const index = indexes.get(doc) ?? newIndex(doc);
  if (index.stale) {
    index.observer.observe(doc, CHANGES);
    index.texts = new Map(walkCaptions(doc).map(({ el, text }) => [el, text]));
    index.names.clear();
    index.matching.clear();
    index.roles.clear();
    index.pending = [];
    index.observer.takeRecords();
    index.stale = false;
    return index;
  }
  if (!index.pending.length) index.pending = index.observer.takeRecords();
  else index.pending.push(...index.observer.takeRecords());
  if (!index.pending.length) return index;
  const records = index.pending;
  index.pending = [];
  for (const el of touchedBy(index, records)) {
    reexamine(index, el);
    index.names.delete(el);
    for (const [selector, els] of index.roles) {
      if (el.isConnected && el.matches(selector)) els.add(el);
      else els.delete(el);
    }
  }
  if (index.texts.size + index.names.size < index.sweepAt) return index;
  for (const el of index.texts.keys()) if (!el.isConnected) setCaption(index, el, undefined);
  for (const el of index.names.keys()) if (!el.isConnected) index.names.delete(el);
  for (const els of index.roles.values()) for (const el of els) if (!el.isConnected) els.delete(el);
  index.sweepAt = Math.max(SWEEP_MIN, (index.texts.size + index.names.size) * 2);
  return index;
}

/**
 * The names kept for the node's document while indexing (undefined otherwise), up to date with the page. Only
 * names read from the element's attributes, its text and the aria-hidden around it may be put there (locate.ts).
 */
export function keptNames(node: Node): Map<Element, string> | undefined {
  const doc = docOf(node);
  return indexing && node.getRootNode() === doc ? currentIndex(doc).names : undefined;
}

function matchingInIndex(doc: Document, text: RegExp): Set<Element> {
  const index = currentIndex(doc);
  let els = index.matching.get(text);
  if (!els) {
    if (index.matching.size >= PATTERNS_MAX) index.matching.clear();
    els = new Set(Array.from(index.texts).filter(([, caption]) => text.test(caption)).map(([el]) => el));
    index.matching.set(text, els);
  }
  return els;
}

/**
 * The elements of `root` a role selector matches, kept while indexing (undefined otherwise), in no particular order:
 * one query of a big console's thousands of buttons and links took milliseconds, for every probe.
 */
export function indexedRoles(root: Node, selector: string): Element[] | undefined {
  const doc = docOf(root);
  if (!indexing || root.getRootNode() !== doc) return undefined;
  const index = currentIndex(doc);
  let els = index.roles.get(selector);
  if (!els) index.roles.set(selector, (els = new Set(doc.querySelectorAll(selector))));
  const all = Array.from(els);
  return all.filter(root === doc ? (el) => el.isConnected : (el) => el.isConnected && root.contains(el));
}

export const inDocumentOrder = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

/** Short text elements in `root` whose own text is a caption matching `text`, in document order. */
export function captionsMatching(root: ParentNode, text: RegExp): Element[] {
  const node = root as Node;
  const doc = docOf(node);
  if (indexing && node.getRootNode() === doc) {
    const els = Array.from(matchingInIndex(doc, text)).filter((el) => el.isConnected && node.contains(el));
    return els.sort(inDocumentOrder);
  }
  const memo = probeMemo(doc).captions;
  const captions = memo.get(node) ?? memo.set(node, walkCaptions(node)).get(node)!;
  return captions.filter((caption) => text.test(caption.text)).map((caption) => caption.el);
}
