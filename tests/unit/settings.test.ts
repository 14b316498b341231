// Settings: the reader keeps bad values out, a version-1 value is migrated rather than lost, and the zod-free
// reader agrees with the zod spec below on every value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ADAPTER_ID_PATTERN } from '../../utils/protocol-constants';
import { DEFAULT_SETTINGS, isSettings, parseSettings, ROTATION_INTERVAL_DAYS, siteEnabled, TOKEN_LIFETIME_MINUTES } from '../../utils/settings/settings';
import { loadSettings, saveSettings } from '../../utils/settings/store';
import { assertSameResults, candidates, zodResult } from './zod-agreement';

/** The stored formats, as zod schemas: the spec utils/settings/settings.ts implements without zod. */
const LIFETIME = z.number().check(z.int(), z.minimum(TOKEN_LIFETIME_MINUTES.min), z.maximum(TOKEN_LIFETIME_MINUTES.max));
const SettingsV1 = z.strictObject({ version: z.literal(1), tokenLifetimeMinutes: LIFETIME, autoSave: z.boolean() });
const SettingsV2 = z.strictObject({
  version: z.literal(2),
  tokenLifetimeMinutes: LIFETIME,
  autoSave: z.boolean(),
  askBeforeFill: z.boolean(),
  disabledSites: z.array(z.string().check(z.regex(ADAPTER_ID_PATTERN))),
  guideMode: z.boolean(),
});
const SettingsV3 = z.strictObject({
  ...SettingsV2.shape,
  version: z.literal(3),
  rotationIntervalDays: z.number().check(z.int(), z.minimum(ROTATION_INTERVAL_DAYS.min), z.maximum(ROTATION_INTERVAL_DAYS.max)),
});
function specParse(raw: unknown) {
  const current = SettingsV3.safeParse(raw);
  if (current.success) return current.data;
  const v2 = SettingsV2.safeParse(raw);
  if (v2.success) return { ...v2.data, version: 3, rotationIntervalDays: DEFAULT_SETTINGS.rotationIntervalDays };
  const v1 = SettingsV1.safeParse(raw);
  return v1.success ? { ...DEFAULT_SETTINGS, tokenLifetimeMinutes: v1.data.tokenLifetimeMinutes, autoSave: v1.data.autoSave } : DEFAULT_SETTINGS;
}

const lifetime = fc.integer({ min: TOKEN_LIFETIME_MINUTES.min, max: TOKEN_LIFETIME_MINUTES.max });
const siteId = fc.stringMatching(ADAPTER_ID_PATTERN);
const stored = fc.oneof(
  fc.record({ version: fc.constant(1), tokenLifetimeMinutes: lifetime, autoSave: fc.boolean() }),
  fc.record({
    version: fc.constant(2),
    tokenLifetimeMinutes: lifetime,
    autoSave: fc.boolean(),
    askBeforeFill: fc.boolean(),
    disabledSites: fc.array(siteId, { maxLength: 4 }),
    guideMode: fc.boolean(),
  }),
  fc.record({
    version: fc.constant(3),
    tokenLifetimeMinutes: lifetime,
    autoSave: fc.boolean(),
    askBeforeFill: fc.boolean(),
    disabledSites: fc.array(siteId, { maxLength: 4 }),
    guideMode: fc.boolean(),
    rotationIntervalDays: fc.integer({ min: ROTATION_INTERVAL_DAYS.min, max: ROTATION_INTERVAL_DAYS.max }),
  }),
);
/** Edge values for any field: boundaries, wrong types, odd arrays (holes, bad ids), junk. */
const piece = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 60, 61, 90, 3650, 3651, 1.5, -0, Number.NaN, Infinity, '10', true, false, null, undefined),
  fc.constantFrom([], ['okta'], ['<script>'], ['okta', 1], [, 'okta'], 'okta', {}), // eslint-disable-line no-sparse-arrays
  fc.array(fc.oneof(siteId, fc.string()), { maxLength: 3 }),
  fc.anything(),
);
const settingsKeys = ['version', 'tokenLifetimeMinutes', 'autoSave', 'askBeforeFill', 'disabledSites', 'guideMode', 'rotationIntervalDays', 'extra'];

describe('settings', () => {
  it('the zod-free reader agrees with the zod spec, migration and fallback included', () => {
    const values = candidates(stored, settingsKeys, piece);
    assertSameResults(specParse, parseSettings, values);
    assertSameResults((raw) => zodResult(SettingsV3)(raw) !== undefined, isSettings, values);
  });

  it('migrates version 1, keeping what the user chose', () => {
    const migrated = parseSettings({ version: 1, tokenLifetimeMinutes: 25, autoSave: true });
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, tokenLifetimeMinutes: 25, autoSave: true });
    expect(migrated.guideMode).toBe(false);
    expect(migrated.askBeforeFill).toBe(false);
  });

  it('migrates version 2, keeping what the user chose; the rotation reminder starts off', () => {
    const v2 = { version: 2, tokenLifetimeMinutes: 5, autoSave: false, askBeforeFill: true, disabledSites: ['okta'], guideMode: true };
    expect(parseSettings(v2)).toEqual({ ...v2, version: 3, rotationIntervalDays: 0 });
  });

  it.each([
    ['nothing stored', undefined],
    ['a rotation interval out of range', { ...DEFAULT_SETTINGS, rotationIntervalDays: 4000 }],
    ['a lifetime out of range', { ...DEFAULT_SETTINGS, tokenLifetimeMinutes: 600 }],
    ['an unknown version', { ...DEFAULT_SETTINGS, version: 4 }],
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
