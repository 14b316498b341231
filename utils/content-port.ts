// The content-script end of the protocol: send to the background, and accept only well-formed messages from it.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BackgroundToContent, ContentToBackground } from './protocol';
import { parseBackgroundToContent } from './protocol-inbound';

export function sendToBackground(message: ContentToBackground): Promise<unknown> {
  // A reloaded extension leaves orphaned content scripts whose messages fail; they have nothing left to do.
  return browser.runtime.sendMessage(message).catch(() => undefined);
}

export function listenToBackground(ctx: ContentScriptContext, listener: (message: BackgroundToContent) => void): void {
  const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }) => {
    if (sender.id !== browser.runtime.id || sender.tab) return;
    const message = parseBackgroundToContent(raw);
    if (message) listener(message);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
