// `npm run demo`: the whole relay on the bundled demo pages, served at the real host names inside the browser
// (request interception; nothing leaves the machine). Prints each step and Okta's verdict, writes screenshots.
// Flags: --idp okta|onelogin|entra (default okta); --headed opens a visible browser (needs a display);
// --out <dir> (default demo-output).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { openPopup } from './harness/browser';
import { relayState, waitForPanel, waitForPhase } from './harness/extension';
import { IDP_PAGES, IDP_START_URLS, type IdpId } from './harness/idp-sites';
import { INVISION_PEOPLE_URL, OKTA_APP_URL } from './harness/sites';
import { DEFAULT_PAGES, startSession } from './harness/session';

const { values: args } = parseArgs({
  options: {
    idp: { type: 'string', default: 'okta' },
    headed: { type: 'boolean', default: false },
    out: { type: 'string', default: 'demo-output' },
  },
});

/** Each IdP's demo: the pages to serve, where a person opens the form, and how the IdP is named. */
const IDPS: Record<IdpId, { label: string; pages: Record<string, string>; start: string; path: string }> = {
  okta: { label: 'Okta', pages: DEFAULT_PAGES, start: `${OKTA_APP_URL}#tab-user-management`, path: 'Applications › InVision › Provisioning › Integration' },
  onelogin: {
    label: 'OneLogin',
    pages: { ...DEFAULT_PAGES, ...IDP_PAGES.onelogin.saved },
    start: IDP_START_URLS.onelogin.saved,
    path: 'Applications › InVision App › Configuration',
  },
  entra: {
    label: 'Microsoft Entra ID',
    pages: { ...DEFAULT_PAGES, ...IDP_PAGES.entra.legacy },
    start: IDP_START_URLS.entra.legacy,
    path: 'Enterprise applications › InVision › Provisioning',
  },
};
if (!(args.idp! in IDPS)) {
  console.error(`Unknown --idp "${args.idp}": expected one of ${Object.keys(IDPS).join(', ')}.`);
  process.exit(2);
}
const idp = IDPS[args.idp as IdpId];
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
  await popup.close();
  return text;
}

async function main() {
  step('Building the extension (wxt build)');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const token = `demo-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const session = await startSession({ token, pages: idp.pages }, { headless: !args.headed });
  try {
    step(`InVision (demo page): ${INVISION_PEOPLE_URL} › People › ••• › SCIM Provisioning`);
    const invision = await session.capture();
    const held = await relayState(session.ext);
    step(`Captured token …${session.token.slice(-4)} and SCIM API URL ${held?.secret?.scimUrl ?? '(none)'}; held in memory only`);
    await shot(invision, '1-invision-captured');
    step(`Popup: ${await popupShot(session, '2-popup-captured')}`);

    step(`${idp.label} admin (demo page): ${idp.start} › ${idp.path}`);
    const target = await session.sites.open(session.ext.browser, idp.start);
    const result = await waitForPhase(session.ext, ['verified', 'failed'], 30_000);
    step(`Token filled and tested › ${idp.label} says: "${result.message}"`);
    await shot(target, `3-${args.idp}-verified`);
    step(`Popup: ${await popupShot(session, '4-popup-verified')}`);
    if (result.phase !== 'verified') throw new Error(`${idp.label} did not verify the token`);

    step('Save (from the popup)');
    await target.bringToFront();
    const popup = await openPopup(session.ext);
    await popup.locator('::-p-text(Save in)').click();
    await waitForPhase(session.ext, 'saved');
    await popup.close();
    await waitForPanel(target, /Saved/);
    await shot(target, `5-${args.idp}-saved`);
    step(`Popup: ${await popupShot(session, '6-popup-saved')}`);
    const after = await relayState(session.ext);
    const received = session.sites.requests.filter((r) => r.body.includes(token)).length;
    step(`Token forgotten: ${after?.secret ? 'NO' : 'yes'}; ${idp.label} received it in ${received} request(s) (its own test and save)`);
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
