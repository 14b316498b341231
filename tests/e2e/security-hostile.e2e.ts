// Promises 5 and 6: the Okta form on hostile pages. Each clickjacking and decoy technique (tests/fixtures/hostile/)
// is added to the real-looking Okta fixture, and each hostile host the match patterns still let through gets the
// plain fixture: every one must end with no fill, no click on Test, and a card that says why.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from '../harness/browser';
import { generateInvisionToken, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { FakeSites, INVISION_PEOPLE_URL, OKTA_APP_URL } from '../harness/sites';
import { canaryToken } from '../harness/session';

const OKTA_FIXTURE = 'okta/classic-edit.html';
const APP_PATH = new URL(OKTA_APP_URL).pathname;
const NOTHING_FILLED = /Nothing was filled/;

/** fixture under tests/fixtures/hostile/, and the words the card must use to say why it stopped. */
const TECHNIQUES: [file: string, why: RegExp][] = [
  ['html-opacity.html', /is there but it is transparent or nearly so/],
  ['body-opacity.html', /is there but it is transparent or nearly so/],
  ['body-filter-opacity.html', /is there but it is transparent or nearly so/],
  ['transparent-overlay.html', /is there but something else covers it/],
  ['popover-pointer-events-none.html', /is there but another layer \(popover or dialog\) is open over the page/],
  ['fixed-veil-pointer-events-none.html', /is there but something else covers it/],
  ['tiny-token-input.html', /the API Token field is there but it is too small to see/],
  ['offscreen-token-input.html', /the API Token field is there but it is outside the visible page/],
  ['masked-token-input.html', /the API Token field is there but it is transparent or nearly so/],
  ['clipped-token-input.html', /the API Token field is there but something else covers it/],
  ['blended-token-input.html', /the API Token field is there but it is transparent or nearly so/],
  ['form-in-iframe.html', /the Integration form is inside a frame/],
  ['decoy-transparent-over-field.html', /the API Token field is there but (something else covers it|it is transparent)/],
  ['covered-test-button.html', /the Test API Credentials button is there but something else covers it/],
];

/**
 * Hosts Okta's match patterns (https://*.okta.com/admin/* …) still reach, which the exact host check refuses.
 * (User info is not among them: Chromium strips it from the document's URL, so such a page is the real host.)
 */
const HOSTILE_HOSTS: [origin: string, why: RegExp][] = [
  ['https://acme.okta.com', /does not fill on acme\.okta\.com: this is not the admin console/],
  ['https://evil.acme-admin.okta.com', /does not fill on evil\.acme-admin\.okta\.com: this is not the admin console/],
  ['https://acme-admin.okta.com:8443', /does not fill on acme-admin\.okta\.com: the address names a port/],
  ['https://xn--cme-admin-zyh.okta.com', /does not fill on xn--cme-admin-zyh\.okta\.com: the address uses look-alike/],
  ['https://acme-admin-okta.oktapreview.com', /this is not the admin console/],
  ['https://acme-admin.okta.com.', /does not fill on acme-admin\.okta\.com\.: the site is not one SCIM Relay knows/],
];

let ext: ExtensionBrowser;
let sites: FakeSites;
let token: string;

/** One browser and one captured token for the file; a fresh pair whenever a test used the token up. */
async function ensureCaptured(): Promise<void> {
  if (ext && (await relayState(ext))?.phase === 'captured') return;
  await ext?.close();
  ext = await launchWithExtension();
  token = canaryToken();
  sites = new FakeSites({ token, pages: { [INVISION_PEOPLE_URL]: 'invision/v6-people-modal.html' } });
  const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
  await generateInvisionToken(invision);
  await waitForPhase(ext, 'captured');
}

beforeEach(ensureCaptured);
afterAll(async () => {
  await ext?.close();
});

/** Opens an Okta page whose own script counts clicks that reach the Test button. */
async function openOkta(url: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.evaluateOnNewDocument(() => {
    (window as unknown as { __testClicks: number }).__testClicks = 0;
    window.addEventListener('click', (e) => {
      if ((e.target as Element | null)?.closest?.('#m-verify-button, [name="m-verify"]')) (window as unknown as { __testClicks: number }).__testClicks++;
    }, true);
  });
  await sites.attach(page);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Every field value in the page and its same-origin frames that holds the token. */
async function fieldsHoldingToken(page: Page): Promise<string[]> {
  const inFrame = (frame: Frame) =>
    frame.evaluate(
      (secret: string) =>
        Array.from(document.querySelectorAll('input, textarea'))
          .filter((el) => (el as HTMLInputElement).value.includes(secret))
          .map((el) => el.outerHTML),
      token,
    );
  return (await Promise.all(page.frames().map(inFrame))).flat();
}

async function expectRefused(page: Page, why: RegExp): Promise<void> {
  const text = await waitForPanel(page, why);
  expect(text).toMatch(NOTHING_FILLED);
  expect(await fieldsHoldingToken(page)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __testClicks: number }).__testClicks)).toBe(0);
  expect(sites.verifyCalls).toHaveLength(0);
  expect(text).not.toContain(token);
  // The token is still waiting for the real form, not consumed by the refusal.
  expect((await relayState(ext))?.phase).toBe('captured');
}

describe('hostile pages: no fill, no click, and a reason', () => {
  it.each(TECHNIQUES)('%s', async (file, why) => {
    sites.set({ pages: { [OKTA_APP_URL]: OKTA_FIXTURE }, inject: { [OKTA_FIXTURE]: `hostile/${file}` } });
    const page = await openOkta(`${OKTA_APP_URL}#tab-user-management`);
    await expectRefused(page, why);
    await page.close();
  });
});

describe('hostile hosts the match patterns let through: no fill, a clear message', () => {
  it.each(HOSTILE_HOSTS)('%s', async (origin, why) => {
    const url = `${origin}${APP_PATH}`;
    sites.set({ pages: { [url]: OKTA_FIXTURE }, inject: {} });
    const page = await openOkta(`${url}#tab-user-management`);
    const text = await waitForPanel(page, why);
    expect(text).toMatch(/It fills only the Okta admin console/);
    // Even with the form opened by hand, nothing is typed and Test is never clicked.
    await page.locator('#userMgmtSettings\\.edit_link').click();
    await page.waitForSelector('input[name="scim_auth_header_value_new"]');
    expect(await fieldsHoldingToken(page)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __testClicks: number }).__testClicks)).toBe(0);
    expect(sites.verifyCalls).toHaveLength(0);
    expect((await relayState(ext))?.phase).toBe('captured');
    await page.close();
  });
});

describe('a decoy copy of the token field', () => {
  it('gets nothing: the token goes only into the visible field in the form', async () => {
    sites.set({ pages: { [OKTA_APP_URL]: OKTA_FIXTURE }, inject: { [OKTA_FIXTURE]: 'hostile/decoy-offscreen-duplicate.html' } });
    const page = await openOkta(`${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(page, /verified successfully/);
    expect(await page.$$eval('input.decoy', (els) => els.map((el) => (el as HTMLInputElement).value))).toEqual(['', '']);
    expect(await fieldsHoldingToken(page)).toEqual([expect.stringMatching(/^<input type="password" name="scim_auth_header_value_new"/)]);
    expect(sites.verifyCalls).toHaveLength(1);
  });
});
