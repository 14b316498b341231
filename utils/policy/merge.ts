// What the extension obeys: the user's settings with the organisation's policy laid over them. A managed value wins;
// the user's own choice is kept in storage untouched, so it returns if the policy is lifted.
import { IDP_SITES } from '../adapters/sites';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../settings/settings';
import type { ManagedPolicy } from './managed';

/**
 * The built-in adapters by role, as the policy's enabledSources / enabledIdps name them (a unit test holds them to
 * utils/adapters). The IdPs are every target adapter file's, so a new IdP is off when a policy does not name it.
 */
export const BUILT_IN_SOURCES: readonly string[] = ['invision'];
export const BUILT_IN_IDPS: readonly string[] = IDP_SITES.map((site) => site.id);

/** Built-in sites the policy switches off: those missing from an enabledSources / enabledIdps list it sets. */
export function sitesOffByPolicy(policy: ManagedPolicy): string[] {
  const off = (ids: readonly string[], enabled: string[] | undefined) => (enabled ? ids.filter((id) => !enabled.includes(id)) : []);
  return [...off(BUILT_IN_SOURCES, policy.enabledSources), ...off(BUILT_IN_IDPS, policy.enabledIdps)];
}

/** The user's own settings as stored; a user who never chose anything starts with the policy's guide default. */
export function userSettings(stored: unknown, policy: ManagedPolicy): Settings {
  if (stored === undefined && policy.guideModeByDefault !== undefined) return { ...DEFAULT_SETTINGS, guideMode: policy.guideModeByDefault };
  return parseSettings(stored);
}

export function effectiveSettings(user: Settings, policy: ManagedPolicy): Settings {
  return {
    ...user,
    tokenLifetimeMinutes: Math.min(user.tokenLifetimeMinutes, policy.maxTokenLifetimeMinutes ?? Infinity),
    autoSave: policy.autoSaveAllowed === false ? false : user.autoSave,
    askBeforeFill: policy.forceAskBeforeFilling === true || user.askBeforeFill,
    disabledSites: [...new Set([...user.disabledSites, ...sitesOffByPolicy(policy)])],
    rotationIntervalDays: policy.rotationIntervalDays ?? user.rotationIntervalDays,
  };
}
