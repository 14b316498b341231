// OneLogin as the target: the InVision app's Configuration tab, where "Enable" under API Connection is the test.
// The shared hand-off (fill, Enable, verdict, save from the popup) runs in handoff-targets.e2e.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { IDP_PAGES, IDP_START_URLS, ONELOGIN_APP_URL, ONELOGIN_UNAUTHORIZED } from '../harness/idp-sites';
import { INVISION_SCIM_URL } from '../harness/sites';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';

let session: Session;
afterEach(async () => {
  await session?.close();
});

const start = (variant: keyof typeof IDP_PAGES.onelogin, options: Parameters<typeof startSession>[0] = {}) =>
  startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin[variant] }, ...options });
const calls = (kind: 'test' | 'save') => session.sites.callsTo('onelogin', kind);

describe('OneLogin', () => {
  it('first-time setup on a React form: fills the empty SCIM Base URL from the capture, and React gets both values', async () => {
    session = await start('first-time', { vars: { RENDER_DELAY_MS: '1500' } });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.onelogin['first-time']);
    await waitForPanel(page, /^Enabled\b/, 20_000);
    expect(calls('test')[0]!.fields).toEqual({ scim_base_url: INVISION_SCIM_URL, scim_bearer_token: session.token });
  });

  it('reports OneLogin’s refusal verbatim, keeps the token for a retry and never saves', async () => {
    session = await start('saved', { acceptedToken: 'a-different-token-onelogin-expects' });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.onelogin.saved);
    await waitForPanel(page, /Unable to enable/);
    const state = await waitForPhase(session.ext, 'failed');
    expect(state.message).toBe(ONELOGIN_UNAUTHORIZED);
    expect(state.secret?.token).toBe(session.token);
    expect(await page.$eval('#status', (el) => el.textContent)).toBe('Disabled');
    expect(calls('save')).toHaveLength(0);
  });

  it('does not fill an app that is not InVision until the user asks', async () => {
    session = await start('saved', { vars: { APP_LABEL: 'Slack' } });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.onelogin.saved);
    await waitForPanel(page, /This is “Slack App”, not the InVision app/);
    expect(calls('test')).toHaveLength(0);
    expect(await page.$eval('#bearer', (el) => (el as HTMLInputElement).value)).toBe('');
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('waits on another tab of the app, and fills once the user opens Configuration', async () => {
    session = await start('saved');
    await session.capture();
    const page = await session.sites.open(session.ext.browser, `${ONELOGIN_APP_URL}#info`);
    await page.locator('::-p-text(Configuration)').click();
    await waitForPanel(page, /^Enabled\b/);
    expect(calls('test')).toHaveLength(1);
  });
});
