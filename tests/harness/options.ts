// Opens the options page as a user does (a tab at chrome-extension://<id>/options.html) and reads back what it stored.
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser';

export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('#guide-mode');
  return page;
}

/** Ticks or unticks a checkbox from the keyboard (focus, Space), then waits until storage holds the change. */
export async function setToggle(page: Page, id: string, on: boolean): Promise<void> {
  if ((await page.$eval(`#${id}`, (el) => (el as HTMLInputElement).checked)) === on) return;
  const before = JSON.stringify(await storedSettings(page));
  await page.focus(`#${id}`);
  await page.keyboard.press('Space');
  await page.waitForFunction((sel, want) => (document.querySelector(sel) as HTMLInputElement).checked === want, {}, `#${id}`, on);
  await waitForStored(page, (settings) => JSON.stringify(settings) !== before);
}

export async function waitForStored(page: Page, done: (settings: Record<string, unknown> | undefined) => boolean): Promise<void> {
  for (let settings = await storedSettings(page); !done(settings); settings = await storedSettings(page)) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function storedSettings(page: Page): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await c.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
  });
}
