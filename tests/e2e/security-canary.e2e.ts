// Promises 1–3 in one full hand-off with a fresh canary token and a fresh profile: the token never reaches disk,
// never shows in a console, a page-observable channel, the badge, a notification or a URL, and extension pages
// and the worker make no network request.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../harness/browser';
import { badgeText, generateInvisionToken, waitForPanel, waitForPhase } from '../harness/extension';
import { openOptions } from '../harness/options';
import { allowDownloads } from '../harness/policy';
import { hookPageChannels, pageLeaks, recordTargets, resourcesLoaded, scanDirectory, textBeforeHit, type PageObservation } from '../harness/observe';
import { FakeSites, INVISION_PEOPLE_URL, OKTA_APP_URL } from '../harness/sites';

const canary = `scimrelay-canary-${randomBytes(12).toString('hex')}`;
/** Written on purpose to storage.local: the disk scan must find it, or the scan proves nothing. */
const control = `scimrelay-control-${randomBytes(12).toString('hex')}`;
/** The fields whose value is the page's own: InVision's token display, Okta's token inputs. */
const INVISION_OWN_FIELD = '#auth-token';
/** Okta's answer is held back so the test can switch tabs while it is pending. */
const SLOW_VERIFY_MS = 1500;
/** Requested on purpose from the popup at the end, so the network recorder is shown to work. */
const CONTROL_URL = 'https://network-control.invalid/probe.png';
const OKTA_OWN_FIELD = 'input[name^="scim_auth_header_value"]';

/** Where the extension keeps anything: a hit here is a broken promise. */
const EXTENSION_STORAGE = [
  /Local Extension Settings/,
  /Sync Extension Settings/,
  /Managed Extension Settings/,
  /Extension State/,
  /Extension Rules/,
  /Extension Scripts/,
  /IndexedDB/,
  /Local Storage/,
  /Session Storage/,
  /Service Worker/,
  /Storage[/\\]ext/,
  /shared_proto_db/,
];
/** Browser files that may hold what a page itself showed, when the bytes before the hit name that page. */
const KNOWN_PAGE_CAUSES: { file: RegExp; before: RegExp; cause: string }[] = [
  {
    file: /(^|[/\\])Sessions[/\\](Session|Tabs)_\d+$/,
    before: /https:\/\/acme\.invisionapp\.com\/people[^]*Blink serialized form state[^]*\btext\b[^]{0,40}$/,
    cause: 'session restore saves the InVision page’s own text field (the source shows the token in it); Okta’s password field is not saved',
  },
];

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function targetKind(description: string): string {
  if (description.includes('/popup.html')) return 'popup';
  return description.startsWith('service_worker') ? 'worker' : 'page';
}

let ext: ExtensionBrowser;
let profile: string;
const report: {
  consoleHits: string[];
  egress: string[];
  pageHits: { page: string; hits: PageObservation[] }[];
  badges: string[];
  notifications: string[];
  urlHits: string[];
  diskHits: { path: string; before: string }[];
  controlHits: string[];
  pageApi: string;
  consoleControl: string[];
  /** The rotation record as stored, and its CSV and JSON exports as downloaded from the options page. */
  record: { stored: string; csv: string; json: string };
} = {
  consoleHits: [],
  egress: [],
  pageHits: [],
  badges: [],
  notifications: [],
  urlHits: [],
  diskHits: [],
  controlHits: [],
  pageApi: '',
  consoleControl: [],
  record: { stored: '', csv: '', json: '' },
};

/** The rotation record of the hand-off: stored, and exported through the options page's two buttons. */
async function readRecord(): Promise<typeof report.record> {
  const worker = await ext.worker();
  const stored = await worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return JSON.stringify((await c.storage.local.get('rotationRecord')).rotationRecord ?? null);
  });
  const downloads = mkdtempSync(join(tmpdir(), 'scim-relay-exports-'));
  const options = await openOptions(ext);
  await allowDownloads(options, downloads);
  const day = new Date().toISOString().slice(0, 10);
  const exported = async (button: string, kind: string) => {
    await options.locator(`::-p-text(${button})`).click();
    const file = join(downloads, `scim-relay-rotations-${day}.${kind}`);
    await waitUntil(() => existsSync(file));
    return readFileSync(file, 'utf8');
  };
  const record = { stored, csv: await exported('Export CSV', 'csv'), json: await exported('Export JSON', 'json') };
  await options.close();
  rmSync(downloads, { recursive: true, force: true });
  return record;
}

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'scim-relay-profile-'));
  ext = await launchWithExtension({ userDataDir: profile });
  const recorder = await recordTargets(ext.browser);

  const sites = new FakeSites({
    token: canary,
    pages: { [INVISION_PEOPLE_URL]: 'invision/v6-people-modal.html', [OKTA_APP_URL]: 'okta/classic-edit.html' },
    verifyDelayMs: SLOW_VERIFY_MS,
  });
  const invision = await ext.browser.newPage();
  await hookPageChannels(invision, canary, INVISION_OWN_FIELD);
  await sites.attach(invision);
  await invision.goto(INVISION_PEOPLE_URL, { waitUntil: 'domcontentloaded' });
  await generateInvisionToken(invision);
  await waitForPanel(invision, /captured/);
  await waitForPhase(ext, 'captured');
  // The worker has answered by now, so its extension APIs are up: watch notifications, write the disk control.
  const worker = await ext.worker();
  await worker.evaluate(async (value: string) => {
    const c = (globalThis as unknown as { chrome: Record<string, Record<string, unknown>> }).chrome;
    const notifications = c.notifications as { create: (...args: unknown[]) => unknown };
    const original = notifications.create.bind(notifications);
    const seen: string[] = ((globalThis as unknown as { __notes: string[] }).__notes = []);
    notifications.create = (...args: unknown[]) => {
      seen.push(JSON.stringify(args));
      return original(...args);
    };
    await (c.storage as { local: { set(v: object): Promise<void> } }).local.set({ 'scan-control': value });
  }, control);
  report.badges.push(await badgeText(ext));

  const okta = await ext.browser.newPage();
  await hookPageChannels(okta, canary, OKTA_OWN_FIELD);
  await sites.attach(okta);
  await okta.goto(`${OKTA_APP_URL}#tab-user-management`, { waitUntil: 'domcontentloaded' });
  // The user looks at another tab while Okta tests, so the verdict also arrives as a notification.
  await waitUntil(() => sites.verifyCalls.length === 1);
  await invision.bringToFront();
  await waitForPhase(ext, 'verified');
  await okta.bringToFront();
  await waitForPanel(okta, /verified successfully/);
  report.badges.push(await badgeText(ext));
  // A hostile page script reaching for the extension: no runtime is exposed to web pages at all.
  report.pageApi = await okta.evaluate(() => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage);

  const popup = await openPopup(ext);
  await popup.waitForSelector('[data-phase=verified]');
  await popup.locator('::-p-text(Save in Okta)').click();
  await waitForPhase(ext, 'saved');
  await popup.waitForSelector('[data-phase=saved]');
  report.badges.push(await badgeText(ext));

  const currentWorker = await ext.worker();
  report.notifications = await currentWorker.evaluate(() => (globalThis as unknown as { __notes?: string[] }).__notes ?? []);
  report.badges.push(
    await currentWorker.evaluate(() => (globalThis as unknown as { chrome: { action: { getTitle(d: object): Promise<string> } } }).chrome.action.getTitle({})),
  );
  // The recorder really sees popup requests: an image from a control host (CSP allows images, not connections).
  await popup.evaluate((url: string) => void (new Image().src = url), CONTROL_URL);
  await waitUntil(() => recorder.requests.some((r) => r.url === CONTROL_URL));
  report.egress = [
    ...recorder.egress().filter((r) => r.url !== CONTROL_URL).map((r) => `${r.target} → ${r.url}`),
    ...(await resourcesLoaded(popup)).filter((url) => url !== CONTROL_URL).map((url) => `popup (resource timing) → ${url}`),
    ...(await resourcesLoaded(currentWorker)).map((url) => `worker (resource timing) → ${url}`),
  ];
  report.pageHits = [
    { page: 'InVision', hits: await pageLeaks(invision, canary, INVISION_OWN_FIELD) },
    { page: 'Okta', hits: await pageLeaks(okta, canary, OKTA_OWN_FIELD) },
  ];
  const pageUrls = (await ext.browser.pages()).map((p) => p.url());
  const bodyAllowed = (url: string) => /^https:\/\/acme-admin\.okta\.com\/.*\/settings\/user-mgmt(\/verify)?$/.test(url);
  report.urlHits = [
    ...pageUrls.filter((url) => url.includes(canary)),
    ...sites.requests.filter((r) => r.url.includes(canary) || (r.body.includes(canary) && !bodyAllowed(r.url))).map((r) => `${r.method} ${r.url}`),
  ];
  report.consoleHits = recorder.lines.filter((line) => line.text.includes(canary)).map((line) => `${line.target}: ${line.text.slice(0, 200)}`);
  // The recorder really listens: a control line logged in the worker, the popup and a page reaches it.
  await currentWorker.evaluate((value: string) => console.info(value), control);
  await popup.evaluate((value: string) => console.info(value), control);
  await okta.evaluate((value: string) => console.info(value), control);
  await waitUntil(() => recorder.lines.filter((line) => line.text.includes(control)).length >= 3); // CDP events arrive asynchronously
  report.consoleControl = [...new Set(recorder.lines.filter((line) => line.text.includes(control)).map((line) => targetKind(line.target)))].sort();
  // Last: opening the options page takes the focus, and the popup closes.
  report.record = await readRecord();
  expect(sites.verifyCalls[0]?.get('scim_auth_header_value_new')).toBe(canary); // the one place it belongs
  await recorder.detach();

  await ext.close();
  report.diskHits = scanDirectory(profile, canary).map((path) => ({ path, before: textBeforeHit(join(profile, path), canary) }));
  report.controlHits = scanDirectory(profile, control);
});

afterAll(() => {
  if (profile && !process.env.KEEP_PROFILE) rmSync(profile, { recursive: true, force: true });
});

describe('the canary token of a full hand-off', () => {
  it('promise 1: never reaches disk in anything the extension writes; other hits have a known page cause', () => {
    // The scan works: the control value the test itself wrote to storage.local is found in extension storage.
    expect(report.controlHits.some((path) => EXTENSION_STORAGE.some((re) => re.test(path)))).toBe(true);
    expect(report.diskHits.filter((hit) => EXTENSION_STORAGE.some((re) => re.test(hit.path)))).toEqual([]);
    const explained = report.diskHits.map((hit) => ({ path: hit.path, cause: KNOWN_PAGE_CAUSES.find((k) => k.file.test(hit.path) && k.before.test(hit.before))?.cause }));
    console.info(`canary hits on disk outside extension storage: ${explained.length}`, explained, 'control found in:', report.controlHits);
    expect(explained.filter((hit) => !hit.cause)).toEqual([]);
  });

  it('promise 2: never in a console, error or log of any page, the worker or the popup', () => {
    expect(report.consoleControl).toEqual(['page', 'popup', 'worker']);
    expect(report.consoleHits).toEqual([]);
  });

  it('promise 2: never in postMessage, DOM events, attributes, text, titles, URLs or storage a page can observe', () => {
    expect(report.pageHits).toEqual([
      { page: 'InVision', hits: [] },
      { page: 'Okta', hits: [] },
    ]);
    expect(report.urlHits).toEqual([]);
    expect(report.pageApi).toBe('undefined');
  });

  it('promise 2: never on the badge or in a notification', () => {
    expect(report.badges).toEqual(['10m', '✓', '', 'SCIM Relay']);
    expect(report.notifications).toHaveLength(1); // the verdict for the background tab was really shown
    expect(report.notifications.filter((n) => n.includes(canary))).toEqual([]);
  });

  it('promise 1: the rotation record and both its exports hold the hand-off, and no canary', () => {
    const fp = `…${canary.slice(-4)}`;
    for (const kept of [report.record.stored, report.record.csv, report.record.json]) {
      expect(kept).toContain(fp); // the hand-off is really in it
      expect(kept).toContain('acme-admin.okta.com');
      expect(kept).not.toContain(canary.slice(0, -4));
      expect(kept).not.toContain(canary.slice(-12));
    }
  });

  it('promise 3: the worker and the popup make no network request', () => {
    expect(report.egress).toEqual([]);
  });
});
