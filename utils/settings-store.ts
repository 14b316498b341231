// Reads and writes the settings in storage.local (not secret; content scripts may read them to stay quiet on
// sites the user switched off, or to show the guide).
import { browser } from 'wxt/browser';
import { isSettings, parseSettings, type Settings } from './settings';
import { SETTINGS_KEY } from './storage-keys';

export async function loadSettings(): Promise<Settings> {
  return parseSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Stores only a value that passes the schema; returns whether it was stored. */
export async function saveSettings(settings: Settings): Promise<boolean> {
  if (!isSettings(settings)) return false;
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return true;
}
