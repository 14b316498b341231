// Guide mode on OneLogin and Microsoft Entra ID, as on Okta: the InVision part names the IdP the person uses, and
// each IdP's part walks its own console in its own words, from the start and from the middle. The guide points and
// explains; only the person clicks, and SCIM Relay fills and tests only after “Fill and test”.
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../harness/browser';
import { clickPanelButton, generateInvisionToken, spotlightBox, waitForPanel, waitForPhase, waitForSpotlightOn } from '../harness/extension';
import { ENTRA_PORTAL_URL, IDP_PAGES, IDP_START_URLS, ONELOGIN_APP_URL, type IdpId } from '../harness/idp-sites';
import { openOptions, setToggle } from '../harness/options';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';
import { INVISION_PEOPLE_URL } from '../harness/sites';

let session: Session;
afterEach(async () => {
  await session?.close();
});

const calls = (idp: Exclude<IdpId, 'okta'>, kind: 'test' | 'save') => session.sites.idpCalls.filter((c) => c.idp === idp && c.kind === kind);

/** Guide mode on; with `only`, every other IdP switched off in the options, as an admin of that IdP would. */
async function guideOn(ext: ExtensionBrowser, only?: IdpId) {
  const options = await openOptions(ext);
  for (const idp of ['okta', 'onelogin', 'entra'] as const) if (only && idp !== only) await setToggle(options, `site-${idp}`, false);
  await setToggle(options, 'guide-mode', true);
  await options.close();
}

const fieldValue = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLInputElement).value);

describe('guide mode on OneLogin', () => {
  it('from the start: InVision sends the person to OneLogin, then Configuration, Fill and test, Save', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved } });
    await guideOn(session.ext, 'onelogin');
    const invision = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
    await waitForPanel(invision, /step 2 of 11 · InVision Choose ••• \(more\)/);
    await generateInvisionToken(invision);
    await waitForPanel(invision, /step 6 of 11 · InVision Token captured\. Now switch to OneLogin: Applications › the InVision app › Configuration\./);

    const onelogin = await session.sites.open(session.ext.browser, `${ONELOGIN_APP_URL}#info`);
    await waitForPanel(onelogin, /step 8 of 11 · OneLogin Open the Configuration tab\./);
    await waitForSpotlightOn(onelogin, 'a[href="#configuration"]');
    await onelogin.click('a[href="#configuration"]');
    await waitForPanel(
      onelogin,
      /step 9 of 11 · OneLogin Choose “Fill and test” on this card: SCIM Relay types the token into SCIM Bearer Token and chooses Enable \(API Connection\)\./,
    );
    await waitForSpotlightOn(onelogin, '#bearer');
    await waitForPanel(onelogin, /Fill it into “InVision App” here and test it\?/);
    expect(await fieldValue(onelogin, '#bearer')).toBe('');
    expect(calls('onelogin', 'test')).toHaveLength(0);
    await clickPanelButton(onelogin, 'Fill and test');
    await waitForPanel(onelogin, /step 10 of 11 · OneLogin OneLogin verified the token\. Choose Save to keep it\./);
    await waitForSpotlightOn(onelogin, '#save');
    await onelogin.click('#save'); // the person saves with OneLogin's own button
    await waitForPhase(session.ext, 'saved');
    await waitForPanel(onelogin, /step 11 of 11 · OneLogin Done: OneLogin has the new token, saved, and SCIM Relay has forgotten it\./);
    expect(calls('onelogin', 'test')).toHaveLength(1);
    expect(calls('onelogin', 'save')).toHaveLength(1);
  });

  it('from the middle: OneLogin opened first with no token, the guide sends the person to InVision and back', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved } });
    await guideOn(session.ext);
    const onelogin = await session.sites.open(session.ext.browser, IDP_START_URLS.onelogin.saved);
    await waitForPanel(onelogin, /step 9 of 11 · OneLogin No token is waiting yet\. In InVision, go to People › ••• › SCIM Provisioning/);
    expect(await spotlightBox(onelogin)).toBeUndefined();
    const invision = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(invision);
    await waitForPhase(session.ext, 'captured');
    await onelogin.bringToFront();
    await waitForPanel(onelogin, /Choose “Fill and test” on this card: SCIM Relay types the token into SCIM Bearer Token/);
    await clickPanelButton(onelogin, 'Fill and test');
    await waitForPanel(onelogin, /OneLogin verified the token\. Choose Save to keep it\./);
    await clickPanelButton(onelogin, 'Save');
    await waitForPhase(session.ext, 'saved');
    await waitForPanel(onelogin, /Done: OneLogin has the new token/);
    expect(calls('onelogin', 'save')).toHaveLength(1);
  });

  it('on a page that is not what the step expects, says so and gives OneLogin’s way back', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved } });
    await guideOn(session.ext);
    const onelogin = await session.sites.open(session.ext.browser, `${ONELOGIN_APP_URL}#info`);
    await onelogin.evaluate(() => document.querySelector('a[href="#configuration"]')!.remove());
    await waitForPanel(
      onelogin,
      /Open the Configuration tab\. That control is not on this page\. The way back: Applications › the InVision app › Configuration\./,
    );
  });
});

describe('guide mode on Microsoft Entra ID', () => {
  it('from the start: the portal’s Microsoft Entra ID › Enterprise applications › InVision › Provisioning', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [ENTRA_PORTAL_URL]: 'entra/portal-navigation.html' } });
    await guideOn(session.ext, 'entra');
    const invision = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(invision);
    await waitForPanel(
      invision,
      /step 6 of 15 · InVision Token captured\. Now switch to Microsoft Entra ID: Enterprise applications › the InVision app › Provisioning\./,
    );

    const portal = await session.sites.open(session.ext.browser, ENTRA_PORTAL_URL);
    await waitForPanel(portal, /step 7 of 15 · Microsoft Entra ID Open Microsoft Entra ID › Enterprise applications/);
    await waitForSpotlightOn(portal, '::-p-text(Microsoft Entra ID)'); // the portal's home: the service's tile
    await portal.locator('::-p-text(Microsoft Entra ID)').click();
    await waitForSpotlightOn(portal, '::-p-text(Enterprise applications)'); // its menu: the link the step names
    await portal.locator('::-p-text(Enterprise applications)').click();
    await waitForPanel(portal, /step 8 of 15 · Microsoft Entra ID Open the InVision app from the list of all applications\./);
    await waitForSpotlightOn(portal, 'a[href*="ManagedAppMenuBlade/~/Overview"]');
    await portal.click('a[href*="ManagedAppMenuBlade/~/Overview"]');
    await waitForPanel(portal, /step 9 of 15 · Microsoft Entra ID Choose Provisioning in the app’s menu, under Manage\./);
    await waitForSpotlightOn(portal, 'a[href*="ManagedAppMenuBlade/~/Provisioning"]');
    expect(calls('entra', 'test')).toHaveLength(0);
  });

  it('on the Provisioning blade: Get started › Automatic › Fill and test › Save, in Entra’s words', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.legacy } });
    await guideOn(session.ext, 'entra');
    await session.capture();
    const portal = await session.sites.open(session.ext.browser, IDP_START_URLS.entra.legacy);
    await waitForPanel(portal, /step 10 of 15 · Microsoft Entra ID Choose Get started \(\+ New configuration in the new experience\)\./);
    await waitForSpotlightOn(portal, '::-p-text(Get started)');
    await portal.locator('::-p-text(Get started)').click();
    await waitForPanel(portal, /step 11 of 15 · Microsoft Entra ID Set Provisioning Mode to Automatic\./);
    await waitForSpotlightOn(portal, '[role=combobox]');
    await portal.click('[role=combobox]');
    await portal.locator('[role=option]::-p-text(Automatic)').click();
    await waitForPanel(
      portal,
      /step 13 of 15 · Microsoft Entra ID Choose “Fill and test” on this card: SCIM Relay types the token into Secret Token and chooses Test Connection\./,
    );
    await waitForSpotlightOn(portal, 'input[type=password]');
    expect(await fieldValue(portal, 'input[type=password]')).toBe('');
    await clickPanelButton(portal, 'Fill and test');
    await waitForPanel(portal, /step 14 of 15 · Microsoft Entra ID Microsoft Entra ID verified the token\. Choose Save \(Create in a new configuration\) to keep it\./);
    await waitForSpotlightOn(portal, '::-p-text(Save)');
    await portal.locator('::-p-text(Save)').click();
    await waitForPhase(session.ext, 'saved');
    await waitForPanel(portal, /step 15 of 15 · Microsoft Entra ID Done: Microsoft Entra ID has the new token/);
    expect(calls('entra', 'test')).toHaveLength(1);
    expect(calls('entra', 'save')).toHaveLength(1);
  });

  it('the new experience: + New configuration › Fill and test › Create', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra['new-configuration'] } });
    await guideOn(session.ext, 'entra');
    await session.capture();
    const admin = await session.sites.open(session.ext.browser, IDP_START_URLS.entra['new-configuration']);
    await waitForPanel(admin, /step 10 of 15 · Microsoft Entra ID Choose Get started \(\+ New configuration in the new experience\)\./);
    await waitForSpotlightOn(admin, '::-p-text(+ New configuration)');
    await admin.locator('::-p-text(+ New configuration)').click();
    await waitForPanel(admin, /step 13 of 15 · Microsoft Entra ID Choose “Fill and test” on this card: SCIM Relay types the token into Secret Token/);
    await clickPanelButton(admin, 'Fill and test');
    await waitForPanel(admin, /step 14 of 15 · Microsoft Entra ID .*Choose Save \(Create in a new configuration\) to keep it\./);
    await waitForSpotlightOn(admin, '::-p-text(Create)');
    await admin.locator('::-p-text(Create)').click();
    await waitForPhase(session.ext, 'saved');
    await waitForPanel(admin, /step 15 of 15 · Microsoft Entra ID Done/);
    expect(calls('entra', 'save')).toHaveLength(1);
  });

  it('a blade framed from another origin: the guide points at the blade, not at a control it cannot see', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.iframe } });
    await guideOn(session.ext, 'entra');
    await session.capture();
    const portal = await session.sites.open(session.ext.browser, IDP_START_URLS.entra.iframe);
    await waitForPanel(portal, /step 10 of 15 · Microsoft Entra ID Choose Get started/);
    await waitForSpotlightOn(portal, 'iframe');
    expect(await portal.evaluate(() => document.body.innerText)).not.toContain('That control is not on this page');
  });
});
