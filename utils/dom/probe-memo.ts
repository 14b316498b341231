// What one probe learns about the page, kept for the rest of its task.
// A probe asks for several controls (the form is open when the token field or the Enable checkbox shows, …), and
// each used to walk the whole document again. Within one task the page cannot change unless we act on it, and an
// observer connected for that task only sees if we did: anything the page changed drops what was learnt.
export interface Caption {
  el: Element;
  text: string;
}

interface ProbeMemo {
  names: WeakMap<Element, string>;
  captions: WeakMap<Node, Caption[]>;
  headings: WeakMap<Document, Element[]>;
  /** By root, then by control spec (locate.ts): what each spec's locators found. */
  candidates: WeakMap<Node, WeakMap<object, Element[]>>;
  /** By root, then by role selector: the elements of those roles (one query of a big page takes milliseconds). */
  roles: WeakMap<Node, Map<string, Element[]>>;
  watched: Set<Document>;
}

let memo: ProbeMemo | undefined;
const memoWatch = typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(() => {});
const MEMO_WATCH = { childList: true, subtree: true, attributes: true, characterData: true } as const;

function forgetMemo(): void {
  memo = undefined;
  memoWatch?.disconnect();
}

export function probeMemo(doc: Document): ProbeMemo {
  if (memo && memoWatch?.takeRecords().length) forgetMemo();
  if (!memo) {
    memo = { names: new WeakMap(), captions: new WeakMap(), headings: new WeakMap(), candidates: new WeakMap(), roles: new WeakMap(), watched: new Set() };
    queueMicrotask(forgetMemo);
  }
  if (!memo.watched.has(doc)) {
    memo.watched.add(doc);
    memoWatch?.observe(doc, MEMO_WATCH);
  }
  return memo;
}

export const docOf = (node: Node): Document => node.ownerDocument ?? (node as Document);
