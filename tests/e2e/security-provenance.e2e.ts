// Issue #10, classes 1 and 2, from the source side: a page on the source's origin cannot plant a token, and cannot
// steer the Base URL. The attacks are the pages written blind (tests/fixtures/hostile/blind/, README in
// /work/blind/hostile) plus our own; each is shown failing beside its benign counterpart working, with the exact
// words the person reads.
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/browser';
import { clickPanelButton, generateInvisionToken, panelText, relayState, waitForPanel, waitForPhase, type StoredRelay } from '../harness/extension';
import { INVISION_PEOPLE_URL, INVISION_SCIM_URL, OKTA_APP_URL } from '../harness/sites';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';

const SETTINGS_URL = 'https://acme.invisionapp.com/settings';
const BLIND = 'hostile/blind';
/** Planted tokens of the blind pages all start so (their README). */
const PLANTED = 'c2NpbS1hY21l';
const SETTLE_MS = 3_000; // longer than any blind page's own delays (1.5 s at most) plus a few scan rounds
const NOT_AFTER_CLICK =
  'Not captured: this page shows a token, but not right after your click on the Generate token button. SCIM Relay takes only a token you have just generated, so a token a page shows on its own is never relayed. To relay one, generate a new token on this page.';

let session: Session;
afterEach(async () => {
  await session?.close();
});

async function open(url: string, file: string): Promise<Page> {
  session = await startSession({ pages: { ...DEFAULT_PAGES, [`${new URL(url).origin}${new URL(url).pathname}`]: file } });
  return session.sites.open(session.ext.browser, url);
}

/** The person's path on the blind V7 pages: tick the box, click Generate token (real, trusted clicks). */
async function generateV7(page: Page): Promise<void> {
  await page.locator('#regen').click();
  await page.locator('#gen').click();
}

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
const fp = (token: string) => `…${token.slice(-4)}`;
/** When the relay captured the held token, as the page's clock shows it ("10:02"). */
const capturedAtIn = (page: Page, state: StoredRelay) =>
  page.evaluate((t) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), (state.secret as unknown as { capturedAt: number }).capturedAt);

async function nothingHeld(): Promise<void> {
  const state = await relayState(session.ext);
  expect(state?.secret).toBeUndefined();
  expect(JSON.stringify(state ?? {})).not.toContain(PLANTED);
}

describe('class 1: a page on the source origin plants a token', () => {
  it('benign: the real settings page, the person’s click on Generate token: captured, with where from and the Base URL', async () => {
    const page = await open(`${SETTINGS_URL}/scim`, 'invision/v7-settings-page.html');
    await page.locator('::-p-text(I want to generate a new token)').click();
    await page.locator('::-p-text(Generate token)').click();
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.token).toBe(session.token);
    const at = await capturedAtIn(page, held);
    const card = await waitForPanel(page, /From acme/);
    expect(card).toContain(`Token ${fp(session.token)} captured.`);
    expect(card).toContain(`From acme.invisionapp.com (Settings · Acme · InVision) at ${at}. Base URL: ${INVISION_SCIM_URL}.`);
  });

  it('A1 help article with an example token, on support.invisionapp.com: nothing captured, no card', async () => {
    const page = await open(
      'https://support.invisionapp.com/docs/scim-why-cant-i-see-the-authentication-token-in-my-invision-v7-scim-settings',
      `${BLIND}/a1-help-article-example-token.html`,
    );
    await settle();
    expect(await page.evaluate(() => document.body.innerText)).toContain(PLANTED); // the attack did show its token
    expect(await panelText(page)).toBe('');
    await nothingHeld();
  });

  it('A2 shared prototype of the settings on the org’s own host, clicked by the person: nothing captured, no card', async () => {
    const page = await open('https://acme.invisionapp.com/share/8Q1XYZ2ABC', `${BLIND}/a2-shared-prototype.html`);
    await page.locator('::-p-text(I want to generate a new token)').click();
    await page.locator('::-p-text(Generate token)').click();
    await settle();
    expect(await page.$eval('#scim-token', (el) => (el as HTMLInputElement).value)).toContain(PLANTED); // the attack showed its token
    expect(await panelText(page)).toBe('');
    await nothingHeld();
  });

  it('A3 settings drawn at opacity 0.02 over an innocent button: the click does not count; drawn visibly, it does', async () => {
    const page = await open(`${SETTINGS_URL}#scim`, `${BLIND}/a3-invisible-settings.html`);
    await page.locator('#openp').click(); // lands on the invisible Generate token above it
    await settle();
    expect(await page.$eval('#scim-token', (el) => (el as HTMLInputElement).value)).toContain(PLANTED);
    expect(await panelText(page)).toBe('');
    await nothingHeld();
    // The counterpart: the same settings drawn as a person sees them; their click on Generate token counts.
    await page.locator('::-p-text(Done)').click(); // back to the masked value, still invisible
    await page.addStyleTag({ content: '#ghost { opacity: 1 !important; } #openp { display: none; }' });
    await generateV7(page);
    await waitForPanel(page, /captured\./);
    expect((await relayState(session.ext))?.secret?.token).toContain(PLANTED);
  });

  it('A4 a token swapped for a look-alike every 800 ms: the first is kept, the look-alike never reaches Okta, Okta tests once', async () => {
    const page = await open(`${SETTINGS_URL}#scim`, `${BLIND}/a4-swapping-token.html`);
    await generateV7(page);
    await waitForPhase(session.ext, 'captured');
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPhase(session.ext, 'verified');
    await page.bringToFront();
    const card = await waitForPanel(page, /This page changed the token/);
    await new Promise((r) => setTimeout(r, 9_000)); // a dozen swaps in front of the person
    await okta.bringToFront();
    await new Promise((r) => setTimeout(r, 2_000));
    const held = await relayState(session.ext);
    expect(held?.phase).toBe('verified');
    expect(held?.secret?.token).toBe(session.token);
    expect(session.sites.verifyCalls).toHaveLength(1);
    expect(session.sites.verifyCalls[0]!.get('scim_auth_header_value_new') || session.sites.verifyCalls[0]!.get('scim_auth_header_value')).toBe(session.token);
    const lookAlike = card.match(/the other, (…\S{4}), was not taken/)?.[1];
    expect(lookAlike).toBeDefined();
    expect(lookAlike).not.toBe(fp(session.token));
    expect(card).toContain(
      `This page changed the token after your click. SCIM Relay keeps the one it showed first, ${fp(session.token)}; the other, ${lookAlike}, was not taken. If that is wrong, forget the token in the popup and generate again.`,
    );
  });

  it('A5 a token “generated” by page script on load (synthetic clicks): not captured and the card says why; the person’s own generate then is', async () => {
    const page = await open(`${SETTINGS_URL}#scim`, `${BLIND}/a5-token-at-load.html`);
    const card = await waitForPanel(page, /Not captured/);
    expect(card).toContain(NOT_AFTER_CLICK);
    await nothingHeld();
    await page.locator('::-p-text(Done)').click();
    await generateV7(page);
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.token).toBe(session.token);
    await waitForPanel(page, new RegExp(`Token ${fp(session.token)} captured`));
  });

  it('own: a click that loads a new page in the same tab still counts; the same page opened without the click does not', async () => {
    const form = 'https://acme.invisionapp.com/settings/scim';
    session = await startSession({ pages: { ...DEFAULT_PAGES, [form]: 'invision/v7-token-on-next-page.html', [`${form}/new-token`]: 'invision/v7-token-on-next-page.html' } });
    const direct = await session.sites.open(session.ext.browser, `${form}/new-token`);
    await waitForPanel(direct, /Not captured/);
    await nothingHeld();
    await direct.close();
    const page = await session.sites.open(session.ext.browser, form);
    await page.locator('#regen').click();
    await Promise.all([page.waitForNavigation(), page.locator('#generate').click()]);
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.token).toBe(session.token);
    expect(held.secret?.scimUrl).toBe(INVISION_SCIM_URL);
    await waitForPanel(page, new RegExp(`Token ${fp(session.token)} captured`));
  });
});

describe('class 1: a second token does not silently win', () => {
  it('a token from another org’s settings asks on its card; Keep keeps the first, Replace takes the new one', async () => {
    const globex = 'https://globex.invisionapp.com/people';
    session = await startSession({ pages: { ...DEFAULT_PAGES, [globex]: 'invision/v6-people-modal.html' } });
    await session.capture();
    const first = (await relayState(session.ext))!;
    const second = `${session.token}-globex`;
    session.sites.set({ token: second });
    const page = await session.sites.open(session.ext.browser, globex);
    await generateInvisionToken(page);
    const at = await capturedAtIn(page, first);
    const asked = await waitForPanel(page, /Replace the token/);
    expect(asked).toContain(`Replace the token captured on acme.invisionapp.com at ${at}?`);
    expect(asked).toContain(`This page shows a new token ${fp(second)} after your click.`);
    expect((await relayState(session.ext))?.secret?.token).toBe(session.token);
    await clickPanelButton(page, 'Keep');
    await waitForPanel(page, /Kept the token held before/);
    expect((await relayState(session.ext))?.secret?.token).toBe(session.token);
    // Generate again on that page; this time the person replaces.
    const third = `${session.token}-globex2`;
    session.sites.set({ token: third });
    await page.locator('#regen').click();
    await page.locator('::-p-text(Generate token)').click();
    await waitForPanel(page, /Replace the token/);
    await clickPanelButton(page, 'Replace');
    await waitForPanel(page, new RegExp(`Token ${fp(third)} captured`));
    const held = await relayState(session.ext);
    expect(held?.secret?.token).toBe(third);
    expect(held?.secret?.scimUrl).toBe('https://globex.invisionapp.com/scim/v2');
  });
});

describe('class 2: the page steers the Base URL', () => {
  /** blind page, and what the card says of the Base URL it named. */
  const CASES: [file: string, baseUrl: string][] = [
    ['b1-other-org-url.html', 'not taken: the page named one on another site, globex.invisionapp.com, not on acme.invisionapp.com'],
    ['b2-userinfo-url.html', 'not taken: the page named one on another site, evil.example, not on acme.invisionapp.com'],
    ['b3-hidden-duplicate-url.html', 'not taken: the page named one on another site, evil.example, not on acme.invisionapp.com'],
    ['b4-masked-url-after-reveal.html', 'not taken: the page named one on another site, evil.example, not on acme.invisionapp.com'],
    ['b5-homoglyph-host.html', 'not taken: the page named one on another site, xn--cme-5cd.invisionapp.com, not on acme.invisionapp.com'],
  ];

  it.each(CASES)('%s: the token is captured, its Base URL is not, and the card says which host the page named', async (file, baseUrl) => {
    const page = await open(`${SETTINGS_URL}#scim`, `${BLIND}/${file}`);
    await generateV7(page);
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.token).toBe(session.token);
    expect(held.secret?.scimUrl).toBeUndefined();
    const card = await waitForPanel(page, /Base URL/);
    expect(card).toContain(`Base URL: ${baseUrl} (enter it in your IdP yourself).`);
  });

  it('benign: the page’s own SCIM API URL is taken, and the popup shows where the token came from', async () => {
    session = await startSession();
    await session.capture();
    const popup = await openPopup(session.ext);
    const held = (await relayState(session.ext))!;
    const at = await capturedAtIn(popup, held);
    const text = await popup.$eval('section.provenance', (el) => el.textContent);
    expect(text).toBe(
      `Token ${fp(session.token)} from acme.invisionapp.com, captured at ${at}` + 'Page: People · Acme · InVision' + `Base URL to fill: ${INVISION_SCIM_URL}`,
    );
  });

  it('own: a SCIM URL only in unrelated text of the page (not beside the caption) is never taken', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [INVISION_PEOPLE_URL]: 'invision/v6-people-modal.html' } });
    const page = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
    // The caption is gone; the same URL still sits in the dialog's own text.
    await page.evaluate(() => {
      document.querySelector('label[for=scim-url]')!.textContent = 'Endpoint docs';
      const note = document.createElement('p');
      note.textContent = `https://${location.hostname}/scim/v2`;
      document.querySelector('[role=dialog]')!.append(note);
    });
    await generateInvisionToken(page);
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.scimUrl).toBeUndefined();
    expect(await waitForPanel(page, /Base URL/)).toContain('Base URL: none shown beside the token on that page (enter it in your IdP yourself).');
  });
});
