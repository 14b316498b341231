// The background's router: checks who sent each message and what it holds, runs the pure relay transition
// under a lock, persists the state in session storage and carries out the effects. The browser sits behind
// RelayPlatform so unit tests drive every path.
import { MatchPattern } from 'wxt/utils/match-patterns';
import { adapterById } from './adapters';
import type { Adapter, SourceAdapter, TargetAdapter } from './adapters/types';
import { diagnosticsReport } from './diagnostics';
import { checkHost, isAllowedOrigin } from './hosts';
import { ContentToBackground, UiToBackground, type BackgroundToContent, type FillGrant } from './protocol';
import {
  INITIAL_STATE,
  RelayState,
  allowTab,
  answerReplace,
  badgeFor,
  closeTab,
  expireIfDue,
  forget,
  noteChanges,
  offerCapture,
  progress,
  reportPage,
  requestFill,
  result,
  saved,
  trustedClick,
  viewFor,
  type PairingCheck,
  type Transition,
} from './relay';
import { hostAllowed, type ManagedPolicy } from './policy/managed';
import { POLICY_REFUSAL } from './policy/refusal';
import { recordChange, type RotationEntry } from './rotation/record';
import { hostOf, pairingVerdict, parsePairings, rememberPair, storedPairings } from './pairing';
import { siteEnabled, type Settings } from './settings/settings';
import { redact, SHOWN_FRAGMENT_LIMIT } from './token';

/** A Base URL the source page may name: the adapter's shape, on the very origin that showed the token. */
function isBaseUrlOf(url: string, source: SourceAdapter, origin: string): boolean {
  if (!source.scimUrl.pattern.test(url)) return false;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export const EXPIRY_ALARM = 'relay-expiry';
export const BADGE_ALARM = 'relay-badge';
const UNKNOWN_ENVIRONMENT = { extensionVersion: 'unknown', browser: 'unknown' };
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
  /** The organisation's policy (storage.managed); none when absent. */
  loadPolicy?(): Promise<ManagedPolicy>;
  /** Applies a change to the rotation record in storage.local (utils/rotation/record.ts). */
  updateRecord?(change: (record: RotationEntry[]) => RotationEntry[]): Promise<void>;
  /** Tenant binding (utils/pairing.ts): which source org each IdP org was paired with, in storage.local. */
  loadPairings(): Promise<unknown>;
  savePairings(value: ReturnType<typeof storedPairings>): Promise<void>;
  /** Sources the user defined in the options page (utils/custom-sources/sources.ts); none when absent. */
  loadCustomSources?(): Promise<SourceAdapter[]>;
  sendTab(tabId: number, message: BackgroundToContent): Promise<void>;
  setBadge(text: string, color: string): Promise<void>;
  notify(title: string, message: string): Promise<void>;
  setAlarm(name: string, when: number, periodMinutes?: number): Promise<void>;
  clearAlarm(name: string): Promise<void>;
  now(): number;
  /** Content-free diagnostics: reasons and message types only. */
  log(event: string, detail?: Record<string, string | number | boolean>): void;
  /**
   * Asks the tab's top frame whether it vouches for a frame on `frameOrigin` (Firefox has no ancestorOrigins):
   * the top page's origin as our script there reads it, or undefined. Only our script on an allowed host answers.
   */
  vouchForFrame?(tabId: number, frameOrigin: string): Promise<string | undefined>;
  /** For diagnostics: the extension's version and the browser's user agent. */
  environment?(): { extensionVersion: string; browser: string };
}

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

interface CheckedSender {
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
function checkContentSender(message: ContentToBackground, sender: MessageSender, adapter: Adapter | undefined): Rejection | CheckedSender {
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

export function createRelayService(platform: RelayPlatform) {
  let lock: Promise<unknown> = Promise.resolve();

  /** One transition at a time: messages arrive concurrently, the state is read-modify-write. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = lock.then(fn);
    lock = next.catch(() => undefined);
    return next;
  }

  /** The state as last loaded or saved: transitions run one at a time, so it is what the next commit changes. */
  let previous: RelayState = INITIAL_STATE;

  async function load(): Promise<RelayState> {
    const parsed = RelayState.safeParse(await platform.loadState());
    previous = parsed.success ? parsed.data : INITIAL_STATE;
    return previous;
  }

  async function commit<R>(transition: Transition<R>): Promise<R> {
    const now = platform.now();
    const state = noteChanges(previous, transition.state, now);
    await platform.saveState(state);
    previous = state;
    const badge = badgeFor(state, now);
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
        case 'remember-pair':
          await platform.savePairings(storedPairings(rememberPair(parsePairings(await platform.loadPairings()), effect.source, effect.idp, now)));
          break;
      }
    }
    return transition.reply;
  }

  /** The stored state with an overdue token already expired (and that expiry committed). */
  async function loadCurrent(now: number): Promise<RelayState> {
    const loaded = expireIfDue(await load(), now);
    if (loaded.effects.length) await commit(loaded);
    return loaded.state;
  }

  function reject(reason: Rejection): undefined {
    platform.log('rejected', { reason });
    return undefined;
  }

  /** Built-in adapters first; a user-defined source can never shadow one (its ids start with "custom-"). */
  async function resolveAdapter(id: string): Promise<Adapter | undefined> {
    return adapterById(id) ?? (await platform.loadCustomSources?.())?.find((source) => source.id === id);
  }

  /** Is the tab's app the source's app? A user-defined source names its app; InVision's is known to each target. */
  async function expectedApp(s: RelayState, appLabel: string, targetSays: boolean): Promise<boolean> {
    const source = s.secret ? await resolveAdapter(s.secret.sourceAdapterId) : undefined;
    return source?.role === 'source' && source.idpAppName ? source.idpAppName.test(appLabel) : targetSays;
  }

  /** The organisation's allow-lists of source and IdP org hosts; without a list every host the adapter accepts is fine. */
  async function policyAllowsHost(role: 'source' | 'target', origin: string): Promise<boolean> {
    const policy = (await platform.loadPolicy?.()) ?? {};
    return hostAllowed(policy, role, new URL(origin).hostname);
  }

  /** A verdict adds an entry to the rotation record, a save marks it saved; the record never holds the token. */
  async function commitAndRecord(transition: Transition, before: RelayState, now: number): Promise<undefined> {
    await commit(transition);
    const change = recordChange(before, transition.state, now);
    if (change) await platform.updateRecord?.(change).catch(() => platform.log('record-not-written'));
    return undefined;
  }

  /** The token's source org and this IdP org (the tab's top host: a framed form belongs to its portal), as paired before. */
  async function checkPairing(s: RelayState, idpOrigin: string): Promise<PairingCheck | undefined> {
    const source = hostOf(s.secret?.sourceOrigin);
    const idp = hostOf(idpOrigin);
    if (!source || !idp) return undefined;
    return { source, idp, verdict: pairingVerdict(parsePairings(await platform.loadPairings()), source, idp) };
  }

  async function handleContent(message: ContentToBackground, sender: MessageSender): Promise<unknown> {
    const adapter = await resolveAdapter(message.adapterId);
    const checked = checkContentSender(message, sender, adapter);
    if (typeof checked === 'string') return reject(checked);
    const { tabId, origin } = checked;
    let topOrigin = checked.topOrigin;
    if (checked.inFrame && topOrigin === undefined) {
      topOrigin = await platform.vouchForFrame?.(tabId, origin);
      if (!topOrigin || !isAllowedOrigin(topOrigin, (adapter as TargetAdapter).hosts)) return reject('unknown-top');
    }
    const settings = await platform.loadSettings();
    // The content script stays quiet on a site switched off; this holds even if it did not.
    if (!siteEnabled(settings, message.adapterId)) return reject('site-disabled');
    const now = platform.now();
    const s = await loadCurrent(now);
    if (checked.inFrame) {
      // The browser-stamped half: this tab's top frame reported from exactly that origin, for this adapter.
      const top = s.pages[tabId];
      if (!top || top.adapterId !== message.adapterId || top.topOrigin !== topOrigin) return reject('unknown-top');
    }
    const lifetime = settings.tokenLifetimeMinutes * 60_000;
    switch (message.type) {
      case 'source/clicked':
      case 'source/captured': {
        if (!(await policyAllowsHost('source', origin))) {
          reject('org-policy');
          return POLICY_REFUSAL;
        }
        // The browser-stamped path, not the page's word: only the SCIM settings route may arm or show a token.
        const path = new URL(sender.url ?? origin).pathname;
        const source = adapter as SourceAdapter;
        if (!source.routes.some((route) => route.test(path))) return reject('off-route');
        if (message.type === 'source/clicked') return commit(trustedClick(s, { tabId, origin }, now));
        const { token } = message;
        const scimUrl = message.scimUrl && isBaseUrlOf(message.scimUrl, source, origin) ? message.scimUrl : undefined;
        const title = message.title === undefined ? undefined : redact(message.title, token, SHOWN_FRAGMENT_LIMIT);
        return commit(offerCapture(s, { token, scimUrl, adapterId: message.adapterId, origin, tabId, path, title }, now, lifetime));
      }
      case 'source/replace':
        return commit(answerReplace(s, { tabId, replace: message.replace }, now));
      case 'page/status': {
        // A framed blade cannot read the portal's title or header: the top page's reading of the app stays.
        const topLabel = checked.inFrame && !message.status.appLabel ? s.pages[tabId]?.status.appLabel : undefined;
        const status = topLabel ? { ...message.status, appLabel: topLabel } : message.status;
        const page = { adapterId: message.adapterId, role: adapter!.role, origin, topOrigin, status };
        return commit(reportPage(s, tabId, page, now));
      }
      case 'target/ready': {
        if (!(await policyAllowsHost('target', topOrigin ?? origin))) {
          reject('org-policy');
          return { kind: 'wait', reason: 'org-policy' } satisfies FillGrant;
        }
        // A frame that reads no name goes by the top page's reading, as reported by the tab's top frame.
        const appLabel = message.appLabel || (checked.inFrame ? (s.pages[tabId]?.status.appLabel ?? '') : '');
        const expected = await expectedApp(s, appLabel, message.appLabel ? message.expectedApp : false);
        const { confirmed } = message;
        const pairing = await checkPairing(s, topOrigin ?? origin);
        const request = { tabId, adapterId: message.adapterId, origin, appLabel, expectedApp: expected, confirmed, pairing };
        // The guide never acts unasked: with it on, the card asks before filling too.
        return commit(requestFill(s, request, now, settings.autoSave, settings.askBeforeFill || settings.guideMode));
      }
      case 'target/notice': {
        const filling = s.target?.tabId === tabId && s.target.adapterId === message.adapterId;
        if (!filling || !(adapter as TargetAdapter).frames?.verdictInTop || (s.phase !== 'filling' && s.phase !== 'verified')) return undefined;
        await platform.sendTab(tabId, { type: 'bg/notice', message: redact(message.message, s.secret?.token) }).catch(() => undefined);
        return undefined;
      }
      case 'target/progress':
        return commit(progress(s, tabId, message.step, now));
      case 'target/result':
        return commitAndRecord(result(s, tabId, message, now), s, now);
      case 'target/saved':
        return commitAndRecord(saved(s, tabId, message, now), s, now);
      case 'guide/phase':
        return { phase: s.phase };
    }
  }

  async function handleUi(message: UiToBackground): Promise<unknown> {
    const now = platform.now();
    const s = await loadCurrent(now);
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
        return fillHere(s, message.tabId, now);
      case 'ui/diagnostics':
        return diagnosticsReport({
          state: s,
          settings: await platform.loadSettings(),
          managedKeys: Object.keys((await platform.loadPolicy?.()) ?? {}),
          now,
          ...(platform.environment?.() ?? UNKNOWN_ENVIRONMENT),
        });
    }
  }

  /** The user asked to fill this tab (popup button or keyboard shortcut); only a target page qualifies. */
  async function fillHere(s: RelayState, tabId: number, now: number): Promise<undefined> {
    if (s.pages[tabId]?.role !== 'target') return reject('no-tab');
    await commit(allowTab(s, tabId, now));
    return undefined;
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
    /** The "fill-now" keyboard shortcut on the active tab: fill there, or let the page's card say why not. */
    fillNow(tabId: number): Promise<void> {
      return serial(async () => {
        const now = platform.now();
        const s = await loadCurrent(now);
        if (s.pages[tabId]?.role !== 'target') return void reject('no-tab');
        if (s.secret) return void (await fillHere(s, tabId, now));
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
