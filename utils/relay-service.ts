// The background's router: checks who sent each message and what it holds, runs the pure relay transition
// under a lock, persists the state in session storage and carries out the effects. The browser sits behind
// RelayPlatform so unit tests drive every path.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { adapterById } from './adapters';
import type { Adapter, SourceAdapter } from './adapters/types';
import { checkHost } from './hosts';
import { ContentToBackground, UiToBackground, type BackgroundToContent } from './protocol';
import {
  INITIAL_STATE,
  RelayState,
  allowTab,
  badgeFor,
  capture,
  closeTab,
  expireIfDue,
  forget,
  progress,
  reportPage,
  requestFill,
  result,
  saved,
  viewFor,
  type Transition,
} from './relay';
import type { Settings } from './settings';

export const EXPIRY_ALARM = 'relay-expiry';
export const BADGE_ALARM = 'relay-badge';
export const UI_PAGES = ['/popup.html', '/options.html'];

export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface RelayPlatform {
  runtimeId: string;
  /** e.g. chrome-extension://<id> */
  extensionOrigin: string;
  loadState(): Promise<unknown>;
  saveState(state: RelayState): Promise<void>;
  loadSettings(): Promise<Settings>;
  sendTab(tabId: number, message: BackgroundToContent): Promise<void>;
  setBadge(text: string, color: string): Promise<void>;
  notify(title: string, message: string): Promise<void>;
  setAlarm(name: string, when: number, periodMinutes?: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  now(): number;
  /** Content-free diagnostics: reasons and message types only. */
  log(event: string, detail?: Record<string, string | number | boolean>): void;
}

export type Rejection =
  | 'foreign-extension'
  | 'malformed'
  | 'no-tab'
  | 'sub-frame'
  | 'unknown-adapter'
  | 'wrong-role'
  | 'wrong-origin'
  | 'not-an-extension-page';

function matchesAdapter(url: string, adapter: Adapter): boolean {
  try {
    return adapter.matches.some((pattern) => new MatchPattern(pattern).includes(url));
  } catch {
    return false;
  }
}

/** Content scripts: our extension, a real tab, the top frame, and a page the named adapter may act on. */
function checkContentSender(message: ContentToBackground, sender: MessageSender): Rejection | { tabId: number; origin: string } {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return 'no-tab';
  if (sender.frameId !== 0) return 'sub-frame';
  const adapter = adapterById(message.adapterId);
  if (!adapter) return 'unknown-adapter';
  const needsRole = message.type === 'source/captured' ? 'source' : message.type.startsWith('target/') ? 'target' : adapter.role;
  if (adapter.role !== needsRole) return 'wrong-role';
  const url = sender.url ?? '';
  if (!matchesAdapter(url, adapter)) return 'wrong-origin';
  const host = checkHost(url, adapter.hosts);
  if (sender.origin && host.ok && sender.origin !== host.origin) return 'wrong-origin';
  // Only "this is not an admin host" may come from a host the adapter does not act on.
  const harmless = message.type === 'page/status' && message.status.code === 'not-admin-host';
  if (!host.ok && !harmless) return 'wrong-origin';
  return { tabId, origin: host.ok ? host.origin : new URL(url).origin };
}

export function createRelayService(platform: RelayPlatform) {
  let lock: Promise<unknown> = Promise.resolve();

  /** One transition at a time: messages arrive concurrently, the state is read-modify-write. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = lock.then(fn);
    lock = next.catch(() => undefined);
    return next;
  }

  async function load(): Promise<RelayState> {
    const parsed = RelayState.safeParse(await platform.loadState());
    return parsed.success ? parsed.data : INITIAL_STATE;
  }

  async function commit<R>(transition: Transition<R>): Promise<R> {
    await platform.saveState(transition.state);
    const now = platform.now();
    const badge = badgeFor(transition.state, now);
    await platform.setBadge(badge.text, badge.color);
    for (const effect of transition.effects) {
      switch (effect.kind) {
        case 'send-tab':
          // The tab may be gone or have no listener any more; that is not an error for the relay.
          await platform.sendTab(effect.tabId, effect.message).catch(() => undefined);
          break;
        case 'notify':
          await platform.notify(effect.title, effect.message);
          break;
        case 'schedule-expiry':
          await platform.setAlarm(EXPIRY_ALARM, effect.at);
          await platform.setAlarm(BADGE_ALARM, now + 60_000, 1);
          break;
        case 'clear-expiry':
          await platform.clearAlarm(EXPIRY_ALARM);
          await platform.clearAlarm(BADGE_ALARM);
          break;
      }
    }
    return transition.reply;
  }

  function reject(reason: Rejection): undefined {
    platform.log('rejected', { reason });
    return undefined;
  }

  async function handleContent(message: ContentToBackground, sender: MessageSender): Promise<unknown> {
    const checked = checkContentSender(message, sender);
    if (typeof checked === 'string') return reject(checked);
    const { tabId, origin } = checked;
    const now = platform.now();
    const state = expireIfDue(await load(), now);
    if (state.effects.length) await commit(state);
    const s = state.state;
    switch (message.type) {
      case 'source/captured': {
        const settings = await platform.loadSettings();
        const lifetime = settings.tokenLifetimeMinutes * 60_000;
        const source = adapterById(message.adapterId) as SourceAdapter;
        const scimUrl = message.scimUrl && source.scimUrl.pattern.test(message.scimUrl) ? message.scimUrl : undefined;
        return commit(capture(s, { token: message.token, scimUrl, adapterId: message.adapterId, origin }, now, lifetime));
      }
      case 'page/status': {
        const role = adapterById(message.adapterId)!.role;
        return commit(reportPage(s, tabId, { adapterId: message.adapterId, role, origin, status: message.status }, now));
      }
      case 'target/ready': {
        const settings = await platform.loadSettings();
        const request = { tabId, adapterId: message.adapterId, origin, appLabel: message.appLabel, expectedApp: message.expectedApp };
        return commit(requestFill(s, request, now, settings.autoSave));
      }
      case 'target/progress':
        return commit(progress(s, tabId, message.step, now));
      case 'target/result':
        return commit(result(s, tabId, message, now));
      case 'target/saved':
        return commit(saved(s, tabId, message, now));
    }
  }

  async function handleUi(message: UiToBackground): Promise<unknown> {
    const now = platform.now();
    const loaded = expireIfDue(await load(), now);
    if (loaded.effects.length) await commit(loaded);
    const s = loaded.state;
    switch (message.type) {
      case 'ui/get-state':
        return viewFor(s, message.tabId, now);
      case 'ui/forget':
        await commit(forget(s, now));
        return viewFor((await load()), undefined, now);
      case 'ui/save':
        if (s.phase === 'verified' && s.target) await platform.sendTab(s.target.tabId, { type: 'bg/save' }).catch(() => undefined);
        return undefined;
      case 'ui/fill-here':
        if (s.pages[message.tabId]?.role !== 'target') return reject('no-tab');
        await commit(allowTab(s, message.tabId, now));
        return undefined;
    }
  }

  return {
    /** Entry point for runtime.onMessage: returns the reply, or undefined for anything rejected. */
    handle(raw: unknown, sender: MessageSender): Promise<unknown> {
      return serial(async () => {
        if (sender.id !== platform.runtimeId) return reject('foreign-extension');
        if (sender.tab) {
          const parsed = ContentToBackground.safeParse(raw);
          return parsed.success ? handleContent(parsed.data, sender) : reject('malformed');
        }
        if (!UI_PAGES.some((page) => sender.url?.startsWith(`${platform.extensionOrigin}${page}`))) return reject('not-an-extension-page');
        const parsed = UiToBackground.safeParse(raw);
        return parsed.success ? handleUi(parsed.data) : reject('malformed');
      });
    },
    /** On worker start and on every alarm: expire a token whose time is up, refresh the badge. */
    tick(): Promise<void> {
      return serial(async () => {
        await commit(expireIfDue(await load(), platform.now()));
      });
    },
    tabClosed(tabId: number): Promise<void> {
      return serial(async () => {
        await commit(closeTab(await load(), tabId, platform.now()));
      });
    },
  };
}
