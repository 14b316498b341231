// The options page drives the engines: "ask before filling" makes the in-page card ask (a real click on it
// proceeds), and a site switched off is left alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../harness/browser';
import { clickPanelButton, generateInvisionToken, panelText, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { openOptions, setToggle, storedSettings, waitForStored } from '../harness/options';
import { startSession } from '../harness/session';
import { INVISION_PEOPLE_URL, OKTA_APP_URL, type FakeSites } from '../harness/sites';

let ext: ExtensionBrowser;
let sites: FakeSites;

beforeEach(async () => void ({ ext, sites } = await startSession()));
afterEach(() => ext?.close());

async function capture() {
  const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
  await generateInvisionToken(invision);
  await waitForPhase(ext, 'captured');
}

describe('options', () => {
  it('stores versioned settings from the keyboard, and lifetime changes apply to the next capture', async () => {
    const options = await openOptions(ext);
    expect(await options.$eval('h1', (el) => el.textContent)).toBe('SCIM Relay options');
    await options.click('#lifetime', { count: 3 });
    await options.keyboard.type('3');
    await waitForStored(options, (settings) => settings?.tokenLifetimeMinutes === 3);
    await setToggle(options, 'guide-mode', true);
    expect(await storedSettings(options)).toMatchObject({ version: 3, tokenLifetimeMinutes: 3, guideMode: true, askBeforeFill: false });
    await options.click('#lifetime', { count: 3 });
    await options.keyboard.type('0');
    await options.waitForSelector('.notice.error');
    expect(await storedSettings(options)).toMatchObject({ tokenLifetimeMinutes: 3 });
    await capture();
    const held = await relayState(ext);
    expect(held!.secret!.expiresAt - Date.now()).toBeLessThanOrEqual(3 * 60_000);
  });

  it('asks before filling: nothing is typed until a real click on “Fill and test”', async () => {
    await setToggle(await openOptions(ext), 'ask-first', true);
    await capture();
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Fill it into “InVision” here and test it\?/);
    expect((await relayState(ext))!.phase).toBe('captured');
    expect(await okta.$('input[name="scim_auth_header_value_new"]')).toBeNull(); // the form was not even opened
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /verified successfully/);
    expect(sites.verifyCalls).toHaveLength(1);
  });

  it('leaves a site switched off alone, and works there again once switched on', async () => {
    const options = await openOptions(ext);
    await setToggle(options, 'site-okta', false);
    expect(await storedSettings(options)).toMatchObject({ disabledSites: ['okta'] });
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await okta.waitForFunction(() => document.readyState === 'complete');
    // Switched on, the tab would by now have reported its page and shown “No token is waiting” (it was in front).
    await capture();
    const pages = Object.values((await relayState(ext))!.pages ?? {});
    expect(pages.map((p) => p.adapterId)).toEqual(['invision']);
    expect(await panelText(okta)).toBe('');
    await setToggle(options, 'site-okta', true);
    await okta.bringToFront(); // SCIM Relay fills only a tab the user is looking at
    await okta.reload({ waitUntil: 'domcontentloaded' });
    await waitForPanel(okta, /verified successfully/);
    expect(sites.verifyCalls).toHaveLength(1); // only the run after switching it on
  });
});
