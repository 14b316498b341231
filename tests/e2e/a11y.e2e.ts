// Accessibility: axe-core finds no violations in the popup, the options page and the in-page card (in each of its
// shapes), and the card's buttons work from the keyboard.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { axePanelViolations, axeViolations } from '../harness/axe';
import { openPopup, type ExtensionBrowser } from '../harness/browser';
import { CARD_SETTLE_MS, generateInvisionToken, waitForPanel, waitForPhase } from '../harness/extension';
import { openOptions, setToggle } from '../harness/options';
import { startSession } from '../harness/session';
import { INVISION_PEOPLE_URL, OKTA_APP_URL, type FakeSites } from '../harness/sites';

let ext: ExtensionBrowser;
let sites: FakeSites;
const TAB_PRESSES_MAX = 60; // far more focusable controls than any fixture page holds

beforeEach(async () => void ({ ext, sites } = await startSession()));
afterEach(() => ext?.close());

describe('accessibility', () => {
  it('options page and popup have no axe violations', async () => {
    const options = await openOptions(ext);
    expect(await axeViolations(options)).toEqual([]);
    const popup = await openPopup(ext);
    await popup.waitForSelector('[data-phase]');
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('the in-page card has no axe violations, and “Fill and test” works from the keyboard', async () => {
    await setToggle(await openOptions(ext), 'ask-first', true);
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /No token is waiting/);
    expect(await axePanelViolations(okta)).toEqual([]);
    // The audit does reach into the copied card: an unlabelled field there is reported.
    await okta.evaluate(() => document.getElementById('scim-relay-axe-copy')!.shadowRoot!.append(document.createElement('input')));
    expect((await axeViolations(okta, '#scim-relay-axe-copy')).map((v) => v.id)).toContain('label');

    const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(invision);
    await waitForPanel(invision, /captured/);
    expect(await axePanelViolations(invision)).toEqual([]);

    await okta.bringToFront();
    await okta.reload({ waitUntil: 'domcontentloaded' });
    await waitForPanel(okta, /Fill it into “InVision” here/);
    expect(await axePanelViolations(okta)).toEqual([]);
    let presses = 0;
    while (!(await okta.evaluate(() => document.activeElement?.tagName === 'SCIM-RELAY-UI')) && presses++ < TAB_PRESSES_MAX) {
      await okta.keyboard.press('Tab');
    }
    await new Promise((r) => setTimeout(r, CARD_SETTLE_MS)); // a press counts once the card has stood still, as a click does
    await okta.keyboard.press('Enter');
    await waitForPanel(okta, /verified successfully/);
    await waitForPhase(ext, 'verified');
    expect(await axePanelViolations(okta)).toEqual([]);
    const popup = await openPopup(ext);
    await popup.waitForSelector('[data-phase=verified]');
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('dark theme (system setting): options, popup and the guide card have no axe violations, contrast included', async () => {
    const dark = [{ name: 'prefers-color-scheme', value: 'dark' }];
    const options = await openOptions(ext);
    await options.emulateMediaFeatures(dark);
    expect(await options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(32, 33, 36)');
    expect(await axeViolations(options)).toEqual([]);
    await setToggle(options, 'guide-mode', true);
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await okta.emulateMediaFeatures(dark);
    await waitForPanel(okta, /Setup guide · step \d+ of \d+ · Okta.*No token is waiting/);
    expect(await axePanelViolations(okta)).toEqual([]);
    const popup = await openPopup(ext);
    await popup.emulateMediaFeatures(dark);
    await popup.waitForSelector('[data-phase]');
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(32, 33, 36)');
    expect(await axeViolations(popup)).toEqual([]);
  });
});
