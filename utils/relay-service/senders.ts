// Who may speak for which page: a content script's message counts only if what the browser stamped on it (tab,
// frame, URL, origin) fits the adapter it names. Pure checks; the frame's top origin is confirmed in content.ts.
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Adapter, TargetAdapter } from '../adapters/types';
import { checkHost, isAllowedOrigin } from '../hosts';
import type { ContentToBackground } from '../protocol';
import type { MessageSender } from './platform';

/** Why a message was dropped: logged (content-free), never told to the sender. */
export type Rejection =
  | 'foreign-extension'
  | 'malformed'
  | 'no-tab'
  | 'sub-frame'
  | 'unknown-top'
  | 'unknown-adapter'
  | 'wrong-role'
  | 'wrong-origin'
  | 'not-an-extension-page'
  | 'site-disabled'
  | 'org-policy'
  | 'off-route';

function matchesAny(url: string, patterns: readonly string[]): boolean {
  try {
    return patterns.some((pattern) => new MatchPattern(pattern).includes(url));
  } catch {
    return false;
  }
}

export interface CheckedSender {
  tabId: number;
  /** The sending document's origin, as the browser stamped it. */
  origin: string;
  /** The tab's top page origin: the sender's own for the top frame (only on an allowed host), claimed for a frame. */
  topOrigin?: string;
  inFrame: boolean;
}

/**
 * A frame of a frame-capable target: its own URL and origin (stamped by the browser) must pass the adapter's frame
 * rule, and the top origin it claims must be an allowed host. The claim is then held against the origin the
 * browser stamped on the tab's own top-frame report (see handleContent): without the "tabs" permission the
 * background cannot read a tab's URL, and it does not need to.
 */
function checkFrameSender(message: ContentToBackground, sender: MessageSender, adapter: TargetAdapter, tabId: number): Rejection | CheckedSender {
  const rule = adapter.frames;
  if (!rule || sender.frameId === undefined || sender.frameId < 0 || message.type === 'target/notice') return 'sub-frame';
  const url = sender.url ?? '';
  const host = checkHost(url, rule.hosts);
  if (!matchesAny(url, rule.matches) || !host.ok || (sender.origin && sender.origin !== host.origin)) return 'wrong-origin';
  const topOrigin = 'topOrigin' in message ? message.topOrigin : undefined;
  // No claim at all (Firefox): the tab's top frame is asked to vouch (handleContent).
  if (topOrigin !== undefined && !isAllowedOrigin(topOrigin, adapter.hosts)) return 'unknown-top';
  return { tabId, origin: host.origin, topOrigin, inFrame: true };
}

/** Content scripts: our extension, a real tab, the top frame (or an admitted frame), a page the adapter acts on. */
export function checkContentSender(message: ContentToBackground, sender: MessageSender, adapter: Adapter | undefined): Rejection | CheckedSender {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return 'no-tab';
  if (!adapter) return sender.frameId === 0 ? 'unknown-adapter' : 'sub-frame';
  const needsRole = message.type.startsWith('source/') ? 'source' : message.type.startsWith('target/') ? 'target' : adapter.role;
  if (adapter.role !== needsRole) return 'wrong-role';
  if (sender.frameId !== 0) return adapter.role === 'target' ? checkFrameSender(message, sender, adapter, tabId) : 'sub-frame';
  if ('topOrigin' in message && message.topOrigin !== undefined) return 'unknown-top'; // only frames claim a top
  const url = sender.url ?? '';
  if (!matchesAny(url, adapter.matches)) return 'wrong-origin';
  const host = checkHost(url, adapter.hosts);
  if (sender.origin && host.ok && sender.origin !== host.origin) return 'wrong-origin';
  // Only "this is not an admin host" may come from a host the adapter does not act on.
  const harmless = message.type === 'page/status' && message.status.code === 'not-admin-host';
  if (!host.ok && !harmless) return 'wrong-origin';
  return host.ok ? { tabId, origin: host.origin, topOrigin: host.origin, inFrame: false } : { tabId, origin: new URL(url).origin, inFrame: false };
}
