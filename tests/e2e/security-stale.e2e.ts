// Promise 9: stale state fails closed. Two Okta tabs at once fill one form only; a page script orphaned by an
// extension reload mid-hand-off does nothing more. (Expiry while the worker sleeps, a sign-in/MFA page and in-page
// navigation are in paths.e2e.ts. A reloaded extension loaded by puppeteer does not come back in this harness, so
// "the reloaded extension has forgotten the token" rests on storage.session being per-run memory: see SECURITY.md.)
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { panelText, waitForPanel, waitForPhase } from '../harness/extension';
import { OKTA_APP_URL } from '../harness/sites';
import { startSession, type Session } from '../harness/session';

const TOKEN_FIELD = 'input[name^="scim_auth_header_value"]';
/** Okta's test answer is held back this long, so the second tab and the reload land mid-hand-off. */
const SLOW_VERIFY_MS = 2500;

let session: Session;
afterEach(async () => {
  await session?.close();
});

async function tokenFieldHolds(page: Page): Promise<boolean> {
  return page.evaluate(
    (selector: string, token: string) => Array.from(document.querySelectorAll(selector)).some((el) => (el as HTMLInputElement).value === token),
    TOKEN_FIELD,
    session.token,
  );
}

describe('stale state fails closed', () => {
  it('two Okta tabs at once: one fills and tests, the other is told another tab has it', async () => {
    session = await startSession({ verifyDelayMs: SLOW_VERIFY_MS });
    await session.capture();
    const [first, second] = await Promise.all([
      session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`),
      session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`),
    ]);
    // Whichever is in front asks first; then the other comes to the front while the first is still testing.
    const filling = await Promise.race([first, second].map(async (page) => (await waitForPanel(page, /Filling token/), page)));
    const other = filling === first ? second : first;
    await other.bringToFront();
    await waitForPanel(other, /Another tab is already taking this token/);
    await filling.bringToFront();
    await waitForPanel(filling, /verified successfully/);
    await waitForPhase(session.ext, 'verified');
    // Later visits of the second tab do not fill either.
    await other.bringToFront();
    await other.evaluate(() => (location.hash = '#tab-general'));
    await other.evaluate(() => (location.hash = '#tab-user-management'));
    await waitForPanel(other, /Another tab is already taking this token|already tested/);
    expect(session.sites.verifyCalls).toHaveLength(1);
    expect(await tokenFieldHolds(filling)).toBe(true);
    expect(await tokenFieldHolds(other)).toBe(false);
  });

  it('an extension reload mid-hand-off: the orphaned page script neither reports, saves nor fills again, and takes its card away', async () => {
    session = await startSession({ verifyDelayMs: SLOW_VERIFY_MS });
    await session.capture(); // the worker has answered by now: its extension APIs are up
    const worker = await session.ext.worker();
    // Auto-save on: a script that outlived its extension would press Save as soon as Okta's verdict shows.
    await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ settings: { version: 1, tokenLifetimeMinutes: 10, autoSave: true } });
    });
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Filling token/);
    await waitUntilVerifyRequested();
    // Reloaded a moment after the call returns: a worker that reloads inside evaluate() never answers it.
    await worker.evaluate(() => void setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50));
    // Okta's verdict arrives on the page's own; a live script would auto-save within milliseconds of it.
    await okta.waitForSelector('[role=alert]', { timeout: SLOW_VERIFY_MS * 4 });
    await okta.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
    // Coming back to the pane wakes nothing either.
    await okta.evaluate(() => (location.hash = '#tab-general'));
    await okta.evaluate(() => (location.hash = '#tab-user-management'));
    await okta.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    // Its first failed message tells the orphan its extension is gone: no stale "Filling…" card is left behind.
    expect(await panelText(okta)).toBe('');
    expect(session.sites.verifyCalls).toHaveLength(1);
    expect(session.sites.saveCalls).toHaveLength(0);
  });
  it('an extension reload after capture: the InVision page’s card goes, rather than speak for a token now forgotten', async () => {
    session = await startSession();
    const invision = await session.capture();
    expect(await panelText(invision)).toMatch(/captured/);
    const worker = await session.ext.worker();
    await worker.evaluate(() => void setTimeout(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(), 50));
    // Nothing tells the orphaned script; it checks every ORPHAN_CHECK_MS (2 s).
    for (let tries = 0; tries < 50 && (await panelText(invision)) !== ''; tries++) await new Promise((r) => setTimeout(r, 100));
    expect(await panelText(invision)).toBe('');
  });
});

async function waitUntilVerifyRequested(): Promise<void> {
  for (let tries = 0; tries < 100 && session.sites.verifyCalls.length === 0; tries++) await new Promise((r) => setTimeout(r, 50));
  expect(session.sites.verifyCalls).toHaveLength(1);
}
