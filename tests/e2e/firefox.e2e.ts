// The content-script paths in Firefox (MV3 build, WebDriver BiDi): judged in the pages and the fake servers,
// since Firefox offers no popup or background target to puppeteer.
import type { Browser, Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateInvisionToken } from '../harness/extension';
import { launchFirefoxWithExtension } from '../harness/firefox';
import { ENTRA_AUTHORIZED, ENTRA_BLADE_FRAME_URL, ENTRA_FOREIGN_TOP_URL, IDP_PAGES, IDP_START_URLS } from '../harness/idp-sites';
import { DEFAULT_PAGES, canaryToken } from '../harness/session';
import { FakeSites, INVISION_PEOPLE_URL, INVISION_SCIM_URL, OKTA_APP_URL, OKTA_UNAUTHORIZED, type SiteOptions } from '../harness/sites';

const END_USER_URL = 'https://acme.okta.com/admin/app/invisionapp/instance/0oa1b2c3d4e5f6g7h8/';
const SETTLE_MS = 1500; // enough for several observer rounds when we assert that nothing happened

let browser: Browser;
let sites: FakeSites;
let token: string;

beforeEach(async () => {
  browser = await launchFirefoxWithExtension();
});
afterEach(async () => {
  await browser?.close();
});

function serve(options: Partial<SiteOptions> = {}) {
  token = canaryToken();
  sites = new FakeSites({ token, pages: DEFAULT_PAGES, ...options });
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function captureInFirefox(): Promise<Page> {
  const page = await sites.open(browser, INVISION_PEOPLE_URL);
  await generateInvisionToken(page);
  await until(() => sites.tokensIssued === 1, 'InVision to issue the token');
  await new Promise((r) => setTimeout(r, 500)); // the capture is one observer round after the reveal
  return page;
}

const alertText = (page: Page) => page.evaluate(() => document.querySelector('[role=alert]')?.textContent ?? '');

describe('Firefox', () => {
  it('captures on InVision, fills and tests on Okta, reports the verdict in the page', async () => {
    serve();
    await captureInFirefox();
    const okta = await sites.open(browser, `${OKTA_APP_URL}#tab-user-management`);
    await until(async () => (await alertText(okta)).includes('verified successfully'), 'Okta’s verdict');
    expect(sites.verifyCalls[0]!.get('scim_auth_header_value_new')).toBe(token);
    expect(sites.verifyCalls[0]!.get('scim_base_url')).toBe(INVISION_SCIM_URL);
    expect(sites.saveCalls).toHaveLength(0);
  });

  it('reports a failed test and does not save', async () => {
    serve({ acceptedToken: 'something-else-entirely' });
    await captureInFirefox();
    const okta = await sites.open(browser, `${OKTA_APP_URL}#tab-user-management`);
    await until(async () => (await alertText(okta)) === OKTA_UNAUTHORIZED, 'Okta’s error');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(sites.saveCalls).toHaveLength(0);
  });

  it('first-time setup on the React form: Configure, Enable, Base URL, token in React state', async () => {
    serve({ pages: { ...DEFAULT_PAGES, [OKTA_APP_URL]: 'okta/react-first-time.html' } });
    await captureInFirefox();
    const okta = await sites.open(browser, OKTA_APP_URL);
    await until(async () => (await alertText(okta)).includes('verified successfully'), 'Okta’s verdict');
    expect(sites.verifyCalls[0]!.get('scim_auth_header_value')).toBe(token);
    expect(sites.verifyCalls[0]!.get('scim_base_url')).toBe(INVISION_SCIM_URL);
  });

  it('fills after in-page navigation to Provisioning', async () => {
    serve();
    await captureInFirefox();
    const okta = await sites.open(browser, `${OKTA_APP_URL}#tab-general`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(sites.verifyCalls).toHaveLength(0);
    await okta.locator('::-p-text(Provisioning)').click();
    await until(() => sites.verifyCalls.length === 1, 'the test request');
  });

  it('never fills another app (opened before the token existed) or the end-user host', async () => {
    serve({
      vars: { APP_LABEL: 'Slack' },
      pages: { ...DEFAULT_PAGES, [END_USER_URL]: 'okta/classic-edit.html' },
    });
    const early = await sites.open(browser, `${OKTA_APP_URL}#tab-user-management`); // no token yet, other app
    await captureInFirefox();
    await early.bringToFront();
    const endUser = await sites.open(browser, `${END_USER_URL}#tab-user-management`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(sites.verifyCalls).toHaveLength(0);
    expect(await endUser.$('input[name=scim_auth_header_value_new]')).toBeNull(); // not even opened for editing
  });
});

describe('Firefox, the other IdPs', () => {
  const tested = (idp: 'onelogin' | 'entra') => sites.idpCalls.find((c) => c.idp === idp && c.kind === 'test');

  it('OneLogin: fills SCIM Bearer Token, clicks Enable, the status turns Enabled', async () => {
    serve({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved } });
    await captureInFirefox();
    const page = await sites.open(browser, IDP_START_URLS.onelogin.saved);
    await until(async () => (await page.$eval('#status', (el) => el.textContent)) === 'Enabled', 'OneLogin to enable');
    expect(tested('onelogin')?.fields).toEqual({ scim_base_url: INVISION_SCIM_URL, scim_bearer_token: token });
  });

  it('Entra legacy flow: Get started › Automatic › Admin Credentials, bare token, portal notification', async () => {
    serve({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.legacy } });
    await captureInFirefox();
    const page = await sites.open(browser, IDP_START_URLS.entra.legacy);
    await until(async () => (await page.$eval('#notifications', (el) => el.textContent ?? '')).includes(ENTRA_AUTHORIZED), 'Entra’s verdict');
    expect(tested('entra')?.fields).toEqual({ tenantUrl: INVISION_SCIM_URL, secretToken: token });
  });

  it('Entra blade in a cross-origin frame (no ancestorOrigins here): filled once the portal page vouches for it', async () => {
    serve({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.iframe } });
    await captureInFirefox();
    const page = await sites.open(browser, IDP_START_URLS.entra.iframe);
    await until(async () => (await page.$eval('#notifications', (el) => el.textContent ?? '')).includes(ENTRA_AUTHORIZED), 'Entra’s verdict');
    expect(tested('entra')).toEqual({ idp: 'entra', kind: 'test', host: new URL(ENTRA_BLADE_FRAME_URL).hostname, fields: { tenantUrl: INVISION_SCIM_URL, secretToken: token } });
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain(token); // the portal page never sees it
  });

  it('never fills the genuine blade under a look-alike top page: nothing of ours there to vouch for it', async () => {
    serve({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra['foreign-top'] } });
    await captureInFirefox();
    const page = await sites.open(browser, ENTRA_FOREIGN_TOP_URL);
    await until(() => page.frames().some((f) => f.url().startsWith(ENTRA_BLADE_FRAME_URL)), 'the blade frame');
    await new Promise((r) => setTimeout(r, SETTLE_MS * 2));
    expect(tested('entra')).toBeUndefined();
  });
});
