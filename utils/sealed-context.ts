// The context every content script runs in: the build (wxt.config.ts) gives content scripts this class where WXT's
// entry asks for `wxt/utils/content-script-context`. WXT's own class announces each start to the page
// (window.postMessage and a document CustomEvent named `<extension id>:<script>:wxt:content-script-started`), so a
// page learns the extension id and can replay the event to shut the script down (issue #10, class 4;
// docs/target-safety.md). This one announces nothing, listens to nothing the page can send, and dispatches no event
// on the page's window (WXT's location watcher does), and it is the 1 KB of WXT's class that content scripts use.
// What we rely on stays: `signal`, `onInvalidated`, and `isInvalid` turning true once the extension is reloaded or
// removed (orphan detection, which utils/engine/run.ts polls).
import { browser } from 'wxt/browser';
import type { ContentScriptContext as WxtContext } from 'wxt/utils/content-script-context';

/** What content scripts may use of their context: the part of WXT's class this one implements. */
export type ScriptContext = Pick<WxtContext, 'signal' | 'isInvalid' | 'onInvalidated' | 'addEventListener'>;

/** WXT's fallback when the Navigation API is missing: the address is compared once a second. */
const LOCATION_POLL_MS = 1_000;

interface NavigateEvent extends Event {
  destination: { url: string };
}

export class SealedContentScriptContext implements ScriptContext {
  private readonly aborter = new AbortController();

  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  /** True once this script's extension is gone (reloaded, updated or removed); reading it then aborts `signal`. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.aborter.abort('Content script context invalidated');
    return this.signal.aborted;
  }

  onInvalidated(callback: () => void): () => void {
    this.signal.addEventListener('abort', callback);
    return () => this.signal.removeEventListener('abort', callback);
  }

  /**
   * A listener removed when the context is invalidated. `wxt:locationchange` (WXT's name, kept so the type is
   * WXT's) is a change of the page's address, single-page navigation included; the handler is called directly.
   */
  addEventListener(target: EventTarget, type: string, handler: (event: never) => void): void {
    const listener = handler as () => void;
    if (type === 'wxt:locationchange') this.watchLocation(listener);
    else target.addEventListener(type, listener, { signal: this.signal });
  }

  private watchLocation(callback: () => void): void {
    let last = location.href;
    const changedTo = (href: string) => {
      if (href === last) return;
      last = href;
      callback();
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener('navigate', (event) => changedTo((event as NavigateEvent).destination.url), { signal: this.signal });
    } else {
      const poll = setInterval(() => changedTo(location.href), LOCATION_POLL_MS);
      this.onInvalidated(() => clearInterval(poll));
    }
  }
}

export { SealedContentScriptContext as ContentScriptContext };
