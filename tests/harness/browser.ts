// Launches Chromium with the built extension loaded, the way a user's browser would run it. Never downloads a
// browser: CHROME_PATH, else Debian's /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type Target, type WebWorker } from 'puppeteer-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const LAUNCH_TIMEOUT_MS = 30_000; // a cold Chromium start on a loaded 2-core machine

/** Where a Chromium may be, in the order it is looked for. */
export const CHROME_CANDIDATES = (): string[] =>
  [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((path): path is string => !!path);

export function findChrome(): string {
  const found = CHROME_CANDIDATES().find((path) => existsSync(path));
  if (!found) {
    throw new Error('No Chromium found. Install it with `apt-get install -y chromium`, or set CHROME_PATH to a Chrome/Chromium binary.');
  }
  return found;
}

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  worker(): Promise<WebWorker>;
  close(): Promise<void>;
}

/** A tenth of a second apart: a restarting worker has its API within a moment. */
const WORKER_READY_TRIES = 30;

function isOurWorker(target: Target): boolean {
  // background.js: other test extensions loaded beside ours name their workers otherwise.
  return target.type() === 'service_worker' && /^chrome-extension:\/\/[a-p]{32}\/background\.js$/.test(target.url());
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

function launchChromium(opts: { headless?: boolean; userDataDir?: string; extensionDirs: string[]; lang?: string }): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChrome(),
    headless: opts.headless ?? true,
    pipe: true,
    ...(opts.extensionDirs.length ? { enableExtensions: opts.extensionDirs } : {}),
    userDataDir: opts.userDataDir,
    timeout: LAUNCH_TIMEOUT_MS,
    defaultViewport: { width: 1280, height: 900 },
    ...(opts.lang ? { env: { ...process.env, LANGUAGE: opts.lang } } : {}),
    args: [...(opts.lang ? [`--lang=${opts.lang}`] : []), ...CHROMIUM_ARGS],
  });
}

/** The same browser without the extension: the baseline the bench compares against. */
export function launchWithoutExtension(): Promise<Browser> {
  return launchChromium({ extensionDirs: [] });
}

/** `lang` sets the browser's UI language (what browser.i18n answers in), e.g. 'de'. */
export async function launchWithExtension(
  opts: { headless?: boolean; userDataDir?: string; dir?: string; otherExtensions?: string[]; lang?: string } = {},
): Promise<ExtensionBrowser> {
  const browser = await launchChromium({ ...opts, extensionDirs: [opts.dir ?? EXTENSION_DIR, ...(opts.otherExtensions ?? [])] });
  const target = await browser.waitForTarget(isOurWorker, { timeout: LAUNCH_TIMEOUT_MS });
  const extensionId = new URL(target.url()).host;
  return {
    browser,
    extensionId,
    async worker() {
      // The worker may have been stopped (idle, or by a test): any event restarts it; wait for the new target. A
      // worker being torn down as it restarts can answer without its extension API (CI once saw `chrome`
      // undefined there): ask again until the API is there.
      for (let attempt = 1; ; attempt++) {
        const current = browser.targets().find(isOurWorker) ?? (await browser.waitForTarget(isOurWorker, { timeout: LAUNCH_TIMEOUT_MS }));
        const worker = (await current.worker())!;
        const ready = await worker.evaluate(() => !!(globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id).catch(() => false);
        if (ready || attempt >= WORKER_READY_TRIES) return worker;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: () => browser.close(),
  };
}

/** Opens the real toolbar popup (not a tab showing popup.html, whose messages would carry sender.tab). */
export async function openPopup(ext: ExtensionBrowser): Promise<Page> {
  const popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
  const worker = await ext.worker();
  await worker.evaluate(() => (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup());
  const target = await ext.browser.waitForTarget((t) => t.url() === popupUrl, { timeout: 10_000 });
  const page = (await target.asPage())!;
  await page.waitForSelector('h1');
  return page;
}
