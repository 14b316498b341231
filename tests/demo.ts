// `npm run demo`: the whole relay on the bundled demo pages, served at the real host names inside the browser
// (request interception; nothing leaves the machine). Prints each step and Okta's verdict, writes screenshots.
// Flags: --idp okta|onelogin|entra (default okta); --guide walks the Okta setup in guide mode instead, with
// screenshots of each guide step in light and dark; --headed opens a visible browser (needs a display);
// --out <dir> (default demo-output).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { openPopup } from './harness/browser';
import { entraAdapter } from '../utils/adapters/entra.target';
import { oktaAdapter } from '../utils/adapters/okta.target';
import { oneloginAdapter } from '../utils/adapters/onelogin.target';
import type { TargetAdapter } from '../utils/adapters/types';
import { clickPanelButton, panelText, relayState, waitForPanel, waitForPhase } from './harness/extension';
import { openOptions, setToggle } from './harness/options';
import { IDP_PAGES, IDP_START_URLS, type IdpId } from './harness/idp-sites';
import { INVISION_PEOPLE_URL, OKTA_APP_URL } from './harness/sites';
import { DEFAULT_PAGES, startSession } from './harness/session';

const { values: args } = parseArgs({
  options: {
    idp: { type: 'string', default: 'okta' },
    headed: { type: 'boolean', default: false },
    guide: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-output' },
  },
});

/** Each IdP's demo: its adapter (name and path, in its own words), the pages to serve, where a person opens the form. */
const IDPS: Record<IdpId, { adapter: TargetAdapter; pages: Record<string, string>; start: string }> = {
  okta: { adapter: oktaAdapter, pages: DEFAULT_PAGES, start: `${OKTA_APP_URL}#tab-user-management` },
  onelogin: { adapter: oneloginAdapter, pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved }, start: IDP_START_URLS.onelogin.saved },
  entra: { adapter: entraAdapter, pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.legacy }, start: IDP_START_URLS.entra.legacy },
};
if (!(args.idp! in IDPS)) {
  console.error(`Unknown --idp "${args.idp}": expected one of ${Object.keys(IDPS).join(', ')}.`);
  process.exit(2);
}
const idpId = args.idp as IdpId;
const idp = IDPS[idpId];
const { label } = idp.adapter;
/** Okta's screenshots keep their names (the README shows them); the other IdPs' carry the IdP's id. */
const named = (name: string) => (idpId === 'okta' ? name : `${name}-${idpId}`);
const outDir = resolve(args.out!);
mkdirSync(outDir, { recursive: true });
let stepNo = 0;
const step = (text: string) => console.log(`${String(++stepNo).padStart(2)}. ${text}`);
const shot = async (page: Page, name: string) => {
  const path = resolve(outDir, `${name}.png`);
  await page.screenshot({ path });
  console.log(`    screenshot: ${path}`);
};

async function popupShot(session: Awaited<ReturnType<typeof startSession>>, name: string) {
  const popup = await openPopup(session.ext);
  await new Promise((r) => setTimeout(r, 300)); // let the first state poll render
  await shot(popup, name);
  const text = await popup.$eval('[data-phase]', (el) => el.textContent ?? '');
  const steps = await popup.$$eval('ol.steps li', (items) => items.map((li) => li.textContent?.trim()).join(' · '));
  const buttons = await popup.$$eval('.actions button', (items) => items.map((b) => `[${b.textContent}]`).join(' '));
  await popup.close();
  return `${text}\n    steps: ${steps}${buttons ? `\n    buttons: ${buttons}` : ''}`;
}

/** Light, then dark (the system setting the extension follows). */
async function bothThemes(page: Page, name: string) {
  await shot(page, name);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await shot(page, `${name}-dark`);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

/** Guide mode on the Okta demo: the person clicks, the guide points; screenshots of each step. */
async function guideDemo(session: Awaited<ReturnType<typeof startSession>>) {
  const options = await openOptions(session.ext);
  await setToggle(options, 'guide-mode', true);
  step('Options: guide mode switched on');
  await bothThemes(options, 'g0-options');
  const invision = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
  step(`InVision › guide: "${await waitForPanel(invision, /Choose ••• \(more\)/)}"`);
  await bothThemes(invision, 'g1-invision-guide-more');
  await invision.click('#more');
  await invision.locator('::-p-text(SCIM Provisioning)').click();
  step(`InVision › guide: "${await waitForPanel(invision, /Tick “I want to generate a new token”/)}"`);
  await bothThemes(invision, 'g2-invision-guide-tick');
  await invision.click('#regen');
  await invision.locator('::-p-text(Generate token)').click();
  await waitForPhase(session.ext, 'captured');
  step(`InVision › guide: "${await waitForPanel(invision, /Now switch to Okta/)}"`);
  await bothThemes(invision, 'g3-invision-guide-captured');
  const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
  step(`Okta › guide: "${await waitForPanel(okta, /Choose Edit/)}"`);
  await bothThemes(okta, 'g4-okta-guide-edit');
  await okta.click('#userMgmtSettings\\.edit_link');
  step(`Okta › guide: "${await waitForPanel(okta, /Choose “Fill and test”.*Fill it into/)}"`);
  await bothThemes(okta, 'g5-okta-guide-fill');
  await clickPanelButton(okta, 'Fill and test');
  step(`Okta › guide: "${await waitForPanel(okta, /Choose Save to keep it/)}"`);
  await bothThemes(okta, 'g6-okta-guide-save');
  await okta.click('#userMgmtSettings\\.button\\.submit');
  await waitForPhase(session.ext, 'saved');
  step(`Okta › guide: "${await waitForPanel(okta, /Done: Okta has the new token/)}"`);
  await bothThemes(okta, 'g7-okta-guide-done');
  step(`Popup: ${await popupShot(session, 'g8-popup-saved')}`);
}

/** The demo's admin uses one IdP: the others are switched off in the options, so every word names this one. */
async function useOnly(session: Awaited<ReturnType<typeof startSession>>) {
  const options = await openOptions(session.ext);
  for (const other of Object.keys(IDPS).filter((id) => id !== idpId)) await setToggle(options, `site-${other}`, false);
  await options.close();
  step(`Options: only ${label} switched on`);
}

async function main() {
  step('Building the extension (wxt build)');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (args.guide) {
    const session = await startSession({}, { headless: !args.headed });
    return guideDemo(session).finally(() => session.close());
  }
  const token = `demo-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const session = await startSession({ token, pages: idp.pages }, { headless: !args.headed });
  try {
    await useOnly(session);
    step(`InVision (demo page): ${INVISION_PEOPLE_URL} › People › ••• › SCIM Provisioning`);
    const invision = await session.capture();
    const held = await relayState(session.ext);
    step(`Captured token …${session.token.slice(-4)} and SCIM API URL ${held?.secret?.scimUrl ?? '(none)'}; held in memory only`);
    step(`InVision card: "${await panelText(invision)}"`);
    await shot(invision, named('1-invision-captured'));
    step(`Popup: ${await popupShot(session, named('2-popup-captured'))}`);

    step(`${label} admin (demo page): ${idp.start} › ${idp.adapter.path}`);
    const target = await session.sites.open(session.ext.browser, idp.start);
    const result = await waitForPhase(session.ext, ['verified', 'failed'], 30_000);
    step(`Token filled and tested › ${label} says: "${result.message}"`);
    await shot(target, `3-${idpId}-verified`);
    step(`Popup: ${await popupShot(session, named('4-popup-verified'))}`);
    if (result.phase !== 'verified') throw new Error(`${label} did not verify the token`);

    step('Save (from the popup)');
    await target.bringToFront();
    const popup = await openPopup(session.ext);
    await popup.locator('::-p-text(Save in)').click();
    await waitForPhase(session.ext, 'saved');
    await popup.close();
    await waitForPanel(target, /Saved/);
    await shot(target, `5-${idpId}-saved`);
    step(`Popup: ${await popupShot(session, named('6-popup-saved'))}`);
    const after = await relayState(session.ext);
    const received = session.sites.requests.filter((r) => r.body.includes(token)).length;
    step(`Token forgotten: ${after?.secret ? 'NO' : 'yes'}; ${label} received it in ${received} request(s) (its own test and save)`);
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
