// After typing, the field is read back once the page has re-rendered (a frame, not a fixed pause): a form whose
// framework throws the value away on its next render must stop the hand-off before Test, with a message.
import { afterEach, expect, it } from 'vitest';
import { waitForPanel } from '../harness/extension';
import { OKTA_APP_URL } from '../harness/sites';
import { startSession, type Session } from '../harness/session';

const OKTA_FIXTURE = 'okta/classic-edit.html';
let session: Session;
afterEach(async () => {
  await session?.close();
});

it('stops before Test when the page resets the token field on its next frame', async () => {
  session = await startSession();
  await session.capture();
  session.sites.set({ pages: { [OKTA_APP_URL]: OKTA_FIXTURE }, inject: { [OKTA_FIXTURE]: 'framework/token-reset-next-frame.html' } });
  const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
  const text = await waitForPanel(okta, /did not keep the value/);
  expect(text).toMatch(/Stopped: the API Token field did not keep the value \(the page reset it\)\. Type it yourself or reload the page and try again\./);
  expect(text).not.toContain(session.token);
  expect(session.sites.verifyCalls).toHaveLength(0);
});
