// Okta's own cases of the hand-off (the steps every IdP shares are in handoff-targets.e2e.ts): its verbatim
// failure, the card's Save, autosave, Forget now, a verdict in a background tab, the app's identity, re-sign-in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPopup, type ExtensionBrowser } from '../harness/browser';
import { badgeText, clickPanelButton, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { OKTA_APP_URL, OKTA_UNAUTHORIZED, type FakeSites } from '../harness/sites';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';

let session: Session;
let ext: ExtensionBrowser;
let token: string;
let sites: FakeSites;
const capture = () => session.capture();

beforeEach(async () => {
  session = await startSession();
  ({ ext, token, sites } = session);
});
afterEach(async () => {
  await session?.close();
});

describe('hand-off from InVision to Okta, beyond the shared steps', () => {
  it('reports Okta’s failure verbatim and never saves', async () => {
    sites.set({ acceptedToken: 'a-different-token-okta-expects' });
    await capture();
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    const text = await waitForPanel(okta, /Error authenticating/);
    expect(text).toContain(OKTA_UNAUTHORIZED);
    const state = await waitForPhase(ext, 'failed');
    expect(state.message).toBe(OKTA_UNAUTHORIZED);
    expect(state.secret?.token).toBe(token); // kept for a retry until it expires
    expect(await badgeText(ext)).toBe('!');
    expect(sites.saveCalls).toHaveLength(0);
  });

  it('saves from the in-page card with a real click', async () => {
    await capture();
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /verified successfully/);
    await clickPanelButton(okta, 'Save');
    await waitForPhase(ext, 'saved');
    expect(sites.saveCalls).toHaveLength(1);
    expect(await relayState(ext)).not.toHaveProperty('secret.token');
  });

  it('saves automatically after a successful test when the option is on', async () => {
    const worker = await ext.worker();
    await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ settings: { version: 1, tokenLifetimeMinutes: 10, autoSave: true } });
    });
    await capture();
    await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPhase(ext, 'saved');
    expect(sites.saveCalls).toHaveLength(1);
  });

  it('forgets the token when the user chooses “Forget now”', async () => {
    await capture();
    const popup = await openPopup(ext);
    await popup.locator('::-p-text(Forget now)').click();
    const state = await waitForPhase(ext, 'forgotten');
    expect(state.secret).toBeUndefined();
    expect(await badgeText(ext)).toBe('');
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /No token is waiting/);
    expect(sites.verifyCalls).toHaveLength(0);
  });

  it('notifies when the verdict arrives while the Okta tab is in the background', async () => {
    sites.set({ verifyDelayMs: 4000 }); // ample time to switch tabs on a loaded machine
    const invision = await capture();
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Filling token/);
    while (sites.verifyCalls.length === 0) await new Promise((r) => setTimeout(r, 50)); // Okta is testing …
    await invision.bringToFront(); // … and the user looks elsewhere
    expect(await okta.evaluate(() => document.visibilityState)).toBe('hidden');
    await waitForPhase(ext, 'verified');
    // The notification follows the saved state within the same transition: wait for it, briefly.
    const worker = await ext.worker();
    const shown = () =>
      worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome;
        return Object.keys(await c.notifications.getAll()).length;
      });
    for (let tries = 0; tries < 40 && (await shown()) === 0; tries++) await new Promise((r) => setTimeout(r, 50));
    expect(await shown()).toBe(1);
  });
});

describe('the app’s identity', () => {
  it('asks once on a page that names no app, and fills after the person’s yes on the card', async () => {
    sites.set({ vars: { APP_LABEL: '' } });
    await capture();
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    const question = await waitForPanel(okta, /Is this the InVision app\?/);
    expect(question).not.toContain('this app”');
    expect(question).toContain('Fill and test');
    await new Promise((r) => setTimeout(r, 500));
    expect(sites.verifyCalls).toHaveLength(0);
    expect((await relayState(ext))?.phase).toBe('captured');
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /verified successfully/);
    expect(sites.verifyCalls).toHaveLength(1);
  });
});

describe('re-authentication mid-hand-off', () => {
  it.each([
    ['when Edit is pressed (Edit again after sign-in)', 'edit'],
    ['between filling and Test (fill and Test again after sign-in)', 'test'],
  ])('the sign-in prompt replaces the form %s: nothing typed into it, never submitted, and the hand-off finishes after the person signs in', async (_when, at) => {
    sites.set({ pages: { ...DEFAULT_PAGES, [OKTA_APP_URL]: 'okta/idle-timeout.html' }, vars: { REAUTH_AT: at } });
    await capture();
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Okta is asking you to sign in or verify it's you\. .*SCIM Relay continues there/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await okta.$eval('#p', (el) => (el as HTMLInputElement).value)).toBe('');
    expect(await okta.$eval('#u', (el) => (el as HTMLInputElement).value)).toBe('admin@acme.example');
    expect(await okta.evaluate(() => (window as unknown as { __signIns: number }).__signIns)).toBe(0);
    expect(sites.verifyCalls).toHaveLength(0);
    expect((await relayState(ext))?.phase).toBe('filling');
    // The person signs in; the Integration pane comes back in the same tab.
    await okta.type('#p', 'correct horse battery staple');
    await okta.click('#okta-sign-in button[type=submit]');
    await waitForPanel(okta, /InVision was verified successfully!/);
    expect(sites.verifyCalls).toHaveLength(1);
    expect(sites.verifyCalls[0]!.get('scim_auth_header_value_new')).toBe(token);
    expect(await okta.evaluate(() => (window as unknown as { __signIns: number }).__signIns)).toBe(1); // the person's own
    expect((await waitForPhase(ext, 'verified')).steps).toEqual(['capture', 'locate', 'fill', 'test', 'verify']);
  });
});
