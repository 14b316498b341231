// The background's router: checks who sent each message and what it holds (zod at the boundary, then the
// browser-stamped sender), runs the pure relay transition under a lock, persists the state in session storage and
// carries out the effects. The browser sits behind RelayPlatform so unit tests drive every path.
import { ContentToBackground, UiToBackground } from '../protocol';
import { closeTab, expireIfDue } from '../relay';
import { handleContent } from './content';
import { createServiceContext } from './context';
import type { MessageSender, RelayPlatform } from './platform';
import { fillHere, handleUi, UI_PAGES } from './ui';

export type { MessageSender, RelayPlatform } from './platform';
export type { Rejection } from './senders';

export function createRelayService(platform: RelayPlatform) {
  const ctx = createServiceContext(platform);
  const { serial, load, commit, reject } = ctx;

  return {
    /** Entry point for runtime.onMessage: returns the reply, or undefined for anything rejected. */
    handle(raw: unknown, sender: MessageSender): Promise<unknown> {
      return serial(async () => {
        if (sender.id !== platform.runtimeId) return reject('foreign-extension');
        if (sender.tab) {
          const parsed = ContentToBackground.safeParse(raw);
          return parsed.success ? handleContent(ctx, parsed.data, sender) : reject('malformed');
        }
        if (!UI_PAGES.some((page) => sender.url?.startsWith(`${platform.extensionOrigin}${page}`))) return reject('not-an-extension-page');
        const parsed = UiToBackground.safeParse(raw);
        return parsed.success ? handleUi(ctx, parsed.data) : reject('malformed');
      });
    },
    /** On worker start and on every alarm: expire a token whose time is up, refresh the badge. */
    tick(): Promise<void> {
      return serial(async () => {
        await commit(expireIfDue(await load(), platform.now()));
      });
    },
    /** The "fill-now" keyboard shortcut on the active tab: fill there, or let the page's card say why not. */
    fillNow(tabId: number): Promise<void> {
      return serial(async () => {
        const now = platform.now();
        const s = await ctx.loadCurrent(now);
        if (s.pages[tabId]?.role !== 'target') return void reject('no-tab');
        if (s.secret) return void (await fillHere(ctx, s, tabId, now));
        await platform.sendTab(tabId, { type: 'bg/fill-here' }).catch(() => undefined);
      });
    },
    tabClosed(tabId: number): Promise<void> {
      return serial(async () => {
        await commit(closeTab(await load(), tabId, platform.now()));
      });
    },
  };
}
