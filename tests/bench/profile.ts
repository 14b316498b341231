// `npm run profile -- [okta|onelogin|entra|invision] [--runs N] [--ordinary] [--front]`: one hand-off at a time on the IdP's
// big busy console (or its ordinary page) (or, for invision, one capture on the big busy InVision settings page), under V8's sampling
// profiler, with the extension built unminified so functions keep their names. Prints pane → Test (or the capture's
// main-thread time) and the functions that took the page's main thread, by self time: the evidence behind an
// optimisation, taken before and after it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { launchWithExtension } from '../harness/browser';
import { FakeSites } from '../harness/sites';
import { ownShare, startProfile, stopProfile, topSelfTimes, topTotalTimes, type CpuProfile } from './cpu-profile';
import { BUSY_CONSOLE, handOffOnce, IDP_BENCHES } from './handoffs';

const OUT_DIR = resolve(import.meta.dirname, '../../bench/out/unminified/chrome-mv3');
const INVISION_SETTINGS_URL = 'https://acme.invisionapp.com/settings/scim';
const TOP_FUNCTIONS = 15;
const STEP_TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(10);
  }
  throw new Error(`profile: timed out waiting for ${what}`);
}
const withTimeout = <T>(what: string, promise: Promise<T>) =>
  Promise.race([promise, sleep(STEP_TIMEOUT_MS).then(() => Promise.reject(new Error(`profile: timed out waiting for ${what}`)))]);

const args = process.argv.slice(2);
const chosen = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'okta';
const idp = IDP_BENCHES.find((b) => b.id === chosen);
if (!idp && chosen !== 'invision') throw new Error(`profile: okta, onelogin, entra or invision, not ${chosen}`);
const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
/** `--ordinary`: the IdP's page as it is, without the busy console around it. */
const ordinary = args.includes('--ordinary');
/** `--front`: the pane is found in a background tab and timed from the tab coming to the front. */
const moment = args.includes('--front') ? 'front' : 'pane';
const CAPTURE_WINDOW_MS = 2500; // the page shows the token 1 s after Generate; then the scan, the veil check, the offer

/** `PROFILE_DUMP=/tmp/p`: each profile is also written to /tmp/p-1.json, … (open it in Chrome's DevTools). */
const keep = (profile: CpuProfile) => {
  profiles.push(profile);
  if (process.env.PROFILE_DUMP) writeFileSync(`${process.env.PROFILE_DUMP}-${profiles.length}.json`, JSON.stringify(profile));
};
const profiles: CpuProfile[] = [];

execFileSync('npx', ['wxt', 'build', '-c', 'tests/bench/wxt.profile.config.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
const ext = await launchWithExtension({ dir: OUT_DIR });
const ours = `chrome-extension://${ext.extensionId}/`;
try {
  if (idp) await profileHandOffs(idp);
  else await profileCaptures();
  const merged = (keep: (url: string) => boolean, times = topSelfTimes) => {
    const totals = new Map<string, number>();
    for (const profile of profiles) {
      for (const t of times(profile, 1000, keep)) {
        const key = `${t.functionName} (${t.url.replace(/^.*\//, '')}:${t.line + 1})`;
        totals.set(key, (totals.get(key) ?? 0) + t.selfMs);
      }
    }
    return [...totals].sort((a, b) => b[1] - a[1]);
  };
  const what = idp ? `${runs} hand-offs on the ${ordinary ? 'ordinary' : 'busy'} ${idp.id} page` : `${runs} captures on the busy InVision page`;
  console.log(`\nThe extension's functions by self time, ${what} (ms in all):`);
  for (const [name, ms] of merged((url) => url.startsWith(ours)).slice(0, TOP_FUNCTIONS)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  console.log(`\nThe extension's functions by total time (with what they called), ${what} (ms in all):`);
  for (const [name, ms] of merged((url) => url.startsWith(ours), topTotalTimes).slice(0, 3 * TOP_FUNCTIONS)) {
    console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  }
  console.log(`\nAll functions by self time (the page's own included):`);
  for (const [name, ms] of merged(() => true).slice(0, TOP_FUNCTIONS)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
} finally {
  await ext.close();
}

/** Hand-offs, each profiled in the document that holds the form from its load to the click on Test. */
async function profileHandOffs(idp: (typeof IDP_BENCHES)[number]): Promise<void> {
  const sites = new FakeSites({
    token: 'unused',
    pages: { [INVISION_SETTINGS_URL]: 'invision/v7-settings-page.html', ...idp.pages },
    vars: { RENDER_DELAY_MS: '400' },
    inject: ordinary ? {} : Object.fromEntries(idp.files.map((file) => [file, BUSY_CONSOLE])),
  });
  const source = await sites.open(ext.browser, INVISION_SETTINGS_URL);
  for (let run = 1; run <= runs; run++) {
    const ms = await handOffOnce(
      {
        ext,
        sites,
        capture: async () => {
          // The source page's own Generate token, as a person presses it.
          const token = `scimrelay-profile-${randomBytes(12).toString('hex')}`;
          sites.set({ token });
          await source.bringToFront();
          await source.evaluate(() => {
            (document.getElementById('regen') as HTMLInputElement).checked = true;
          });
          await source.click('#generate');
          await until('the token to be captured', async () => (sites.tokensIssued >= run ? true : undefined));
          await sleep(1500); // the page shows it a second after the click
          return token;
        },
        lookElsewhere: () => source.bringToFront(),
        until,
        withTimeout,
        sleep,
        // Profile the document that holds the form, from its load to the click on Test.
        onForm: async (target) => {
          const client = await target.createCDPSession();
          await startProfile(client);
          return async () => {
            keep(await stopProfile(client));
            await client.detach();
          };
        },
      },
      idp,
      moment,
    );
    const { ownMs, busyMs } = ownShare(profiles.at(-1)!, ours);
    console.log(`run ${run}: ${moment} → Test ${ms.toFixed(0)} ms; main thread busy ${busyMs.toFixed(0)} ms, of it the extension ${ownMs.toFixed(0)} ms`);
  }
}

/** Captures on the big busy InVision settings page: the person ticks the box and presses Generate token. */
async function profileCaptures(): Promise<void> {
  const sites = new FakeSites({
    token: 'unused',
    pages: { [INVISION_SETTINGS_URL]: 'invision/v7-settings-page.html' },
    inject: { 'invision/v7-settings-page.html': BUSY_CONSOLE },
  });
  const source = await sites.open(ext.browser, INVISION_SETTINGS_URL);
  for (let run = 1; run <= runs; run++) {
    sites.set({ token: `scimrelay-profile-${randomBytes(12).toString('hex')}` });
    await source.bringToFront();
    await source.evaluate(() => {
      const regen = document.getElementById('regen') as HTMLInputElement;
      regen.checked = true;
      document.getElementById('token')!.textContent = '••••••••••••••••';
    });
    await sleep(1000);
    const client = await source.createCDPSession();
    await startProfile(client);
    await source.click('#generate');
    await sleep(CAPTURE_WINDOW_MS);
    keep(await stopProfile(client));
    await client.detach();
    const { ownMs, busyMs } = ownShare(profiles.at(-1)!, ours);
    console.log(`run ${run}: main thread busy ${busyMs.toFixed(0)} ms in ${CAPTURE_WINDOW_MS} ms, of it the extension ${ownMs.toFixed(0)} ms`);
  }
}
