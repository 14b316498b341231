// The stored settings under a managed policy, through the browser's storage: no policy (absent, empty or a
// rejecting storage.managed) means the user's settings alone; a policy wins where it speaks and leaves the
// user's stored choice alone.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { loadPolicy, loadSettings, loadUserSettings, saveSettings } from '../../utils/settings/store';

const mine = { ...DEFAULT_SETTINGS, tokenLifetimeMinutes: 30, autoSave: true, disabledSites: ['entra'] };

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('settings under a managed policy', () => {
  it('without a policy the user settings are obeyed, whether storage.managed is empty or rejects', async () => {
    await saveSettings(mine);
    expect(await loadSettings()).toEqual(mine);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await loadSettings()).toEqual(mine);
    expect(await loadPolicy()).toEqual({ policy: {}, invalidKeys: [] });
  });

  it('a policy wins where it speaks, and the user’s stored choice stays theirs', async () => {
    await saveSettings(mine);
    await fakeBrowser.storage.managed.set({ maxTokenLifetimeMinutes: 5, autoSaveAllowed: false, enabledIdps: ['okta'], rotationIntervalDays: 90 });
    expect(await loadSettings()).toEqual({ ...mine, tokenLifetimeMinutes: 5, autoSave: false, disabledSites: ['entra', 'onelogin'], rotationIntervalDays: 90 });
    expect(await loadUserSettings((await loadPolicy()).policy)).toEqual(mine);
  });
});
