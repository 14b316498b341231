// How long what a probe learnt about a page stays true: for the rest of the task that learnt it, while nothing can
// have changed the page. Within one task only script changes a page: the page's own, which runs then only because
// we acted (a click, a keystroke, a focus: `actedOnPage`), and whose DOM changes an observer records. Computed style
// also changes without a DOM change (a rule inserted, :hover, an animation), but only in another task: an input
// event, a frame, a timer. A task's microtasks all run before any of those, so a memo kept through a bounded chain
// of microtasks never outlives its task; the await continuations of one step of a hand-off share it.
const MEMO_HOPS = 32; // microtasks: one step of a hand-off awaits through a few dozen at most
const WATCH = { childList: true, subtree: true, attributes: true, characterData: true } as const;

const observer = typeof MutationObserver === 'undefined' ? undefined : new MutationObserver(() => {});
const watched = new Set<Document>();
let epoch = 0;
let expiring = false;
/** We acted in this task: the page's handlers may have queued microtasks of their own, so nothing is kept past one. */
let acted = false;

function expire(): void {
  epoch++;
  observer?.disconnect();
  watched.clear();
}

function expireSoon(): void {
  if (expiring) return;
  expiring = true;
  let hopsLeft = acted ? 1 : MEMO_HOPS;
  const hop = () => {
    if (--hopsLeft > 0 && !acted) return queueMicrotask(hop);
    expiring = false;
    expire();
  };
  queueMicrotask(hop);
}

/** The epoch of what is learnt about `doc` now: the same number for as long as that stays true (see above). */
export function memoEpoch(doc: Document): number {
  if (observer?.takeRecords().length) expire();
  if (!watched.has(doc)) {
    watched.add(doc);
    observer?.observe(doc, WATCH);
  }
  expireSoon();
  return epoch;
}

let actedAt = -Infinity;

/** Milliseconds since we last pressed, typed or focused in this document. */
export const sinceActed = (): number => performance.now() - actedAt;

/** We pressed, typed or focused: what was learnt is void, and for the rest of this task kept no longer than a microtask. */
export function actedOnPage(): void {
  expire();
  actedAt = performance.now();
  if (acted) return;
  acted = true;
  setTimeout(() => (acted = false), 0);
}
