// The organisation's policy, as IT deploys it through the browser's management: Chrome reads it from managed
// storage (public/managed_schema.json declares the keys), Firefox from policies.json ("3rdparty"). Both reach the
// extension as storage.managed. Read without zod: the source script reads it too, for the IdPs switched on
// (utils/idp-words.ts); the IdP scripts ask the background (page/settings).
import { arrayOf, isBoolean, isIntIn, isRecord, isString, type Check } from '../check';
import { ADAPTER_ID_PATTERN } from '../protocol-constants';
import { ROTATION_INTERVAL_DAYS, TOKEN_LIFETIME_MINUTES } from '../settings/settings';

export interface ManagedPolicy {
  /** The token is forgotten after at most this many minutes, whatever the user chose. */
  maxTokenLifetimeMinutes?: number;
  /** false: nothing is saved automatically, a person clicks Save after each test. */
  autoSaveAllowed?: boolean;
  /** true: the in-page card asks before every fill. */
  forceAskBeforeFilling?: boolean;
  /** Built-in sources (adapter ids) that work; every other built-in source is off. */
  enabledSources?: string[];
  /** IdPs (adapter ids) that work; every other IdP is off. */
  enabledIdps?: string[];
  /** The only IdP org hosts a token is filled into (e.g. "acme-admin.okta.com"). */
  idpOrgHosts?: string[];
  /** The only source org hosts a token is taken from (e.g. "acme.invisionapp.com"). */
  sourceOrgHosts?: string[];
  /** Guide mode starts on for a user who has not chosen. */
  guideModeByDefault?: boolean;
  /** false: no user-defined sources; those already added stop working. */
  userSourcesAllowed?: boolean;
  /** Days between rotations before a reminder; 0 switches the reminder off. */
  rotationIntervalDays?: number;
  /** Who set the policy and why, shown beside each setting it decides (e.g. "Acme IT: see go/scim"). */
  organisationNote?: string;
}

export const NO_POLICY: ManagedPolicy = {};

/** Allow-lists fail closed: an unreadable list allows nothing rather than everything. */
const ALLOW_LISTS = ['enabledSources', 'enabledIdps', 'idpOrgHosts', 'sourceOrgHosts'] as const;

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const LIST_MAX = 500;

/** Every key, with its check. */
function allChecks(): Record<keyof ManagedPolicy, Check> {
  const isIdList = arrayOf(isString((id) => ADAPTER_ID_PATTERN.test(id)), LIST_MAX);
  const isHostList = arrayOf(isString((host) => HOST.test(host.toLowerCase())), LIST_MAX);
  return {
    enabledSources: isIdList,
    enabledIdps: isIdList,
    guideModeByDefault: isBoolean,
    maxTokenLifetimeMinutes: isIntIn(TOKEN_LIFETIME_MINUTES.min, TOKEN_LIFETIME_MINUTES.max),
    autoSaveAllowed: isBoolean,
    forceAskBeforeFilling: isBoolean,
    idpOrgHosts: isHostList,
    sourceOrgHosts: isHostList,
    userSourcesAllowed: isBoolean,
    rotationIntervalDays: isIntIn(ROTATION_INTERVAL_DAYS.min, ROTATION_INTERVAL_DAYS.max),
    organisationNote: isString((text) => text.length <= 200),
  };
}

export const policyKeys = () => Object.keys(allChecks()) as (keyof ManagedPolicy)[];

export interface ReadPolicy {
  policy: ManagedPolicy;
  /** Keys present with a value that fails the schema: ignored, or for an allow-list, read as "allow nothing". */
  invalidKeys: (keyof ManagedPolicy)[];
}

/** Reads storage.managed's contents; unknown keys are ignored (a newer policy template on an older extension). */
export function readPolicy(raw: unknown): ReadPolicy {
  if (!isRecord(raw)) return { policy: NO_POLICY, invalidKeys: [] };
  const policy: Record<string, unknown> = {};
  const invalidKeys: (keyof ManagedPolicy)[] = [];
  for (const [key, check] of Object.entries(allChecks()) as [keyof ManagedPolicy, Check][]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (check(value)) policy[key] = Array.isArray(value) ? value.map((item: string) => (key.endsWith('Hosts') ? item.toLowerCase() : item)) : value;
    else {
      invalidKeys.push(key);
      if ((ALLOW_LISTS as readonly string[]).includes(key)) policy[key] = [];
    }
  }
  return { policy: policy as ManagedPolicy, invalidKeys };
}

/** Does the policy let a token be taken from (source) or filled into (IdP) this exact host? */
export function hostAllowed(policy: ManagedPolicy, role: 'source' | 'target', host: string): boolean {
  const list = role === 'source' ? policy.sourceOrgHosts : policy.idpOrgHosts;
  return !list || list.includes(host.toLowerCase());
}
