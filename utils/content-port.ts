// The content-script end of the protocol: send to the background, and accept only well-formed messages from it.
import { browser } from 'wxt/browser';
import type { ScriptContext } from './sealed-context';
import type { BackgroundToContent, ContentToBackground } from './protocol';
import { parseBackgroundToContent } from './protocol-inbound';

/**
 * The background's answer, or undefined when there is none. A reloaded or removed extension leaves orphaned
 * content scripts whose messages fail (Chromium throws at once); reading `ctx.isInvalid` then aborts `ctx.signal`,
 * so every wait and step bound to it stops: an orphan never acts on the page again.
 */
export async function sendToBackground(ctx: ScriptContext, message: ContentToBackground): Promise<unknown> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    return ctx.isInvalid ? undefined : reply;
  } catch {
    void ctx.isInvalid;
    return undefined;
  }
}

export function listenToBackground(ctx: ScriptContext, listener: (message: BackgroundToContent) => void): void {
  const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const message = parseBackgroundToContent(raw);
    if (message) listener(message);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
