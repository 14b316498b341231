// Microsoft Entra ID as the target: legacy and new flows in the top document, the blade in a cross-origin
// frame with the verdict in a portal notification, and the same blade framed by a look-alike top page.
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/browser';
import { relayState, waitForFramePanel, waitForPanel, waitForPhase } from '../harness/extension';
import {
  ENTRA_AUTHORIZED,
  ENTRA_BLADE_FRAME_URL,
  ENTRA_FOREIGN_TOP_URL,
  ENTRA_INVALID,
  IDP_PAGES,
  IDP_START_URLS,
} from '../harness/idp-sites';
import { INVISION_SCIM_URL } from '../harness/sites';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';

let session: Session;
afterEach(async () => {
  await session?.close();
});

const start = (variant: keyof typeof IDP_PAGES.entra, options: Parameters<typeof startSession>[0] = {}) =>
  startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra[variant] }, ...options });
const calls = (kind: 'test' | 'save') => session.sites.callsTo('entra', kind);
const bladeFrame = (page: Page) => page.frames().find((f) => f.url().startsWith(ENTRA_BLADE_FRAME_URL));

async function saveFromPopup(page: Page) {
  await page.bringToFront();
  const popup = await openPopup(session.ext);
  await popup.locator('::-p-text(Save in)').click();
  return waitForPhase(session.ext, 'saved');
}

describe('Entra, blade in the top document', () => {
  it('legacy flow: Get started › Automatic › Admin Credentials, bare token, reads the notification, saves', async () => {
    session = await start('legacy');
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.entra.legacy);
    await waitForPanel(page, /authorized to enable provisioning/);
    expect(calls('test')).toEqual([
      { idp: 'entra', kind: 'test', host: 'portal.azure.com', fields: { tenantUrl: INVISION_SCIM_URL, secretToken: session.token } },
    ]);
    // The notification's title and body are two blocks: read apart, with a separator, as a person reads them.
    expect((await relayState(session.ext))?.message).toBe(`Testing connection to InVision — ${ENTRA_AUTHORIZED}`);
    const saved = await saveFromPopup(page);
    expect(saved.secret).toBeUndefined();
    expect(calls('save')[0]!.fields).toMatchObject({ secretToken: session.token, mode: 'Automatic' });
  });

  it.each([
    ['a Fluent dropdown whose options open in a callout at the end of <body>', 'callout'],
    ['a native <select>', 'select'],
  ])('legacy flow where Provisioning Mode is %s: chooses Automatic, then Admin Credentials appear', async (_how, control) => {
    session = await start('legacy', { vars: { MODE_CONTROL: control } });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.entra.legacy);
    await waitForPanel(page, /authorized to enable provisioning/);
    expect(calls('test')).toEqual([
      { idp: 'entra', kind: 'test', host: 'portal.azure.com', fields: { tenantUrl: INVISION_SCIM_URL, secretToken: session.token } },
    ]);
    expect(await page.$eval('[aria-labelledby~=pm-label], #pm-select', (el) => (el instanceof HTMLSelectElement ? el.value : el.textContent))).toMatch(/^Automatic/);
    await saveFromPopup(page);
    expect(calls('save')[0]!.fields).toMatchObject({ mode: 'Automatic' });
  });

  it('new flow on entra.microsoft.com: + New configuration › Test connection › Create', async () => {
    session = await start('new-configuration');
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.entra['new-configuration']);
    await waitForPanel(page, /authorized to enable provisioning/);
    expect(calls('test')[0]!.fields).toEqual({ tenantUrl: INVISION_SCIM_URL, secretToken: session.token });
    await saveFromPopup(page);
    expect(calls('save')).toHaveLength(1);
  });

  it('reports the invalid-credentials notification verbatim and never saves', async () => {
    session = await start('legacy', { acceptedToken: 'a-different-token-entra-expects' });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.entra.legacy);
    await waitForPanel(page, /invalid credentials/);
    const state = await waitForPhase(session.ext, 'failed');
    expect(state.message).toContain(ENTRA_INVALID);
    expect(calls('save')).toHaveLength(0);
  });

  it('does not fill another app’s blade on its own', async () => {
    session = await start('new-configuration', { vars: { APP_LABEL: 'Slack' } });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.entra['new-configuration']);
    await waitForPanel(page, /This is “Slack”, not the InVision app/);
    expect(calls('test')).toHaveLength(0);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });
});

describe('Entra, blade in a cross-origin frame', () => {
  it('fills only the blade frame, takes the verdict from the portal’s notification, and saves', async () => {
    session = await start('iframe');
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.entra.iframe);
    await waitForFramePanel(session.ext.browser, ENTRA_BLADE_FRAME_URL, /authorized to enable provisioning/);
    expect(calls('test')).toEqual([
      { idp: 'entra', kind: 'test', host: new URL(ENTRA_BLADE_FRAME_URL).hostname, fields: { tenantUrl: INVISION_SCIM_URL, secretToken: session.token } },
    ]);
    expect(await page.$eval('#notifications', (el) => el.textContent)).toContain(ENTRA_AUTHORIZED);
    expect(await page.evaluate(() => document.body.innerHTML)).not.toContain(session.token); // the top page never sees it
    const verified = await waitForPhase(session.ext, 'verified');
    expect(verified.steps).toEqual(['capture', 'locate', 'fill', 'test', 'verify']);
    await saveFromPopup(page);
    expect(calls('save')).toHaveLength(1);
    await waitForFramePanel(session.ext.browser, ENTRA_BLADE_FRAME_URL, /Saved/);
  });

  it('a blade that shows no app name of its own goes by the portal’s reading of the app, and fills', async () => {
    session = await start('iframe', { vars: { BLADE_NAMED: 'no' } });
    await session.capture();
    await session.sites.open(session.ext.browser, IDP_START_URLS.entra.iframe);
    await waitForFramePanel(session.ext.browser, ENTRA_BLADE_FRAME_URL, /authorized to enable provisioning/);
    expect(calls('test')).toHaveLength(1);
  });

  it('a blade that shows no app name of its own is refused when the portal names another app', async () => {
    session = await start('iframe', { vars: { BLADE_NAMED: 'no', APP_LABEL: 'Slack' } });
    await session.capture();
    await session.sites.open(session.ext.browser, IDP_START_URLS.entra.iframe);
    await waitForFramePanel(session.ext.browser, ENTRA_BLADE_FRAME_URL, /This is “Slack”, not the InVision app/);
    expect(calls('test')).toHaveLength(0);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('reports a failure announced in the portal, from the frame', async () => {
    session = await start('iframe', { acceptedToken: 'a-different-token-entra-expects' });
    await session.capture();
    await session.sites.open(session.ext.browser, IDP_START_URLS.entra.iframe);
    await waitForFramePanel(session.ext.browser, ENTRA_BLADE_FRAME_URL, /invalid credentials/);
    expect((await waitForPhase(session.ext, 'failed')).message).toContain(ENTRA_INVALID);
    expect(calls('save')).toHaveLength(0);
  });

  it('never fills the genuine blade when a look-alike top page frames it', async () => {
    session = await start('foreign-top');
    await session.capture();
    const page = await session.sites.open(session.ext.browser, ENTRA_FOREIGN_TOP_URL);
    const frame = await waitForFrame(page);
    await frame.locator('::-p-text(Admin Credentials)').click(); // even with the form open …
    await frame.waitForSelector('input[type=password]');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await frame.$eval('input[type=password]', (el) => (el as HTMLInputElement).value)).toBe(''); // … nothing
    expect(calls('test')).toHaveLength(0);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });
});

async function waitForFrame(page: Page) {
  for (let i = 0; i < 100 && !bladeFrame(page); i++) await new Promise((r) => setTimeout(r, 100));
  const frame = bladeFrame(page);
  if (!frame) throw new Error('the blade frame never loaded');
  await frame.waitForSelector('h2');
  return frame;
}
