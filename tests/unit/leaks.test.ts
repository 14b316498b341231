// Every observer, timer and listener the DOM layer and the source engine create is released when the job ends
// (found, timed out) or the page goes away (signal aborted). Counts live resources through thin wrappers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invisionAdapter } from '../../utils/adapters/invision.source';
import { startSource } from '../../utils/engine/source';
import { delay, waitFor, watchDom, WAIT_POLL_MS } from '../../utils/dom/wait';

interface Live {
  observers: number;
  timers: number;
  /** Listeners still registered on the job's signal while it can still fire. */
  abortListeners: number;
}

/** Wraps MutationObserver, timers and AbortSignal listeners to count what is still live. */
function instrument(): { live(signal: AbortSignal): Live; restore(): void } {
  const observing = new Set<MutationObserver>();
  const timers = new Set<unknown>();
  const abortListeners = new Map<AbortSignal, Set<unknown>>();
  const listenersOf = (signal: AbortSignal) => abortListeners.get(signal) ?? abortListeners.set(signal, new Set()).get(signal)!;
  const Original = globalThis.MutationObserver;
  class Counted extends Original {
    override observe(target: Node, options?: MutationObserverInit) {
      observing.add(this);
      super.observe(target, options);
    }
    override disconnect() {
      observing.delete(this);
      super.disconnect();
    }
  }
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = globalThis;
  const spies = [
    vi.spyOn(globalThis, 'MutationObserver', 'get').mockReturnValue(Counted),
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const id = st(() => {
        timers.delete(id);
        fn();
      }, ms);
      timers.add(id);
      return id;
    }) as typeof setTimeout),
    vi.spyOn(globalThis, 'clearTimeout').mockImplementation((id) => {
      timers.delete(id);
      ct(id);
    }),
    vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms?: number) => {
      const id = si(fn, ms);
      timers.add(id);
      return id;
    }) as typeof setInterval),
    vi.spyOn(globalThis, 'clearInterval').mockImplementation((id) => {
      timers.delete(id);
      ci(id);
    }),
  ];
  const add = AbortSignal.prototype.addEventListener;
  const remove = AbortSignal.prototype.removeEventListener;
  AbortSignal.prototype.addEventListener = function (this: AbortSignal, type: string, fn: unknown, opts?: unknown) {
    if (type === 'abort') listenersOf(this).add(fn);
    return add.call(this, type, fn as EventListener, opts as AddEventListenerOptions);
  } as typeof add;
  AbortSignal.prototype.removeEventListener = function (this: AbortSignal, type: string, fn: unknown, opts?: unknown) {
    if (type === 'abort') listenersOf(this).delete(fn);
    return remove.call(this, type, fn as EventListener, opts as EventListenerOptions);
  } as typeof remove;
  return {
    live: (signal) => ({ observers: observing.size, timers: timers.size, abortListeners: signal.aborted ? 0 : listenersOf(signal).size }),
    restore() {
      spies.forEach((spy) => spy.mockRestore());
      AbortSignal.prototype.addEventListener = add;
      AbortSignal.prototype.removeEventListener = remove;
    },
  };
}

const NONE: Live = { observers: 0, timers: 0, abortListeners: 0 };
let probe: ReturnType<typeof instrument>;

beforeEach(() => {
  document.body.innerHTML = '';
  probe = instrument();
});
afterEach(() => probe.restore());

const nextTick = () => new Promise((resolve) => queueMicrotask(() => resolve(undefined)));

describe('utils/dom/wait.ts releases everything', () => {
  it('watchDom: its stop function disconnects the observer and clears both timers', async () => {
    const { signal } = new AbortController();
    const stop = watchDom(() => {});
    document.body.append(document.createElement('p'));
    await nextTick(); // the observer fires and may schedule a throttled probe
    expect(probe.live(signal).observers).toBe(1);
    stop();
    expect(probe.live(signal)).toEqual(NONE);
  });

  it('waitFor: when the probe finds its element', async () => {
    const controller = new AbortController();
    const found = waitFor(() => document.querySelector('#late') ?? undefined, { signal: controller.signal, timeoutMs: 60_000 });
    expect(probe.live(controller.signal)).toMatchObject({ observers: 1, abortListeners: 1 });
    const late = Object.assign(document.createElement('div'), { id: 'late' });
    document.body.append(late);
    expect(await found).toBe(late);
    expect(probe.live(controller.signal)).toEqual(NONE);
  });

  it('waitFor: when it times out', async () => {
    const controller = new AbortController();
    expect(await waitFor(() => undefined, { signal: controller.signal, timeoutMs: WAIT_POLL_MS / 4 })).toBeUndefined();
    expect(probe.live(controller.signal)).toEqual(NONE);
  });

  it('waitFor: when the page leaves (signal aborted)', async () => {
    const controller = new AbortController();
    const pending = waitFor(() => undefined, { signal: controller.signal, timeoutMs: 60_000 });
    controller.abort();
    expect(await pending).toBeUndefined();
    expect(probe.live(controller.signal)).toEqual(NONE);
  });

  it('delay: when it elapses and when aborted', async () => {
    const controller = new AbortController();
    await delay(1, controller.signal);
    expect(probe.live(controller.signal)).toEqual(NONE);
    const pending = delay(60_000, controller.signal);
    controller.abort();
    await pending;
    expect(probe.live(controller.signal)).toEqual(NONE);
  });
});

describe('the source engine releases its watch when the page leaves', () => {
  it('stops observing and polling on abort', async () => {
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://acme.invisionapp.com/people');
    document.body.innerHTML = '<div role="dialog" aria-label="SCIM Provisioning"><h2>SCIM Provisioning</h2></div>';
    const controller = new AbortController();
    const ui = { show: vi.fn(), hide: vi.fn(), guide: vi.fn(), destroy: vi.fn(), host: document.createElement('div') };
    startSource({ adapter: invisionAdapter, targetPath: 'Okta', send: async () => undefined, ui, signal: controller.signal });
    expect(probe.live(controller.signal)).toMatchObject({ observers: 1, timers: 1, abortListeners: 1 });
    controller.abort();
    expect(probe.live(controller.signal)).toEqual(NONE);
  });
});
