// The organisation's policy: what storage.managed holds is read strictly (an unreadable allow-list allows nothing),
// and a managed value wins over the user's setting without overwriting it.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../utils/adapters';
import { hostAllowed, policyKeys, readPolicy, type ManagedPolicy } from '../../utils/policy/managed';
import { BUILT_IN_IDPS, BUILT_IN_SOURCES, effectiveSettings, sitesOffByPolicy, userSettings } from '../../utils/policy/merge';
import { isPolicyRefusal, POLICY_REFUSAL } from '../../utils/policy/refusal';
import { DEFAULT_SETTINGS, isSettings, ROTATION_INTERVAL_DAYS, TOKEN_LIFETIME_MINUTES, type Settings } from '../../utils/settings/settings';

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed_schema.json'), 'utf8')) as {
  type: string;
  properties: Record<string, { type: string; items?: { enum?: string[] } }>;
};

const userArb: fc.Arbitrary<Settings> = fc.record({
  version: fc.constant(3 as const),
  tokenLifetimeMinutes: fc.integer({ min: TOKEN_LIFETIME_MINUTES.min, max: TOKEN_LIFETIME_MINUTES.max }),
  autoSave: fc.boolean(),
  askBeforeFill: fc.boolean(),
  disabledSites: fc.subarray(['invision', 'okta', 'onelogin', 'entra', 'custom-acme']),
  guideMode: fc.boolean(),
  rotationIntervalDays: fc.integer({ min: ROTATION_INTERVAL_DAYS.min, max: ROTATION_INTERVAL_DAYS.max }),
});
const policyArb: fc.Arbitrary<ManagedPolicy> = fc.record(
  {
    maxTokenLifetimeMinutes: fc.integer({ min: TOKEN_LIFETIME_MINUTES.min, max: TOKEN_LIFETIME_MINUTES.max }),
    autoSaveAllowed: fc.boolean(),
    forceAskBeforeFilling: fc.boolean(),
    enabledSources: fc.subarray([...BUILT_IN_SOURCES]),
    enabledIdps: fc.subarray([...BUILT_IN_IDPS]),
    guideModeByDefault: fc.boolean(),
    userSourcesAllowed: fc.boolean(),
    rotationIntervalDays: fc.integer({ min: ROTATION_INTERVAL_DAYS.min, max: ROTATION_INTERVAL_DAYS.max }),
  },
  { requiredKeys: [] },
);

describe('reading the managed policy', () => {
  it('reads nothing from an absent or empty storage.managed: plain user settings', () => {
    for (const raw of [undefined, null, {}, 'policy', []]) expect(readPolicy(raw)).toEqual({ policy: {}, invalidKeys: [] });
  });

  it('reads every key of a valid policy, host names in lower case', () => {
    const raw = {
      maxTokenLifetimeMinutes: 5,
      autoSaveAllowed: false,
      forceAskBeforeFilling: true,
      enabledSources: ['invision'],
      enabledIdps: ['okta'],
      idpOrgHosts: ['Acme-Admin.okta.com'],
      sourceOrgHosts: ['acme.invisionapp.com'],
      guideModeByDefault: true,
      userSourcesAllowed: false,
      rotationIntervalDays: 90,
      organisationNote: 'Acme IT: see go/scim',
    };
    expect(readPolicy(raw)).toEqual({ policy: { ...raw, idpOrgHosts: ['acme-admin.okta.com'] }, invalidKeys: [] });
  });

  it('ignores unknown keys (a newer policy template on an older extension)', () => {
    expect(readPolicy({ futureKey: 1, autoSaveAllowed: true })).toEqual({ policy: { autoSaveAllowed: true }, invalidKeys: [] });
  });

  it('drops an unreadable value and names it; an unreadable allow-list allows nothing', () => {
    const read = readPolicy({ maxTokenLifetimeMinutes: 600, idpOrgHosts: 'acme-admin.okta.com', sourceOrgHosts: ['https://acme.invisionapp.com/'], enabledIdps: [1] });
    expect(read.invalidKeys.sort()).toEqual(['enabledIdps', 'idpOrgHosts', 'maxTokenLifetimeMinutes', 'sourceOrgHosts']);
    expect(read.policy).toEqual({ idpOrgHosts: [], sourceOrgHosts: [], enabledIdps: [] });
    expect(hostAllowed(read.policy, 'target', 'acme-admin.okta.com')).toBe(false);
    expect(sitesOffByPolicy(read.policy)).toEqual(['okta', 'onelogin', 'entra']);
  });

  it('allows a host only when it is on the list the policy sets, in any letter case; no list allows every host', () => {
    const policy: ManagedPolicy = { idpOrgHosts: ['acme-admin.okta.com'], sourceOrgHosts: ['acme.invisionapp.com'] };
    expect(hostAllowed(policy, 'target', 'ACME-admin.okta.com')).toBe(true);
    expect(hostAllowed(policy, 'target', 'evil-admin.okta.com')).toBe(false);
    expect(hostAllowed(policy, 'target', 'acme.invisionapp.com')).toBe(false);
    expect(hostAllowed(policy, 'source', 'acme.invisionapp.com')).toBe(true);
    expect(hostAllowed(policy, 'source', 'other.invisionapp.com')).toBe(false);
    expect(hostAllowed({}, 'target', 'any-admin.okta.com')).toBe(true);
  });

  it('the JSON schema Chrome validates against declares exactly the keys the reader knows, and the adapters by role', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual(policyKeys().sort());
    expect(BUILT_IN_SOURCES).toEqual(ADAPTERS.filter((a) => a.role === 'source').map((a) => a.id));
    expect(BUILT_IN_IDPS).toEqual(ADAPTERS.filter((a) => a.role === 'target').map((a) => a.id));
    expect(schema.properties.enabledSources?.items?.enum).toEqual(BUILT_IN_SOURCES);
    expect(schema.properties.enabledIdps?.items?.enum).toEqual(BUILT_IN_IDPS);
  });

  it('the capture refusal is told apart from every other reply', () => {
    expect(isPolicyRefusal(POLICY_REFUSAL)).toBe(true);
    for (const reply of [undefined, null, {}, { refused: 'other' }, { refused: 'org-policy', extra: 1 }, 'org-policy']) expect(isPolicyRefusal(reply)).toBe(false);
  });
});

describe('merging the policy over the user settings', () => {
  it('without a policy the user settings are obeyed unchanged', () => {
    fc.assert(
      fc.property(userArb, (user) => {
        expect(effectiveSettings(user, {})).toEqual(user);
      }),
    );
  });

  it('a managed value always wins, the result is always a valid setting, and the user value is untouched', () => {
    fc.assert(
      fc.property(userArb, policyArb, (user, policy) => {
        const before = structuredClone(user);
        const merged = effectiveSettings(user, policy);
        expect(isSettings(merged)).toBe(true);
        expect(user).toEqual(before);
        if (policy.maxTokenLifetimeMinutes !== undefined) expect(merged.tokenLifetimeMinutes).toBeLessThanOrEqual(policy.maxTokenLifetimeMinutes);
        if (policy.autoSaveAllowed === false) expect(merged.autoSave).toBe(false);
        if (policy.forceAskBeforeFilling) expect(merged.askBeforeFill).toBe(true);
        if (policy.rotationIntervalDays !== undefined) expect(merged.rotationIntervalDays).toBe(policy.rotationIntervalDays);
        for (const id of BUILT_IN_SOURCES) if (policy.enabledSources && !policy.enabledSources.includes(id)) expect(merged.disabledSites).toContain(id);
        for (const id of BUILT_IN_IDPS) if (policy.enabledIdps && !policy.enabledIdps.includes(id)) expect(merged.disabledSites).toContain(id);
        // The user's own "off" stays off: a policy enables nothing the user switched off.
        for (const id of user.disabledSites) expect(merged.disabledSites).toContain(id);
      }),
    );
  });

  it('keeps what the user chose where the policy leaves room', () => {
    const user = { ...DEFAULT_SETTINGS, tokenLifetimeMinutes: 5, autoSave: true, askBeforeFill: false };
    const merged = effectiveSettings(user, { maxTokenLifetimeMinutes: 15, autoSaveAllowed: true, forceAskBeforeFilling: false });
    expect(merged).toEqual(user);
    expect(effectiveSettings({ ...user, tokenLifetimeMinutes: 30 }, { maxTokenLifetimeMinutes: 15 }).tokenLifetimeMinutes).toBe(15);
  });

  it('guide mode on by default applies to a user who never chose, not to one who did', () => {
    expect(userSettings(undefined, { guideModeByDefault: true }).guideMode).toBe(true);
    expect(userSettings(undefined, {}).guideMode).toBe(false);
    expect(userSettings({ ...DEFAULT_SETTINGS, guideMode: false }, { guideModeByDefault: true }).guideMode).toBe(false);
  });
});
