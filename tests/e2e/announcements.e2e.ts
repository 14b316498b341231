// The verdict is read from what changed in the page: live regions, and for layouts without one, the short texts
// that appeared (not every text node of the page).
import { afterEach, expect, it } from 'vitest';
import { waitForPanel } from '../harness/extension';
import { OKTA_APP_URL } from '../harness/sites';
import { startSession, type Session } from '../harness/session';

const OKTA_FIXTURE = 'okta/classic-edit.html';
let session: Session;
afterEach(async () => {
  await session?.close();
});

it('reads a verdict shown without any role from the text that appeared', async () => {
  session = await startSession();
  await session.capture();
  session.sites.set({ pages: { [OKTA_APP_URL]: OKTA_FIXTURE }, inject: { [OKTA_FIXTURE]: 'framework/verdict-without-role.html' } });
  const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
  const text = await waitForPanel(okta, /verified successfully/);
  expect(await okta.$$eval('#verify-message [role]', (els) => els.length)).toBe(0);
  expect(text).toMatch(/verified successfully/);
  expect(session.sites.verifyCalls).toHaveLength(1);
});
