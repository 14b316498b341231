// Guide mode on the demo pages: from an empty browser to "Saved", and from the middle (Okta opened first, a token
// already captured, the guide switched on half-way, first-time setup). The guide points and explains; only the
// person clicks, and SCIM Relay fills and tests only after “Fill and test”.
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPopup, type ExtensionBrowser } from '../harness/browser';
import { clickPanelButton, generateInvisionToken, relayState, spotlightBox, waitForPanel, waitForPhase, waitForSpotlightOn } from '../harness/extension';
import { openOptions, setToggle } from '../harness/options';
import { DEFAULT_PAGES, startSession } from '../harness/session';
import { INVISION_PEOPLE_URL, OKTA_APP_URL, type FakeSites } from '../harness/sites';

let ext: ExtensionBrowser;
let token: string;
let sites: FakeSites;

beforeEach(async () => void ({ ext, token, sites } = await startSession()));
afterEach(() => ext?.close());

const guideOn = async () => setToggle(await openOptions(ext), 'guide-mode', true);
const tokenField = 'input[name="scim_auth_header_value_new"]';
const OKTA_DASHBOARD_URL = 'https://acme-admin.okta.com/admin/dashboard';
const OKTA_APPS_URL = 'https://acme-admin.okta.com/admin/apps/active';

/** Okta's part from the read-only Integration pane: Edit, then “Fill and test”, with nothing typed before. */
async function oktaEditThenFill(okta: Page) {
  await waitForPanel(okta, /Choose Edit to the right of the Integration heading/);
  await waitForSpotlightOn(okta, '#userMgmtSettings\\.edit_link');
  expect(sites.verifyCalls).toHaveLength(0);
  await okta.click('#userMgmtSettings\\.edit_link');
  await waitForPanel(okta, /Choose “Fill and test” on this card/);
  await waitForSpotlightOn(okta, tokenField);
  await waitForPanel(okta, /Fill it into “InVision” here and test it\?/);
  expect(await okta.$eval(tokenField, (el) => (el as HTMLInputElement).value)).toBe('');
  await clickPanelButton(okta, 'Fill and test');
  await waitForPanel(okta, /Okta verified the token\. Choose Save to keep it\./);
  await waitForSpotlightOn(okta, '#userMgmtSettings\\.button\\.submit');
  expect(sites.verifyCalls).toHaveLength(1);
}

describe('guide mode', () => {
  it('walks from an empty browser to Saved across both tabs', async () => {
    await guideOn();
    const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
    await waitForPanel(invision, /step 2 · InVision Choose ••• \(more\), to the right of the Teams tab\./);
    await waitForSpotlightOn(invision, '#more');
    await invision.click('#more');
    await waitForPanel(invision, /step 3 · InVision Choose SCIM Provisioning\./);
    await waitForSpotlightOn(invision, '#open-scim');
    await invision.click('#open-scim');
    await waitForPanel(invision, /Tick “I want to generate a new token”/);
    await waitForSpotlightOn(invision, '#regen');
    await invision.click('#regen');
    await waitForPanel(invision, /Choose Generate token\./);
    await waitForSpotlightOn(invision, '#generate');
    await invision.click('#generate');
    // A fresh install has every IdP switched on and none used yet: the guide cannot know which one, so it names them.
    await waitForPanel(
      invision,
      /step 6 · InVision Token captured\. Now switch to the InVision app's provisioning settings in your IdP \(Okta, OneLogin, Microsoft Entra ID\)\./,
    );

    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-general`);
    await waitForPanel(okta, /step 9 of 15 · Okta Open the Provisioning tab\./);
    await waitForSpotlightOn(okta, 'a[href="#tab-user-management"]');
    await okta.click('a[href="#tab-user-management"]');
    await oktaEditThenFill(okta);
    await okta.click('#userMgmtSettings\\.button\\.submit'); // the person saves with Okta's own button
    await waitForPhase(ext, 'saved');
    await waitForPanel(okta, /step 15 of 15 · Okta Done: Okta has the new token/);
    expect(sites.saveCalls).toHaveLength(1);
    expect(sites.saveCalls[0]!.get('scim_auth_header_value_new')).toBe(token);
    expect((await relayState(ext))?.secret).toBeUndefined();
  });

  it('finds the app from the Okta dashboard: the Applications section, its Applications link, then InVision', async () => {
    const adminConsole = 'okta/admin-console.html';
    sites.set({ pages: { ...DEFAULT_PAGES, [OKTA_DASHBOARD_URL]: adminConsole, [OKTA_APPS_URL]: adminConsole } });
    await guideOn();
    const okta = await sites.open(ext.browser, OKTA_DASHBOARD_URL);
    await waitForPanel(okta, /step 7 of 15 · Okta Open Applications in the Okta Admin Console\./);
    const section = 'button[aria-controls="nav-applications"]';
    const appsLink = 'a[href="/admin/apps/active"]';
    await waitForSpotlightOn(okta, section); // closed: its button is what a person can see
    await okta.click(section);
    await waitForSpotlightOn(okta, appsLink); // open: the link inside it, not the button again
    await Promise.all([okta.waitForNavigation(), okta.click(appsLink)]);
    await waitForPanel(okta, /step 8 of 15 · Okta Open the InVision app\./);
    const invisionLink = 'a[href^="/admin/app/invisionapp/"]';
    await waitForSpotlightOn(okta, invisionLink);
    await Promise.all([okta.waitForNavigation(), okta.click(invisionLink)]);
    await waitForPanel(okta, /step 9 of 15 · Okta Open the Provisioning tab\./);
    expect(sites.verifyCalls).toHaveLength(0);
  });

  it('starts in the middle: Okta opened first with no token, the guide sends the person to InVision and back', async () => {
    await guideOn();
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Choose Edit/);
    await okta.click('#userMgmtSettings\\.edit_link');
    await waitForPanel(okta, /No token is waiting yet\. In InVision, go to People › ••• › SCIM Provisioning/);
    const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(invision);
    await waitForPanel(invision, /Now switch to the InVision app's provisioning settings in your IdP/);
    await okta.bringToFront();
    await waitForPanel(okta, /Choose “Fill and test” on this card.*Fill it into “InVision” here/);
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /Choose Save to keep it/);
    await clickPanelButton(okta, 'Save'); // the card's Save is the person asking: SCIM Relay clicks Okta's Save
    await waitForPhase(ext, 'saved');
    await waitForPanel(okta, /Done: Okta has the new token/);
    expect(sites.saveCalls).toHaveLength(1);
  });

  it('switched on half-way with a token already captured, on a first-time setup', async () => {
    sites.set({ pages: { [INVISION_PEOPLE_URL]: 'invision/v6-people-modal.html', [OKTA_APP_URL]: 'okta/react-first-time.html' } });
    const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(invision);
    await waitForPhase(ext, 'captured');
    const popup = await openPopup(ext); // support switches the guide on from the toolbar popup
    await popup.locator('::-p-text(Start the setup guide)').click();
    await popup.waitForSelector('button[aria-pressed=true]');
    await waitForPanel(invision, /step 6 · InVision Token captured/);
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Choose Edit to the right of the Integration heading \(Configure API Integration the first time\)/);
    await waitForSpotlightOn(okta, '::-p-text(Configure API Integration)');
    await okta.locator('::-p-text(Configure API Integration)').click();
    await waitForPanel(okta, /Tick Enable API integration\./);
    await waitForSpotlightOn(okta, 'input[type=checkbox]');
    await okta.click('input[type=checkbox]');
    await waitForPanel(okta, /Choose “Fill and test” on this card.*Fill it into “InVision” here/);
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /Choose Save to keep it/);
    expect(sites.verifyCalls).toHaveLength(1);
  });

  it('on a page that is not what the step expects, says so and gives the way back', async () => {
    sites.set({ pages: { [OKTA_APP_URL]: 'okta/signin-challenge.html' } });
    await guideOn();
    const okta = await sites.open(ext.browser, OKTA_APP_URL);
    await waitForPanel(okta, /Open the Provisioning tab\. That control is not on this page\. The way back: Applications › the InVision app › Provisioning › Integration\./);
    await waitForPanel(okta, /Okta is asking you to sign in or verify it's you/);
    expect(await spotlightBox(okta)).toBeUndefined();
  });
});
