// User settings: versioned and zod-validated, so a corrupt or older stored value falls back to safe defaults.
import * as z from 'zod/mini';

export const TOKEN_LIFETIME_MINUTES = { min: 1, max: 60, default: 10 }; // minutes: long enough to switch tabs, short for a secret

export const Settings = z.strictObject({
  version: z.literal(1),
  tokenLifetimeMinutes: z.number().check(
    z.int(),
    z.minimum(TOKEN_LIFETIME_MINUTES.min),
    z.maximum(TOKEN_LIFETIME_MINUTES.max),
  ),
  /** Off by default: a person decides when the IdP keeps the new token. */
  autoSave: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  tokenLifetimeMinutes: TOKEN_LIFETIME_MINUTES.default,
  autoSave: false,
};

export function parseSettings(raw: unknown): Settings {
  const parsed = Settings.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
