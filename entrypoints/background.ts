// Service worker: wires the relay service to the browser. All logic lives in utils/relay-service/.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createRelayService, type MessageSender } from '../utils/relay-service';
import { syncCustomSourceScripts } from '../utils/custom-sources/scripts';
import { CUSTOM_SOURCES_KEY, parseCustomSources, toAdapter } from '../utils/custom-sources/sources';
import { loadRecord, updateRecord } from '../utils/rotation/store';
import { ROTATION_ALARM, ROTATION_CHECK_MINUTES, rotationNotices } from '../utils/rotation/reminder';
import { parseVouchReply, VOUCH_REQUEST, type VouchRequest } from '../utils/engine/frames-vouch';
import { PAIRINGS_KEY } from '../utils/pairing';
import { rememberIdp } from '../utils/idp-words';
import { loadPolicy, loadSettings } from '../utils/settings/store';
import { STATE_KEY } from '../utils/storage-keys';

export default defineBackground(() => {
  // Session storage is memory-only; make sure no content script can read it, whatever the browser's default.
  void browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);

  let lastIdp: string | undefined; // the IdP words and guides name next time (utils/idp-words.ts)
  const relay = createRelayService({
    runtimeId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    loadState: async () => (await browser.storage.session.get(STATE_KEY))[STATE_KEY],
    saveState: async (state) => {
      await browser.storage.session.set({ [STATE_KEY]: state });
      if (state.target && state.target.adapterId !== lastIdp) await rememberIdp((lastIdp = state.target.adapterId));
    },
    loadSettings,
    loadPolicy: async () => (await loadPolicy()).policy,
    updateRecord,
    loadPairings: async () => (await browser.storage.local.get(PAIRINGS_KEY))[PAIRINGS_KEY],
    savePairings: (value) => browser.storage.local.set({ [PAIRINGS_KEY]: value }),
    loadCustomSources: async () => (await loadCustomSources()).map(toAdapter),
    sendTab: async (tabId, message) => {
      await browser.tabs.sendMessage(tabId, message);
    },
    setBadge: async (text, color) => {
      await browser.action.setBadgeText({ text });
      await browser.action.setBadgeBackgroundColor({ color });
    },
    notify: async (title, message) => {
      await browser.notifications.create({ type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    },
    setAlarm: async (name, when, periodInMinutes) => {
      await browser.alarms.create(name, periodInMinutes ? { when, periodInMinutes } : { when });
    },
    clearAlarm: async (name) => {
      await browser.alarms.clear(name);
    },
    now: () => Date.now(),
    log: (event, detail) => console.info(`[scim-relay] ${event}`, detail ?? {}),
    vouchForFrame: async (tabId, frameOrigin) => {
      const request: VouchRequest = { type: VOUCH_REQUEST, frameOrigin };
      return parseVouchReply(await browser.tabs.sendMessage(tabId, request, { frameId: 0 }).catch(() => undefined));
    },
    environment: () => ({ extensionVersion: browser.runtime.getManifest().version, browser: navigator.userAgent }),
  });

  // sendResponse + `return true` works in Chromium, Firefox and WXT's fake browser alike.
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender, sendResponse: (reply: unknown) => void) => {
    relay.handle(message, sender).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
  browser.alarms.onAlarm.addListener((alarm) => void (alarm.name === ROTATION_ALARM ? remindRotations() : relay.tick()));
  // Created once, not on every worker start: re-creating would push the daily check back each time.
  void browser.alarms.get(ROTATION_ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ROTATION_ALARM, { delayInMinutes: 1, periodInMinutes: ROTATION_CHECK_MINUTES });
  });
  browser.tabs.onRemoved.addListener((tabId) => void relay.tabClosed(tabId));
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'fill-now') return;
    // Without the "tabs" permission the active tab still comes with its id, which is all the relay needs.
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await relay.fillNow(tabId);
  });
  void relay.tick();

  // User-defined sources: one registered script per source whose origin the user granted in the options page.
  const syncScripts = async () =>
    syncCustomSourceScripts(await loadCustomSources(), {
      registeredIds: async () => (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id),
      register: (scripts) => browser.scripting.registerContentScripts(scripts),
      unregister: (ids) => browser.scripting.unregisterContentScripts({ ids }),
      granted: (origins) => browser.permissions.contains({ origins }),
    }).catch((error: unknown) => console.info('[scim-relay] custom sources not registered', { reason: String(error) }));
  browser.storage.onChanged.addListener((changes, area) => {
    // The organisation may allow or forbid user-defined sources at any time.
    if ((area === 'local' && CUSTOM_SOURCES_KEY in changes) || area === 'managed') void syncScripts();
  });
  browser.permissions.onAdded.addListener(() => void syncScripts());
  browser.permissions.onRemoved.addListener(() => void syncScripts());
  void syncScripts();
});

/** User-defined sources, unless the organisation's policy forbids them (then none works, none is registered). */
async function loadCustomSources() {
  if ((await loadPolicy()).policy.userSourcesAllowed === false) return [];
  return parseCustomSources((await browser.storage.local.get(CUSTOM_SOURCES_KEY))[CUSTOM_SOURCES_KEY]).sources;
}

async function remindRotations() {
  const notices = rotationNotices(await loadRecord(), (await loadSettings()).rotationIntervalDays, Date.now());
  for (const { id, title, message } of notices) {
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
  }
}
