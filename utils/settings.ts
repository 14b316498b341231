// User settings: versioned and zod-validated, so a corrupt or older stored value falls back to safe defaults, and
// a value stored by an older version is migrated rather than thrown away.
import * as z from 'zod/mini';

export const TOKEN_LIFETIME_MINUTES = { min: 1, max: 60, default: 10 }; // minutes: long enough to switch tabs, short for a secret

const LIFETIME = z.number().check(z.int(), z.minimum(TOKEN_LIFETIME_MINUTES.min), z.maximum(TOKEN_LIFETIME_MINUTES.max));
const ADAPTER_ID = z.string().check(z.regex(/^[a-z][a-z0-9-]{1,31}$/));

const SettingsV1 = z.strictObject({
  version: z.literal(1),
  tokenLifetimeMinutes: LIFETIME,
  autoSave: z.boolean(),
});

export const Settings = z.strictObject({
  version: z.literal(2),
  tokenLifetimeMinutes: LIFETIME,
  /** Off by default: a person decides when the IdP keeps the new token. */
  autoSave: z.boolean(),
  /** The in-page card asks before the token is typed anywhere; the token leaves the background only after a yes. */
  askBeforeFill: z.boolean(),
  /** Adapter ids switched off: their pages are left alone. A list of the off ones, so new adapters start on. */
  disabledSites: z.array(ADAPTER_ID),
  /** The step-by-step guide shows on the InVision and Okta pages. Off by default: admins get the plain hand-off. */
  guideMode: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: 2,
  tokenLifetimeMinutes: TOKEN_LIFETIME_MINUTES.default,
  autoSave: false,
  askBeforeFill: false,
  disabledSites: [],
  guideMode: false,
};

export function parseSettings(raw: unknown): Settings {
  const current = Settings.safeParse(raw);
  if (current.success) return current.data;
  const v1 = SettingsV1.safeParse(raw);
  if (v1.success) return migrateV1(v1.data);
  return DEFAULT_SETTINGS;
}

/** Version 1 knew lifetime and auto-save; everything added since takes its default. */
function migrateV1(old: z.infer<typeof SettingsV1>): Settings {
  return { ...DEFAULT_SETTINGS, tokenLifetimeMinutes: old.tokenLifetimeMinutes, autoSave: old.autoSave };
}

export function siteEnabled(settings: Settings, adapterId: string): boolean {
  return !settings.disabledSites.includes(adapterId);
}
