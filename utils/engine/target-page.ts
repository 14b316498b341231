// What the target page shows (collect): the sign-in prompt, the pane inside a frame, the Enable checkbox a person
// sees, and whether the tab is in front. Reads only; nothing here acts on the page.
import type { TargetAdapter } from '../adapters/types';
import { candidates } from '../dom/locate';
import { present } from '../dom/pick';
import { isRendered } from '../dom/usable';

/** A sign-in prompt on screen. The form's own token field may be a password field too: that one is no prompt. */
export function signInShown(adapter: TargetAdapter): boolean {
  const prompts = present(adapter.signIn);
  if (!prompts.length) return false;
  const tokenFields = candidates(document, adapter.token);
  return prompts.some((el) => !tokenFields.includes(el));
}

/** A sign-in or re-authentication prompt in place of the integration pane (an idle timeout, a step-up). */
export function signedOut(adapter: TargetAdapter): boolean {
  return signInShown(adapter) && !present(adapter.integration).length;
}

/** The pane inside a same-origin frame: the frame's styling is out of our sight, so it is never filled. */
export function paneInFrame(adapter: TargetAdapter): boolean {
  return Array.from(document.querySelectorAll('iframe, frame')).some((frame) => {
    try {
      const doc = (frame as HTMLIFrameElement).contentDocument;
      return !!doc && present(adapter.integration, doc).length > 0;
    } catch {
      return false; // cross-origin: invisible to us, and our script never runs inside it
    }
  });
}

/**
 * The Enable checkboxes a person sees: styled ones (MUI, Okta's Odyssey) lay a transparent native input over a
 * drawn box, so the input itself is not rendered while its label is.
 */
export function shownEnable(adapter: TargetAdapter): Element[] {
  if (!adapter.enable) return [];
  return candidates(document, adapter.enable).filter((box) => isRendered(box) || Array.from((box as HTMLInputElement).labels ?? []).some(isRendered));
}

/** Resolves once the tab is in front (or the attempt is called off): nothing is done unseen. */
export function whenVisible(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (document.visibilityState === 'visible' || signal.aborted) return resolve();
    const done = () => {
      if (document.visibilityState !== 'visible' && !signal.aborted) return;
      document.removeEventListener('visibilitychange', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    document.addEventListener('visibilitychange', done);
    signal.addEventListener('abort', done, { once: true });
  });
}
