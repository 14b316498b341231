// `npm run demo`: the whole relay on the bundled demo pages, served at the real host names inside the browser
// (request interception; nothing leaves the machine). Prints each step and Okta's verdict, writes screenshots.
// Flags: --headed opens a visible browser (needs a display); --out <dir> (default demo-output).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { openPopup } from './harness/browser';
import { relayState, waitForPanel, waitForPhase } from './harness/extension';
import { INVISION_PEOPLE_URL, OKTA_APP_URL } from './harness/sites';
import { startSession } from './harness/session';

const { values: args } = parseArgs({
  options: { headed: { type: 'boolean', default: false }, out: { type: 'string', default: 'demo-output' } },
});
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
  const session = await startSession({ token: `demo-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}` }, { headless: !args.headed });
  try {
    step(`InVision (demo page): ${INVISION_PEOPLE_URL} › People › ••• › SCIM Provisioning`);
    const invision = await session.capture();
    const held = await relayState(session.ext);
    step(`Captured token …${session.token.slice(-4)} and SCIM API URL ${held?.secret?.scimUrl ?? '(none)'}; held in memory only`);
    await shot(invision, '1-invision-captured');
    step(`Popup: ${await popupShot(session, '2-popup-captured')}`);

    step(`Okta admin (demo page): ${OKTA_APP_URL}#tab-user-management › Provisioning › Integration`);
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /verified successfully|Error/);
    const verdict = await okta.$eval('[role=alert]', (el) => el.textContent?.trim() ?? '');
    step(`Edit › API Token filled › Test API Credentials › Okta says: "${verdict}"`);
    await shot(okta, '3-okta-verified');
    step(`Popup: ${await popupShot(session, '4-popup-verified')}`);

    step('Save (from the popup)');
    const popup = await openPopup(session.ext);
    await popup.locator('::-p-text(Save in Okta)').click();
    await waitForPhase(session.ext, 'saved');
    await popup.close();
    await waitForPanel(okta, /Saved/);
    await shot(okta, '5-okta-saved');
    step(`Popup: ${await popupShot(session, '6-popup-saved')}`);
    const after = await relayState(session.ext);
    step(`Token forgotten: ${after?.secret ? 'NO' : 'yes'}; Okta received it in ${session.sites.verifyCalls.length} test and ${session.sites.saveCalls.length} save request(s)`);
  } finally {
    await session.close();
  }
}

main().catch((error) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
