// Watching pages that render late: one MutationObserver per watch, throttled to a CPU budget that follows the
// person (the rule is below), always released on resolve, timeout or abort.
import { indexCaptions } from './captions';
import { keepLiveStyles } from './usable';
import { sinceActed } from './task-memo';

/** How long after our own click or typing the page's changes are its answer to it, which the person waits for. */
const ACTION_ECHO_MS = 100;

/** Property changes (a script setting input.value) do not mutate the DOM; a slow poll catches those too. */
export const WAIT_POLL_MS = 200;

/**
 * THE PROBE BUDGET RULE, written here and nowhere else. Probing costs the host page's main thread, so what a probe
 * may cost follows the person:
 * - `hidden`: the tab is hidden. Nobody sees it and nothing may be done in it: nearly nothing.
 * - `idle`: visible, but nobody has acted on the page lately and no hand-off runs (no token held, or nothing the
 *   extension waits for is happening): nearly nothing, so a page merely holding the extension pays well under 1%
 *   of its main thread (npm run bench: share of a big busy page with no token held).
 * - `attentive`: the person is here and the extension has something to do here (`expectWork`: a token is held for
 *   this target page, or this source page is on its SCIM settings route). For ATTENTION_MS after the page arrived
 *   or was brought to the front, or after a trusted key or pointer press in it; and while a hand-off runs
 *   (`attend`), for at most the time the engine gives it and never past the verdict. A page where the extension
 *   has nothing to do stays `idle` whatever the person does: its arrival costs nothing (npm run bench: churn).
 *   Generous: probes follow the page in the next task, and the change the person waits for (the token shown, what
 *   our own click or typing rendered) at once, before the frame is drawn (npm run bench: pane → Test, front → Test,
 *   capture on a big busy page).
 * All watches of a document spend one token bucket of probe milliseconds: `share` of elapsed time refills it, up to
 * `burstMs`; a watch probes when the bucket is out of debt and `throttleMs` have passed since its last probe. The
 * change the person waits for may borrow: it runs at once while the debt is under one burst, whenever the last
 * probe ran. On a console that re-renders every frame, attentive probes keep the bucket near empty and have just
 * run, and a probe put off for either reason waited on a timer, which the browser holds back for 100 ms and more
 * after a person's click: a busy page's capture took 55–150 ms in a third of the reveals, against 25–45 ms
 * otherwise (npm run bench: capture on a big busy page). The borrowed time is repaid by the probes after it.
 */
export const PROBE_BUDGETS = {
  hidden: { throttleMs: 250, share: 0.002, burstMs: 5 },
  idle: { throttleMs: 50, share: 0.005, burstMs: 10 },
  attentive: { throttleMs: 8, share: 0.3, burstMs: 100 },
} as const;
export type BudgetMode = keyof typeof PROBE_BUDGETS;
/** How long a person's arrival or press keeps the page attentive: the time to read a pane and choose what to click. */
export const ATTENTION_MS = 5_000;
/**
 * Polls spend only credit above this reserve, which is kept for DOM changes: on a page where one probe costs more
 * than the share refills between polls, polling alone would keep the bucket empty and delay the probe that a
 * reveal triggers (npm run bench: capture latency).
 */
const POLL_RESERVE = 0.5; // of the mode's burst

// The document's one bucket (module state: each content script runs once per document).
let credit: number = PROBE_BUDGETS.attentive.burstMs;
let creditAt = 0;
/** Until when the person's last arrival or press keeps the page attentive (performance.now() time). */
let attentionUntil = ATTENTION_MS; // the page has just arrived: performance.now() counts from its navigation
/** Whether the extension has something to do in this page: only then do arrivals and presses make it attentive. */
let workHere = false;
/** End times of the hand-offs that asked for attention (`attend`). */
const holds = new Set<{ until: number }>();
/** Each live watch's way to reconsider a probe it put off under a stricter mode. */
const watches = new Set<() => void>();
let listening = false;

export function budgetMode(now = performance.now()): BudgetMode {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return 'hidden';
  if (workHere && now < attentionUntil) return 'attentive';
  for (const hold of holds) {
    if (now < hold.until) return 'attentive';
    holds.delete(hold); // its hand-off ran out of time without a verdict
  }
  return 'idle';
}

/**
 * Captions are indexed (captions.ts), and walks keep each element's live style (usable.ts), while probes follow the
 * person and something watches or a hand-off runs: the index's own observer then costs less than the walks it
 * saves, and the kept styles are let go when nobody waits. Asked again whenever any of that changes.
 */
function followIndexing(): void {
  const on = budgetMode() === 'attentive' && (watches.size > 0 || holds.size > 0);
  indexCaptions(on);
  keepLiveStyles(on);
}

function refill(now: number): void {
  const { share, burstMs } = PROBE_BUDGETS[budgetMode(now)];
  credit = Math.min(burstMs, credit + (now - creditAt) * share);
  creditAt = now;
}

/** The person is here: probes may follow the page closely from now on, and what was put off runs at once. */
function payAttention(until: number): void {
  const now = performance.now();
  refill(now);
  credit = Math.max(credit, 0);
  attentionUntil = Math.max(attentionUntil, until);
  for (const reconsider of watches) reconsider();
  followIndexing();
}

/** Listens, once per document, for the person: a trusted press, or the tab coming to the front. */
function listenForThePerson(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  const onPress = (event: Event) => {
    if (event.isTrusted) payAttention(performance.now() + ATTENTION_MS);
  };
  window.addEventListener('pointerdown', onPress, { capture: true, passive: true });
  window.addEventListener('keydown', onPress, { capture: true, passive: true });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') payAttention(performance.now() + ATTENTION_MS);
  });
}

/**
 * Says whether the extension has something to do in this page (see the rule above). Once it has, the attention
 * its arrival and the person's presses earned counts from then on, and what was put off runs at once.
 */
export function expectWork(expected: boolean): void {
  if (expected === workHere) return;
  refill(performance.now());
  workHere = expected;
  if (expected) payAttention(0);
  else followIndexing();
}

/**
 * A hand-off runs in this page: probe generously for at most `maxMs`, or until the returned function is called (the
 * verdict is in, or the hand-off stopped).
 */
export function attend(maxMs: number): () => void {
  const hold = { until: performance.now() + maxMs };
  holds.add(hold);
  payAttention(0);
  return () => {
    holds.delete(hold);
    followIndexing();
  };
}

/**
 * Runs `fn` soon, when the page's own layout is likely fresh: a probe asks where and whether controls are shown, and
 * asked mid-frame on a page that re-renders every frame, each answer would lay out the whole page again.
 * - While the person waits (`attentive`): in the next task. A change made in the page's frame callback has been
 *   laid out and drawn by then, and one made by what we just did (a click that rendered the form) is what the
 *   person waits for: waiting a frame more cost each step of a hand-off up to 17 ms.
 * - Otherwise: once the browser has drawn its next frame. A hidden tab draws no frames: there, in the next task.
 * Returns a canceller.
 */
function soon(fn: () => void, mode: BudgetMode): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (mode === 'attentive' || document.visibilityState !== 'visible' || typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(fn, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => (timer = setTimeout(fn, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * Calls `probe` on DOM changes, no sooner than the budget rule above allows and when `soon` says (at once for a
 * change the person waits for, see `schedule`). `awaits` tells, from the mutation records, whether the change is
 * one the person waits for (the token shown in the settings): what our own click or typing just rendered always
 * is. Returns a function that stops watching.
 */
export function watchDom(probe: () => void, opts: { root?: Node; awaits?: (records: MutationRecord[]) => boolean } = {}): () => void {
  const root = opts.root ?? document;
  listenForThePerson();
  let lastRun = -Infinity;
  let cancel: (() => void) | undefined;
  const run = () => {
    cancel = undefined;
    const start = performance.now();
    lastRun = start;
    probe();
    const end = performance.now();
    refill(end);
    credit -= end - start;
  };
  /**
   * `records`: the page's DOM changes, when they are what calls. While the person waits for this change, a probe the
   * budget allows (borrowing, see the rule) runs at once, in the observer's callback, in place of any probe put off:
   * before the browser draws the frame, which on a big console re-rendering every frame costs 30–40 ms (npm run
   * profile -- invision). Any other change waits for the next task, as a page's own frame callbacks would otherwise
   * have the page laid out twice per frame.
   */
  const schedule = (records?: MutationRecord[]) => {
    const now = performance.now();
    refill(now);
    const mode = budgetMode(now);
    const { throttleMs, share, burstMs } = PROBE_BUDGETS[mode];
    const awaited = !!records && mode === 'attentive' && (sinceActed() < ACTION_ECHO_MS || !!opts.awaits?.(records));
    const borrows = awaited && credit > -burstMs;
    const allowedAt = borrows ? now : Math.max(lastRun + throttleMs, credit >= 0 ? now : now - credit / share);
    if (borrows) cancel?.(); // what was put off runs now, or with this change
    else if (cancel) return;
    if (allowedAt <= now) return borrows ? run() : void (cancel = soon(run, mode));
    const timer = setTimeout(() => (cancel = soon(run, budgetMode())), allowedAt - now);
    cancel = () => clearTimeout(timer);
  };
  const reconsider = () => {
    if (!cancel) return;
    cancel();
    cancel = undefined;
    schedule();
  };
  watches.add(reconsider);
  followIndexing();
  const observer = new MutationObserver((records) => schedule(records));
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  const poll = setInterval(() => {
    const now = performance.now();
    refill(now);
    followIndexing(); // attention runs out with time, not with an event
    if (credit >= PROBE_BUDGETS[budgetMode(now)].burstMs * POLL_RESERVE) schedule();
  }, WAIT_POLL_MS);
  return () => {
    watches.delete(reconsider);
    followIndexing();
    observer.disconnect();
    cancel?.();
    clearInterval(poll);
  };
}

export function waitFor<T>(
  probe: () => T | undefined,
  opts: { signal: AbortSignal; timeoutMs: number; root?: Node },
): Promise<T | undefined> {
  return new Promise((resolve) => {
    const first = probe();
    if (first !== undefined || opts.signal.aborted) return resolve(first);
    let stop = () => {};
    const finish = (value: T | undefined) => {
      stop();
      clearTimeout(timer);
      opts.signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const timer = setTimeout(() => finish(undefined), opts.timeoutMs);
    opts.signal.addEventListener('abort', onAbort, { once: true });
    stop = watchDom(
      () => {
        const value = probe();
        if (value !== undefined) finish(value);
      },
      { root: opts.root },
    );
  });
}

export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
