// Firefox has no location.ancestorOrigins, so a framed blade there cannot name its top page. The background asks
// the tab's top frame instead (tabs.sendMessage to frameId 0, where only our script runs, and only on the adapter's
// hosts): that script vouches with its own origin, read at that moment, when it holds a rendered frame on the
// blade's origin. No permission is needed beyond what the content scripts already have.
import { browser } from 'wxt/browser';
import type { ScriptContext } from '../sealed-context';
import type { TargetAdapter } from '../adapters/types';
import { isRendered } from '../dom/usable';
import { checkHost } from '../hosts';

export const VOUCH_REQUEST = 'bg/vouch-for-frame';
export interface VouchRequest {
  type: typeof VOUCH_REQUEST;
  frameOrigin: string;
}

const ORIGIN = /^https:\/\/[a-z0-9.-]{1,253}$/;

/** Only our background sends to content scripts (the listener checks the sender): the shape is all to check. */
export function isVouchRequest(raw: unknown): raw is VouchRequest {
  const request = raw as Partial<VouchRequest> | null;
  return request?.type === VOUCH_REQUEST && typeof request.frameOrigin === 'string';
}

/** The top origin a vouch reply names, or undefined for no vouch. */
export function parseVouchReply(raw: unknown): string | undefined {
  const topOrigin = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).topOrigin : undefined;
  return typeof topOrigin === 'string' && ORIGIN.test(topOrigin) ? topOrigin : undefined;
}

/** Does the page hold a rendered frame whose address is on that origin? */
export function holdsFrameAt(doc: Document, origin: string): boolean {
  return Array.from(doc.querySelectorAll('iframe, frame')).some((frame) => {
    try {
      return new URL((frame as HTMLIFrameElement).src, doc.baseURI).origin === origin && isRendered(frame);
    } catch {
      return false;
    }
  });
}

/** The top page's half: answers the background's vouch requests for as long as this script is valid. */
export function answerVouches(ctx: ScriptContext, adapter: TargetAdapter): void {
  const onMessage = (raw: unknown, sender: { id?: string; tab?: unknown }, sendResponse: (reply: unknown) => void) => {
    if (sender.id !== browser.runtime.id || sender.tab || !isVouchRequest(raw)) return undefined;
    const vouches = checkHost(location.href, adapter.hosts).ok && holdsFrameAt(document, raw.frameOrigin);
    sendResponse(vouches ? { topOrigin: location.origin } : {});
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
