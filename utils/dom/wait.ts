// Watching pages that render late: one MutationObserver per watch, throttled, always released on resolve,
// timeout or abort.

/** Property changes (a script setting input.value) do not mutate the DOM; a slow poll catches those too. */
export const WAIT_POLL_MS = 200;
/** At most one probe per this many ms while a page churns: reacts within a frame or two on a quiet page. */
export const PROBE_THROTTLE_MS = 25;
/**
 * Over time, probing may take at most this share of the page's main thread: on a huge, busy page where one probe
 * costs milliseconds, probes space out to keep the host page's cost near 1% (npm run bench: host-page cost).
 */
export const PROBE_CPU_SHARE = 0.01;
/** Probe time a watch may spend at once before the share applies: a reveal on a quiet page is seen at once. */
export const PROBE_BURST_MS = 20;
/**
 * Polls spend only credit above this reserve, which is kept for DOM changes: on a page where one probe costs more
 * than the share refills between polls, polling alone would keep the bucket empty and delay the probe that a
 * reveal triggers (npm run bench: capture latency).
 */
export const POLL_RESERVE_MS = PROBE_BURST_MS / 2;

/**
 * Calls `probe` on DOM changes: at once when the page has been quiet, otherwise no sooner than the throttle and
 * the CPU share allow (a token bucket of probe milliseconds). Returns a function that stops watching.
 */
export function watchDom(probe: () => void, root: Node = document): () => void {
  let credit = PROBE_BURST_MS;
  let creditAt = performance.now();
  let lastRun = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refill = (now: number) => {
    credit = Math.min(PROBE_BURST_MS, credit + (now - creditAt) * PROBE_CPU_SHARE);
    creditAt = now;
  };
  const run = () => {
    pending = undefined;
    const start = performance.now();
    lastRun = start;
    probe();
    const end = performance.now();
    refill(end);
    credit -= end - start;
  };
  const schedule = () => {
    if (pending !== undefined) return;
    const now = performance.now();
    refill(now);
    const allowedAt = Math.max(lastRun + PROBE_THROTTLE_MS, credit >= 0 ? now : now - credit / PROBE_CPU_SHARE);
    if (allowedAt <= now) run();
    else pending = setTimeout(run, allowedAt - now);
  };
  const observer = new MutationObserver(schedule);
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  const poll = setInterval(() => {
    refill(performance.now());
    if (credit >= POLL_RESERVE_MS) schedule();
  }, WAIT_POLL_MS);
  return () => {
    observer.disconnect();
    clearTimeout(pending);
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
    stop = watchDom(() => {
      const value = probe();
      if (value !== undefined) finish(value);
    }, opts.root);
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
