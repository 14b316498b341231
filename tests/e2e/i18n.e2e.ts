// The browser's language picks the words: a German browser gets German options, popup and in-page card.
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../harness/browser';
import { waitForPanel } from '../harness/extension';
import { openOptions } from '../harness/options';
import { FakeSites, OKTA_APP_URL } from '../harness/sites';

let ext: ExtensionBrowser | undefined;
afterEach(async () => {
  await ext?.close();
});

describe('languages', () => {
  it('speaks German in a German browser', async () => {
    ext = await launchWithExtension({ lang: 'de' });
    const options = await openOptions(ext);
    expect(await options.$eval('h1', (el) => el.textContent)).toBe('SCIM Relay – Einstellungen');
    expect(await options.$eval('html', (el) => el.lang)).toMatch(/^de/);
    const sites = new FakeSites({ token: 'unused-in-this-test-0000', pages: { [OKTA_APP_URL]: 'okta/classic-edit.html' } });
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Es wartet kein Token\. Gehen Sie in InVision zu People/);
    const popup = await openPopup(ext);
    await popup.waitForSelector('[data-phase=idle]');
    expect(await popup.$eval('[data-phase]', (el) => el.textContent)).toContain('Kein Token wartet.');
  });
});
