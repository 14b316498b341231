// Watching pages that render late: one MutationObserver per watch, throttled, always released on resolve,
// timeout or abort.

/** Property changes (a script setting input.value) do not mutate the DOM; a slow poll catches those too. */
export const WAIT_POLL_MS = 200;
/** At most one probe per this many ms while a page churns: keeps our cost on a busy console near zero. */
export const PROBE_THROTTLE_MS = 25;

/**
 * Calls `probe` on DOM changes: at once when the page has been quiet, otherwise at most every PROBE_THROTTLE_MS.
 * Returns a function that stops watching.
 */
export function watchDom(probe: () => void, root: Node = document): () => void {
  let last = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    pending = undefined;
    last = performance.now();
    probe();
  };
  const observer = new MutationObserver(() => {
    if (pending !== undefined) return;
    const wait = last + PROBE_THROTTLE_MS - performance.now();
    if (wait <= 0) run();
    else pending = setTimeout(run, wait);
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  const poll = setInterval(run, WAIT_POLL_MS);
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
