// Every other user-visible path of the hand-off: first-time setup, wrong app, wrong host, in-page navigation,
// Okta opened first, no or expired token, a restarted worker, a sign-in challenge, a slow page.
import { afterEach, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/browser';
import { clickPanelButton, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { INVISION_SCIM_URL, OKTA_APP_URL } from '../harness/sites';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';

let session: Session;
afterEach(async () => {
  await session?.close();
});

const END_USER_URL = 'https://acme.okta.com/admin/app/invisionapp/instance/0oa1b2c3d4e5f6g7h8/';
const tokenField = 'input[name^="scim_auth_header_value"]';

describe('first-time setup on a React-controlled form', () => {
  it('configures, ticks Enable, fills the empty Base URL from the capture, and the token reaches React state', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [OKTA_APP_URL]: 'okta/react-first-time.html' } });
    await session.capture();
    const okta = await session.sites.open(session.ext.browser, OKTA_APP_URL);
    await waitForPanel(okta, /InVision was verified successfully!/);
    const sent = session.sites.verifyCalls[0]!;
    expect(sent.get('scim_auth_header_value')).toBe(session.token); // React's state, not just the DOM
    expect(sent.get('scim_base_url')).toBe(INVISION_SCIM_URL);
    expect(sent.get('enabled')).toBe('true');
    await okta.bringToFront();
    const popup = await openPopup(session.ext);
    await popup.locator('::-p-text(Save in Okta)').click();
    await waitForPhase(session.ext, 'saved');
    expect(session.sites.saveCalls[0]!.get('scim_auth_header_value')).toBe(session.token);
  });
});

describe('an app that is not InVision', () => {
  it('does nothing on its own, then fills when the user chooses “Fill into this app anyway”', async () => {
    session = await startSession({ vars: { APP_LABEL: 'Slack' } });
    await session.capture();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /This is “Slack”, not the InVision app/);
    expect(session.sites.verifyCalls).toHaveLength(0);
    expect((await relayState(session.ext))?.phase).toBe('captured');

    await okta.bringToFront();
    const popup = await openPopup(session.ext);
    await popup.waitForSelector('[data-page-status=other-app]');
    await popup.locator('::-p-text(Fill into this app anyway)').click();
    await waitForPanel(okta, /Slack was verified successfully!/);
    expect(session.sites.verifyCalls[0]!.get('scim_auth_header_value_new')).toBe(session.token);
  });
});

describe('hosts that are not the admin console', () => {
  it('never fills the end-user host <org>.okta.com, and says why', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [END_USER_URL]: 'okta/classic-edit.html' } });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, `${END_USER_URL}#tab-user-management`);
    await waitForPanel(page, /does not fill on acme\.okta\.com: this is not the admin console/);
    await page.locator('#userMgmtSettings\\.edit_link').click(); // even with the form open …
    await page.waitForSelector(tokenField);
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.$eval(tokenField, (el) => (el as HTMLInputElement).value)).toBe(''); // … nothing is filled
    expect(session.sites.verifyCalls).toHaveLength(0);
  });
});

describe('in-page navigation and tab order', () => {
  it('fills once the user navigates to Provisioning inside the page', async () => {
    session = await startSession();
    await session.capture();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-general`);
    await new Promise((r) => setTimeout(r, 500));
    expect(session.sites.verifyCalls).toHaveLength(0);
    await okta.locator('::-p-text(Provisioning)').click();
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(1);
  });

  it('with Okta opened first: says no token, then fills without a reload once the tab is in front', async () => {
    session = await startSession();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /No token is waiting\. In InVision, go to People › ••• › SCIM Provisioning/);
    const invision = await session.capture();
    await invision.bringToFront();
    const oktaVisibility = await okta.evaluate(() => document.visibilityState);
    if (oktaVisibility === 'hidden') {
      await new Promise((r) => setTimeout(r, 500));
      expect(session.sites.verifyCalls).toHaveLength(0); // waits for the user to look at it
    }
    await okta.bringToFront();
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(1);
    expect(session.sites.requests.filter((r) => r.method === 'GET' && r.url.startsWith(OKTA_APP_URL))).toHaveLength(1); // no reload
  });
});

describe('no token, expired token, restarted worker', () => {
  it('says there is no token and how to get one', async () => {
    session = await startSession();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /No token is waiting/);
    const popup = await openPopup(session.ext);
    await popup.waitForSelector('[data-phase=idle]');
    expect(session.sites.verifyCalls).toHaveLength(0);
  });

  it('forgets an expired token (expiry passed while the worker slept) and says so', async () => {
    session = await startSession();
    await session.capture();
    const worker = await session.ext.worker();
    await worker.evaluate(async () => {
      type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
      const store = (globalThis as unknown as { chrome: { storage: { session: Area } } }).chrome.storage.session;
      const { relay } = (await store.get('relay')) as { relay: { secret: { expiresAt: number } } };
      relay.secret.expiresAt = Date.now() - 1; // as if the lifetime ran out while nothing was awake
      await store.set({ relay });
    });
    await worker.close();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /The captured token expired and was forgotten/);
    const state = await relayState(session.ext);
    expect(state?.phase).toBe('expired');
    expect(state?.secret).toBeUndefined();
    expect(session.sites.verifyCalls).toHaveLength(0);
  });

  it('keeps the token across a service-worker restart between capture and fill', async () => {
    session = await startSession();
    await session.capture();
    await (await session.ext.worker()).close();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls[0]!.get('scim_auth_header_value_new')).toBe(session.token);
  });
});

describe('pages that are not the form', () => {
  it('stops cleanly on an Okta sign-in or MFA challenge', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [OKTA_APP_URL]: 'okta/signin-challenge.html' } });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, OKTA_APP_URL);
    await waitForPanel(page, /Okta is asking you to sign in or verify it's you/);
    expect(await page.$eval('#pw', (el) => (el as HTMLInputElement).value)).toBe('');
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('waits for an Integration pane that renders late', async () => {
    session = await startSession({ vars: { RENDER_DELAY_MS: '2500' } });
    await session.capture();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /verified successfully/, 20_000);
    expect(session.sites.verifyCalls).toHaveLength(1);
  });
});

describe('a page rebuilt by other hands', () => {
  it('finds every control by label, role and words alone, and the model-bound field gets the token', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [OKTA_APP_URL]: 'okta/rebuilt-variant.html' } });
    await session.capture();
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /InVision was verified successfully!/, 20_000);
    expect(session.sites.verifyCalls[0]!.get('scim_auth_header_value_new')).toBe(session.token);
    expect(session.sites.verifyCalls[0]!.get('enabled')).toBe('true');
    await clickPanelButton(okta, 'Save');
    await waitForPhase(session.ext, 'saved');
    expect(session.sites.saveCalls).toHaveLength(1);
  });
});

