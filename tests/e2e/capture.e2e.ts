// Capture on the InVision side: the moment the token is revealed, in each way a page may show it; never a mask.
import { afterEach, describe, expect, it } from 'vitest';
import { badgeText, generateInvisionToken, panelText, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { INVISION_PEOPLE_URL, INVISION_SCIM_URL } from '../harness/sites';
import { startSession, type Session } from '../harness/session';

const V7_URL = 'https://acme.invisionapp.com/settings/scim';
let session: Session;
afterEach(async () => {
  await session?.close();
});

describe('capture', () => {
  it('reminds what generating does while the box is ticked, then captures the token from the modal field', async () => {
    session = await startSession();
    const page = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
    await page.locator('aria/More').click();
    await page.locator('::-p-text(SCIM Provisioning)').click();
    await page.locator('#regen').click();
    await waitForPanel(page, /Generating a new token expires the current one/);
    expect((await relayState(session.ext))?.secret).toBeUndefined(); // the masked value is not a token
    await page.locator('::-p-text(Generate token)').click();
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.token).toBe(session.token);
    expect(held.secret?.scimUrl).toBe(INVISION_SCIM_URL);
    const card = await panelText(page);
    expect(card).toContain(`…${session.token.slice(-4)}`);
    expect(card).not.toContain(session.token);
    expect(await badgeText(session.ext)).toBe('10m');
  });

  it('captures a token shown late as plain text in a code block on the V7 settings page', async () => {
    session = await startSession({ pages: { [V7_URL]: 'invision/v7-settings-page.html' } });
    const page = await session.sites.open(session.ext.browser, V7_URL);
    await page.locator('::-p-text(I want to generate a new token)').click();
    await page.locator('::-p-text(Generate token)').click();
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.token).toBe(session.token);
    expect(held.secret?.scimUrl).toBe(INVISION_SCIM_URL);
  });

  it('never captures the masked token shown when the settings are reopened', async () => {
    session = await startSession({ pages: { [V7_URL]: 'invision/v7-settings-page.html' } });
    const page = await session.sites.open(session.ext.browser, V7_URL);
    await page.waitForSelector('::-p-text(User provisioning with SCIM)');
    await new Promise((r) => setTimeout(r, 1000)); // several observer and poll rounds
    expect(await page.$eval('#token', (el) => el.textContent)).toMatch(/^•+$/);
    expect((await relayState(session.ext))?.secret).toBeUndefined();
    expect(session.sites.tokensIssued).toBe(0);
  });

  it('a newer token replaces the older one (generating expires the old one)', async () => {
    session = await startSession();
    const page = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(page);
    await waitForPhase(session.ext, 'captured');
    const newer = `${session.token}-newer`;
    session.sites.set({ token: newer });
    await page.locator('#regen').click();
    await page.locator('::-p-text(Generate token)').click();
    await waitForPanel(page, new RegExp(`…${newer.slice(-4)} captured`));
    expect((await relayState(session.ext))?.secret?.token).toBe(newer);
  });
});
