// Each IdP in its own words: the popup's steps, its Save button and the capture card name the IdP in use (Okta,
// OneLogin or Microsoft Entra ID), never another one; before a hand-off shows which IdP, they name the IdPs switched
// on, and after one they name the IdP used last.
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPopup } from '../harness/browser';
import { waitForPanel, waitForPhase } from '../harness/extension';
import { IDP_PAGES, IDP_START_URLS, type IdpId } from '../harness/idp-sites';
import { openOptions, setToggle } from '../harness/options';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';
import { OKTA_APP_URL } from '../harness/sites';

let session: Session;
afterEach(async () => {
  await session?.close();
});

interface Case {
  id: IdpId;
  label: string;
  pages: Record<string, string>;
  url: string;
  verdict: RegExp;
  /** The popup's steps once the token is verified, then saved: in this IdP's words. */
  steps: string[];
  path: string;
}

const CASES: Case[] = [
  {
    id: 'okta',
    label: 'Okta',
    pages: DEFAULT_PAGES,
    url: `${OKTA_APP_URL}#tab-user-management`,
    verdict: /verified successfully/,
    steps: ['Token captured on InVision', 'Integration form found in Okta', 'API Token filled', 'Test API Credentials clicked', 'Okta verified the token', 'Saved in Okta'],
    path: 'Okta: Applications › the InVision app › Provisioning › Integration',
  },
  {
    id: 'onelogin',
    label: 'OneLogin',
    pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved },
    url: IDP_START_URLS.onelogin.saved,
    verdict: /^Enabled\b/,
    steps: [
      'Token captured on InVision',
      'Configuration form found in OneLogin',
      'SCIM Bearer Token filled',
      'Enable (API Connection) clicked',
      'OneLogin verified the token',
      'Saved in OneLogin',
    ],
    path: 'OneLogin: Applications › the InVision app › Configuration',
  },
  {
    id: 'entra',
    label: 'Microsoft Entra ID',
    pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.legacy },
    url: IDP_START_URLS.entra.legacy,
    verdict: /authorized to enable provisioning/,
    steps: [
      'Token captured on InVision',
      'Provisioning form found in Microsoft Entra ID',
      'Secret Token filled',
      'Test Connection clicked',
      'Microsoft Entra ID verified the token',
      'Saved in Microsoft Entra ID',
    ],
    path: 'Microsoft Entra ID: Enterprise applications › the InVision app › Provisioning',
  },
];

const NEUTRAL_STEPS = [
  'Token captured on InVision',
  'Provisioning form found in your IdP',
  'Token filled in',
  'Test clicked',
  'Your IdP verified the token',
  'Saved in your IdP',
];
const ANY_IDP = "the InVision app's provisioning settings in your IdP (Okta, OneLogin, Microsoft Entra ID)";

/** The popup's checklist as a person reads it, without the ✓/○ marks. */
const popupSteps = (popup: Page) =>
  popup.$$eval('ol.steps li', (items) => items.map((li) => (li.textContent ?? '').replace(/^[✓○]\s*/, '')));
const popupHeadline = (popup: Page) => popup.$eval('[data-phase]', (el) => el.textContent ?? '');
const popupButtons = (popup: Page) => popup.$$eval('.actions button', (buttons) => buttons.map((b) => b.textContent));

describe.each(CASES)('$label, in its own words', (idp) => {
  it('the popup’s steps and Save name this IdP; the next capture sends the token to it by its path', async () => {
    session = await startSession({ pages: idp.pages });
    const invision = await session.capture();
    // Nothing tells yet which IdP: the card and the popup name every IdP switched on, and no step names one.
    expect(await waitForPanel(invision, /captured/)).toContain(`Open ${ANY_IDP};`);
    let popup = await openPopup(session.ext);
    expect(await popupHeadline(popup)).toContain(`Open ${ANY_IDP}.`);
    expect(await popupSteps(popup)).toEqual(NEUTRAL_STEPS);
    await popup.close();

    const page = await session.sites.open(session.ext.browser, idp.url);
    await waitForPanel(page, idp.verdict, 20_000);
    expect(await waitForPanel(page, /Save to keep/)).toContain(`Save to keep the new token in ${idp.label}.`);
    await waitForPhase(session.ext, 'verified');
    popup = await openPopup(session.ext);
    expect(await popupSteps(popup)).toEqual(idp.steps);
    expect(await popupButtons(popup)).toEqual([`Save in ${idp.label}`, 'Fill again', 'Forget now']);
    for (const other of CASES.filter((c) => c !== idp)) expect(await popup.evaluate(() => document.body.innerText)).not.toContain(other.label);
    await popup.locator(`::-p-text(Save in ${idp.label})`).click();
    await waitForPhase(session.ext, 'saved');
    await popup.waitForSelector('li[data-step=save].done');
    expect(await popup.$eval('li[data-step=save]', (li) => li.getAttribute('aria-label'))).toBe(`${idp.steps[5]}: done`);
    await popup.close();
    await waitForPanel(page, new RegExp(`Saved\\. ${idp.label} now has the new token, and SCIM Relay has forgotten it\\.`));

    // A new token later: the IdP used last is where it goes.
    const again = await session.capture();
    expect(await waitForPanel(again, /captured/)).toContain(`Open ${idp.path};`);
    popup = await openPopup(session.ext);
    expect(await popupHeadline(popup)).toContain(`Open ${idp.path}.`);
    expect(await popupSteps(popup)).toEqual(idp.steps);
  });
});

describe('before any hand-off', () => {
  it('names the one IdP switched on in the options, in its words', async () => {
    session = await startSession();
    const options = await openOptions(session.ext);
    await setToggle(options, 'site-okta', false);
    await setToggle(options, 'site-onelogin', false);
    await options.close();
    const invision = await session.capture();
    expect(await waitForPanel(invision, /captured/)).toContain('Open Microsoft Entra ID: Enterprise applications › the InVision app › Provisioning;');
    const popup = await openPopup(session.ext);
    expect(await popupSteps(popup)).toEqual(CASES[2]!.steps);
  });

  it('on an IdP page in front, its hints name that IdP', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved } });
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.onelogin.saved.replace('#configuration', '#info'));
    await page.bringToFront();
    const popup = await openPopup(session.ext);
    await popup.waitForSelector('.hint');
    expect(await popup.$eval('.hint', (el) => el.textContent)).toBe(
      // The app the page names follows the hint: the page reports it before the form is open (a framed form needs it).
      'The Configuration form is not open. Open Applications › the InVision app › Configuration on this app. (InVision App)',
    );
  });
});

describe('the verdict in the popup', () => {
  it('keeps the lines the IdP wrote, title and body apart', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.legacy } });
    await session.capture();
    const page = await session.sites.open(session.ext.browser, IDP_START_URLS.entra.legacy);
    await waitForPhase(session.ext, 'verified');
    // However the page's verdict is read, a title on its own line must reach the person on its own line.
    const verdict = 'Testing connection to InVision\nThe supplied credentials are authorized to enable provisioning';
    const worker = await session.ext.worker();
    await worker.evaluate(async (message) => {
      type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
      const session = (globalThis as unknown as { chrome: { storage: { session: Area } } }).chrome.storage.session;
      const { relay } = (await session.get('relay')) as { relay: Record<string, unknown> };
      await session.set({ relay: { ...relay, message } });
    }, verdict);
    await page.bringToFront();
    const popup = await openPopup(session.ext);
    expect(await popup.$eval('[data-phase=verified]', (el) => (el as HTMLElement).innerText)).toBe(verdict);
  });
});
