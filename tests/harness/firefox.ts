// Firefox over WebDriver BiDi with the built Firefox extension installed as a temporary add-on. There is no
// popup or background target to drive here, so Firefox tests judge results in the pages and the fake servers.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function findFirefox(): string {
  if (!existsSync(FIREFOX_PATH)) throw new Error(`No Firefox at ${FIREFOX_PATH}. Install it with \`apt-get install -y firefox-esr\`, or set FIREFOX_PATH.`);
  return FIREFOX_PATH;
}

/** `dir`: another build to install (e.g. a copy under an add-on id of its own). */
export async function launchFirefoxWithExtension(dir = FIREFOX_EXTENSION_DIR): Promise<Browser> {
  const browser = await puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath: findFirefox(), headless: true });
  await browser.installExtension(dir);
  return browser;
}
