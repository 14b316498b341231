// What one probe learns about the page, kept for the rest of its task (task-memo.ts says how long that is).
// A probe asks for several controls (the form is open when the token field or the Enable checkbox shows, …), and
// each used to walk the whole document again.
import { memoEpoch } from './task-memo';

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
}

let memo: (ProbeMemo & { epoch: number }) | undefined;

export function probeMemo(doc: Document): ProbeMemo {
  const epoch = memoEpoch(doc);
  if (memo?.epoch !== epoch) {
    memo = { names: new WeakMap(), captions: new WeakMap(), headings: new WeakMap(), candidates: new WeakMap(), epoch };
  }
  return memo;
}

export const docOf = (node: Node): Document => node.ownerDocument ?? (node as Document);
