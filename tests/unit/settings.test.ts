// Settings: the schema keeps bad values out, and a version-1 value is migrated rather than lost.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, siteEnabled } from '../../utils/settings';
import { loadSettings, saveSettings } from '../../utils/settings-store';

describe('settings', () => {
  it('migrates version 1, keeping what the user chose', () => {
    const migrated = parseSettings({ version: 1, tokenLifetimeMinutes: 25, autoSave: true });
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, version: 2, tokenLifetimeMinutes: 25, autoSave: true });
    expect(migrated.guideMode).toBe(false);
    expect(migrated.askBeforeFill).toBe(false);
  });

  it.each([
    ['nothing stored', undefined],
    ['a lifetime out of range', { ...DEFAULT_SETTINGS, tokenLifetimeMinutes: 600 }],
    ['an unknown version', { ...DEFAULT_SETTINGS, version: 3 }],
    ['an unknown key', { ...DEFAULT_SETTINGS, sendTokenTo: 'https://evil.example' }],
    ['a malformed site id', { ...DEFAULT_SETTINGS, disabledSites: ['<script>'] }],
    ['a broken version 1', { version: 1, tokenLifetimeMinutes: 0, autoSave: true }],
  ])('falls back to the defaults for %s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('switches sites off by adapter id', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['okta'] };
    expect(siteEnabled(settings, 'okta')).toBe(false);
    expect(siteEnabled(settings, 'invision')).toBe(true);
  });

  it('stores only valid settings and reads back what it stored', async () => {
    expect(await saveSettings({ ...DEFAULT_SETTINGS, tokenLifetimeMinutes: 0 })).toBe(false);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const mine = { ...DEFAULT_SETTINGS, askBeforeFill: true, disabledSites: ['invision'] };
    expect(await saveSettings(mine)).toBe(true);
    expect(await loadSettings()).toEqual(mine);
  });
});
