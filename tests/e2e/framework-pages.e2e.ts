// Pages that re-render, announce and enable their buttons in their own way. After typing, the field is read back
// once the page has re-rendered (its next frame, not a fixed pause); the verdict is read from what changed in the
// page: live regions, and for layouts without one, the short texts that appeared (not every text node of the page).
import { afterEach, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { waitForPanel } from '../harness/extension';
import { OKTA_APP_URL } from '../harness/sites';
import { startSession, type Session } from '../harness/session';

const OKTA_FIXTURE = 'okta/classic-edit.html';
let session: Session;
afterEach(async () => {
  await session?.close();
});

/** Captures a token, then opens Okta's page with one of tests/fixtures/framework/ added to it. */
async function oktaWith(addition: string): Promise<Page> {
  session = await startSession();
  await session.capture();
  session.sites.set({ pages: { [OKTA_APP_URL]: OKTA_FIXTURE }, inject: { [OKTA_FIXTURE]: `framework/${addition}` } });
  return session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
}

it('stops before Test when the page resets the token field on its next frame', async () => {
  const okta = await oktaWith('token-reset-next-frame.html');
  const text = await waitForPanel(okta, /did not keep the value/);
  expect(text).toMatch(/Stopped: the API Token field did not keep the value \(the page reset it\)\. Type it yourself or reload the page and try again\./);
  expect(text).not.toContain(session.token);
  expect(session.sites.verifyCalls).toHaveLength(0);
});

it('reads a verdict shown without any role from the text that appeared', async () => {
  const okta = await oktaWith('verdict-without-role.html');
  const text = await waitForPanel(okta, /verified successfully/);
  expect(await okta.$$eval('#verify-message [role]', (els) => els.length)).toBe(0);
  expect(text).toMatch(/verified successfully/);
  expect(session.sites.verifyCalls).toHaveLength(1);
});

it('types the token while Test waits disabled for a value, then tests with it', async () => {
  const okta = await oktaWith('test-disabled-until-filled.html');
  const text = await waitForPanel(okta, /verified successfully/);
  expect(await okta.evaluate(() => (window as unknown as { testDisabledAtInput?: boolean }).testDisabledAtInput)).toBe(true);
  expect(text).toMatch(/verified successfully/);
  expect(session.sites.verifyCalls).toHaveLength(1);
  expect(session.sites.verifyCalls[0]!.get('scim_auth_header_value_new')).toBe(session.token);
});
