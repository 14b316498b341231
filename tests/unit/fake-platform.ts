// The browser behind the relay service, faked for unit tests: state in a variable, every effect recorded.
import type { BackgroundToContent } from '../../utils/protocol';
import type { RelayPlatform } from '../../utils/relay-service';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';

export const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${RUNTIME_ID}`;
export const NOW = 1_700_000_000_000;

export function recordingPlatform(initial?: unknown, now = NOW) {
  let stored: unknown = initial === undefined ? undefined : structuredClone(initial);
  let pairings: unknown;
  const calls = {
    saves: 0,
    sends: [] as { tabId: number; message: BackgroundToContent }[],
    badges: [] as { text: string; color: string }[],
    notes: [] as { title: string; message: string }[],
    alarms: [] as ({ name: string; when: number } | { clear: string })[],
    logs: [] as [string, Record<string, string | number | boolean> | undefined][],
  };
  const platform: RelayPlatform = {
    runtimeId: RUNTIME_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    loadState: async () => structuredClone(stored),
    saveState: async (state) => {
      calls.saves++;
      stored = structuredClone(state);
    },
    loadSettings: async () => DEFAULT_SETTINGS,
    loadPairings: async () => structuredClone(pairings),
    savePairings: async (value) => void (pairings = structuredClone(value)),
    sendTab: async (tabId, message) => void calls.sends.push({ tabId, message }),
    setBadge: async (text, color) => void calls.badges.push({ text, color }),
    notify: async (title, message) => void calls.notes.push({ title, message }),
    setAlarm: async (name, when) => void calls.alarms.push({ name, when }),
    clearAlarm: async (name) => void calls.alarms.push({ clear: name }),
    now: () => now,
    log: (event, detail) => void calls.logs.push([event, detail]),
  };
  /** The reasons of every rejection logged since the last reset. */
  const rejections = () => calls.logs.filter(([event]) => event === 'rejected').map(([, detail]) => String(detail?.reason));
  return { platform, calls, stored: () => stored, rejections };
}
