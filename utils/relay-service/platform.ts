// The browser as the relay service sees it: entrypoints/background.ts implements it with the real APIs, unit tests
// with a recording fake (tests/unit/fake-platform.ts), so every path of the service runs without a browser.
import type { SourceAdapter } from '../adapters/types';
import type { ManagedPolicy } from '../policy/managed';
import type { BackgroundToContent } from '../protocol';
import type { RelayState } from '../relay';
import type { RotationEntry } from '../rotation/record';
import type { storedPairings } from '../pairing';
import type { Settings } from '../settings/settings';

/** Who sent a runtime message, as the browser stamped it. */
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
