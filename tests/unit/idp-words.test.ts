// Each IdP in its own words: which IdP a person uses (in use, else used last, else switched on), the steps the
// popup lists for it, where the capture card sends the token, and every guide sentence filled with its words.
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TARGET_ADAPTERS } from '../../utils/adapters';
import { entraAdapter } from '../../utils/adapters/entra.target';
import { oktaAdapter } from '../../utils/adapters/okta.target';
import { oneloginAdapter } from '../../utils/adapters/onelogin.target';
import { guideWords } from '../../utils/guide/steps';
import { t } from '../../utils/i18n';
import { hintWords, knownIdp, likelyIdps, loadIdpHints, rememberIdp, stepLabels, whereToFill } from '../../utils/idp-words';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { saveSettings } from '../../utils/settings/store';

const ids = (hints: Parameters<typeof likelyIdps>[0]) => likelyIdps(hints, TARGET_ADAPTERS).map((adapter) => adapter.id);

describe('which IdP', () => {
  it('is the one in use, whatever was used last or is switched off', () => {
    expect(ids({ inUse: 'entra', lastUsed: 'okta', disabledSites: ['entra'] })).toEqual(['entra']);
  });
  it('else the one used last, while it is switched on', () => {
    expect(ids({ lastUsed: 'onelogin', disabledSites: [] })).toEqual(['onelogin']);
    expect(ids({ lastUsed: 'onelogin', disabledSites: ['onelogin'] })).toEqual(['okta', 'entra']);
  });
  it('else every IdP switched on; an unknown id counts for nothing', () => {
    expect(ids({ lastUsed: 'custom-x', disabledSites: ['okta'] })).toEqual(['onelogin', 'entra']);
    expect(ids({ inUse: 'invision', disabledSites: ['okta', 'onelogin'] })).toEqual(['entra']);
  });
  it('all of them when every IdP is switched off (the words stay neutral)', () => {
    expect(knownIdp(likelyIdps({ disabledSites: ['okta', 'onelogin', 'entra'] }, TARGET_ADAPTERS))).toBeUndefined();
  });
  it('remembers the last IdP in local storage and reads it back with the settings', async () => {
    await fakeBrowser.reset();
    await saveSettings({ ...DEFAULT_SETTINGS, disabledSites: ['okta'] });
    await rememberIdp('entra');
    expect(await loadIdpHints()).toEqual({ lastUsed: 'entra', disabledSites: ['okta'] });
  });
});

describe('the popup’s steps', () => {
  it.each([
    [oktaAdapter, ['Integration form found in Okta', 'API Token filled', 'Test API Credentials clicked', 'Okta verified the token', 'Saved in Okta']],
    [
      oneloginAdapter,
      ['Configuration form found in OneLogin', 'SCIM Bearer Token filled', 'Enable (API Connection) clicked', 'OneLogin verified the token', 'Saved in OneLogin'],
    ],
    [
      entraAdapter,
      [
        'Provisioning form found in Microsoft Entra ID',
        'Secret Token filled',
        'Test Connection clicked',
        'Microsoft Entra ID verified the token',
        'Saved in Microsoft Entra ID',
      ],
    ],
  ])('$label: in its own words', (adapter, words) => {
    const labels = stepLabels(adapter);
    expect([labels.locate, labels.fill, labels.test, labels.verify, labels.save]).toEqual(words);
    expect(labels.capture).toBe('Token captured on InVision');
  });
  it('name no IdP while it is not known', () => {
    const labels = Object.values(stepLabels(undefined)).join(' · ');
    expect(labels).toBe(
      'Token captured on InVision · Provisioning form found in your IdP · Token filled in · Test clicked · Your IdP verified the token · Saved in your IdP',
    );
    for (const adapter of TARGET_ADAPTERS) expect(labels).not.toContain(adapter.label);
  });
});

describe('where the token goes next', () => {
  it('the known IdP’s own path', () => {
    expect(whereToFill([oneloginAdapter], 'InVision')).toBe('OneLogin: Applications › the InVision app › Configuration');
    expect(whereToFill([entraAdapter], 'InVision')).toBe('Microsoft Entra ID: Enterprise applications › the InVision app › Provisioning');
  });
  it('the app’s settings in any IdP switched on, by name, while the IdP is not known', () => {
    expect(whereToFill([oktaAdapter, entraAdapter], 'InVision')).toBe(
      "the InVision app's provisioning settings in your IdP (Okta, Microsoft Entra ID)",
    );
  });
});

describe('page hints about an IdP page', () => {
  it('name that IdP, its admin host and its way to the form', () => {
    expect(t('hintNotAdminHost', ...hintWords(entraAdapter))).toBe(
      'This page is not the Microsoft Entra ID admin console (for example portal.azure.com), so nothing is filled here.',
    );
    expect(t('hintNotIntegrationTab', ...hintWords(oneloginAdapter))).toBe(
      'The Configuration form is not open. Open Applications › the InVision app › Configuration on this app.',
    );
    expect(t('hintSigninRequired', ...hintWords(oneloginAdapter))).toMatch(/^OneLogin wants you to sign in/);
  });
});

describe.each(TARGET_ADAPTERS)('$label guide sentences', (adapter) => {
  it.each((adapter.guide ?? []).flatMap((step) => [step.say, ...(step.withoutToken ? [step.withoutToken] : [])]))('%s names only this IdP', (key) => {
    const text = t(key, ...guideWords(adapter));
    expect(text).not.toMatch(/\$|\b(undefined)\b/);
    for (const other of TARGET_ADAPTERS.filter((a) => a !== adapter)) expect(text).not.toContain(other.label);
  });
  it('tell the person which of its controls to use', () => {
    expect(t('guideFill', ...guideWords(adapter))).toBe(
      `Choose “Fill and test” on this card: SCIM Relay types the token into ${adapter.words.tokenField} and chooses ${adapter.words.testButton}.`,
    );
    expect(t('guideSave', ...guideWords(adapter))).toBe(`${adapter.label} verified the token. Choose ${adapter.words.saveButton} to keep it.`);
  });
});
