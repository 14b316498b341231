// User settings: versioned and validated, so a corrupt or older stored value falls back to safe defaults, and a
// value stored by an older version is migrated rather than thrown away. Read by every content script, so checked
// without zod (utils/check.ts); tests/unit/settings.test.ts holds the zod spec and proves the reader agrees with it.
import { arrayOf, isBoolean, isIntIn, isString, matches, type Shape } from '../check';
import { ADAPTER_ID_PATTERN } from '../protocol-constants';

export const TOKEN_LIFETIME_MINUTES = { min: 1, max: 60, default: 10 }; // minutes: long enough to switch tabs, short for a secret
export const ROTATION_INTERVAL_DAYS = { min: 0, max: 3650 }; // 0 = no reminder; ten years is the longest sensible

export interface Settings {
  version: 3;
  tokenLifetimeMinutes: number;
  /** Off by default: a person decides when the IdP keeps the new token. */
  autoSave: boolean;
  /** The in-page card asks before the token is typed anywhere; the token leaves the background only after a yes. */
  askBeforeFill: boolean;
  /** Adapter ids switched off: their pages are left alone. A list of the off ones, so new adapters start on. */
  disabledSites: string[];
  /** The step-by-step guide shows on the InVision and Okta pages. Off by default: admins get the plain hand-off. */
  guideMode: boolean;
  /** Days after a saved rotation before a reminder that the IdP org's token is due; 0 (the default) means never. */
  rotationIntervalDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 3,
  tokenLifetimeMinutes: TOKEN_LIFETIME_MINUTES.default,
  autoSave: false,
  askBeforeFill: false,
  disabledSites: [],
  guideMode: false,
  rotationIntervalDays: 0,
};

const isLifetime = isIntIn(TOKEN_LIFETIME_MINUTES.min, TOKEN_LIFETIME_MINUTES.max);
/** Version 1 knew lifetime and auto-save; everything added since takes its default. */
const VERSION_1: Shape = { version: (v) => v === 1, tokenLifetimeMinutes: isLifetime, autoSave: isBoolean };
const VERSION_2: Shape = {
  ...VERSION_1,
  version: (v) => v === 2,
  askBeforeFill: isBoolean,
  disabledSites: arrayOf(isString((id) => ADAPTER_ID_PATTERN.test(id))),
  guideMode: isBoolean,
};
/** Version 3 added the rotation reminder. */
const VERSION_3: Shape = {
  ...VERSION_2,
  version: (v) => v === 3,
  rotationIntervalDays: isIntIn(ROTATION_INTERVAL_DAYS.min, ROTATION_INTERVAL_DAYS.max),
};

export const isSettings = (raw: unknown): raw is Settings => matches(raw, VERSION_3);

export function parseSettings(raw: unknown): Settings {
  if (isSettings(raw)) return { ...raw, disabledSites: [...raw.disabledSites] };
  if (matches(raw, VERSION_2)) {
    const older = raw as unknown as Omit<Settings, 'version' | 'rotationIntervalDays'>;
    return { ...older, version: 3, rotationIntervalDays: DEFAULT_SETTINGS.rotationIntervalDays, disabledSites: [...older.disabledSites] };
  }
  if (matches(raw, VERSION_1)) return { ...DEFAULT_SETTINGS, tokenLifetimeMinutes: raw.tokenLifetimeMinutes as number, autoSave: raw.autoSave as boolean };
  return DEFAULT_SETTINGS;
}

export function siteEnabled(settings: Settings, adapterId: string): boolean {
  return !settings.disabledSites.includes(adapterId);
}
