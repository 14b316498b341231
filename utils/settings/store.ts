// Reads and writes the settings in storage.local (not secret: the source script reads which IdPs are on), with the
// organisation's policy from storage.managed on top. The IdP scripts ask the background instead (page/settings).
import { browser } from 'wxt/browser';
import { NO_POLICY, readPolicy, type ReadPolicy } from '../policy/managed';
import { effectiveSettings, userSettings } from '../policy/merge';
import { isSettings, type Settings } from './settings';
import { SETTINGS_KEY } from '../storage-keys';

/** What IT deployed; nothing when the browser has no managed storage or no policy for us (it rejects then). */
async function managedStorage(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    return undefined;
  }
}

export async function loadPolicy(): Promise<ReadPolicy> {
  return readPolicy(await managedStorage());
}

/** What the user chose (the options page edits this), before the policy is applied. */
export async function loadUserSettings(policy = NO_POLICY): Promise<Settings> {
  return userSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY], policy);
}

/** What the extension obeys: the user's settings with every managed value winning. */
export async function loadSettings(): Promise<Settings> {
  const { policy } = await loadPolicy();
  return effectiveSettings(await loadUserSettings(policy), policy);
}

/** Stores only a value that passes the schema; returns whether it was stored. */
export async function saveSettings(settings: Settings): Promise<boolean> {
  if (!isSettings(settings)) return false;
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
  return true;
}
