// `npm run demo`: the whole relay on the bundled demo pages, served at the real host names inside the browser
// (request interception; nothing leaves the machine). Prints each step and the IdP's verdict, writes screenshots.
// Flags: --idp okta|onelogin|entra (default okta); --guide walks that IdP's setup in guide mode instead, with
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
import { IDP_PAGES, IDP_START_URLS, ONELOGIN_APP_URL, type IdpId } from './harness/idp-sites';
import { INVISION_PEOPLE_URL, OKTA_APP_URL } from './harness/sites';
import { DEFAULT_PAGES, startSession, type Session } from './harness/session';

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

async function popupShot(session: Session, name: string) {
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

/** One guide step on the IdP's page: the sentence the guide shows, a name for its screenshot, what the person does. */
interface GuideMove {
  says: RegExp;
  shot: string;
  then?: (page: Page, session: Session) => Promise<void>;
}

const fillAndTest = (page: Page) => clickPanelButton(page, 'Fill and test');
const saveWith = (selector: string) => async (page: Page, session: Session) => {
  await page.locator(selector).click(); // the person saves with the IdP's own button
  await waitForPhase(session.ext, 'saved');
};
const WANTS_FILL = /Choose “Fill and test”.*Fill it into/;

/** Each IdP's part of the guide demo: where the person opens it, then each step. */
const GUIDE_MOVES: Record<IdpId, { start: string; moves: GuideMove[] }> = {
  okta: {
    start: `${OKTA_APP_URL}#tab-user-management`,
    moves: [
      { says: /Choose Edit/, shot: 'edit', then: (page) => page.click('#userMgmtSettings\\.edit_link') },
      { says: WANTS_FILL, shot: 'fill', then: fillAndTest },
      { says: /Choose Save to keep it/, shot: 'save', then: saveWith('#userMgmtSettings\\.button\\.submit') },
      { says: /Done: Okta has the new token/, shot: 'done' },
    ],
  },
  onelogin: {
    start: `${ONELOGIN_APP_URL}#info`,
    moves: [
      { says: /Open the Configuration tab/, shot: 'configuration', then: (page) => page.click('a[href="#configuration"]') },
      { says: WANTS_FILL, shot: 'fill', then: fillAndTest },
      { says: /Choose Save to keep it/, shot: 'save', then: saveWith('#save') },
      { says: /Done: OneLogin has the new token/, shot: 'done' },
    ],
  },
  entra: {
    start: IDP_START_URLS.entra.legacy,
    moves: [
      { says: /Choose Get started/, shot: 'get-started', then: (page) => page.locator('::-p-text(Get started)').click() },
      {
        says: /Set Provisioning Mode to Automatic/,
        shot: 'mode',
        then: async (page) => {
          await page.click('[role=combobox]');
          await page.locator('[role=option]::-p-text(Automatic)').click();
        },
      },
      { says: WANTS_FILL, shot: 'fill', then: fillAndTest },
      { says: /Choose Save \(Create in a new configuration\) to keep it/, shot: 'save', then: saveWith('::-p-text(Save)') },
      { says: /Done: Microsoft Entra ID has the new token/, shot: 'done' },
    ],
  },
};

/** Guide mode on the chosen IdP's demo: the person clicks, the guide points; screenshots of each step. */
async function guideDemo(session: Session) {
  await useOnly(session);
  const options = await openOptions(session.ext);
  await setToggle(options, 'guide-mode', true);
  step('Options: guide mode switched on');
  await bothThemes(options, named('g0-options'));
  const invision = await session.sites.open(session.ext.browser, INVISION_PEOPLE_URL);
  step(`InVision › guide: "${await waitForPanel(invision, /Choose ••• \(more\)/)}"`);
  await bothThemes(invision, named('g1-invision-guide-more'));
  await invision.click('#more');
  await invision.locator('::-p-text(SCIM Provisioning)').click();
  step(`InVision › guide: "${await waitForPanel(invision, /Tick “I want to generate a new token”/)}"`);
  await bothThemes(invision, named('g2-invision-guide-tick'));
  await invision.click('#regen');
  await invision.locator('::-p-text(Generate token)').click();
  await waitForPhase(session.ext, 'captured');
  step(`InVision › guide: "${await waitForPanel(invision, new RegExp(`Now switch to ${label}: `))}"`);
  await bothThemes(invision, named('g3-invision-guide-captured'));
  const { start, moves } = GUIDE_MOVES[idpId];
  const page = await session.sites.open(session.ext.browser, start);
  for (const [i, move] of moves.entries()) {
    step(`${label} › guide: "${await waitForPanel(page, move.says)}"`);
    await bothThemes(page, `g${4 + i}-${idpId}-guide-${move.shot}`);
    await move.then?.(page, session);
  }
  step(`Popup: ${await popupShot(session, named(`g${4 + moves.length}-popup-saved`))}`);
}

/** The demo's admin uses one IdP: the others are switched off in the options, so every word names this one. */
async function useOnly(session: Session) {
  const options = await openOptions(session.ext);
  for (const other of Object.keys(IDPS).filter((id) => id !== idpId)) await setToggle(options, `site-${other}`, false);
  await options.close();
  step(`Options: only ${label} switched on`);
}

async function main() {
  step('Building the extension (wxt build)');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  if (args.guide) {
    const session = await startSession({ pages: idp.pages }, { headless: !args.headed });
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

await main().catch((error) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
