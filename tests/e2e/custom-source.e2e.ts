// A user-defined source end to end: described in the options page, its origin granted, its script registered
// at run time, the token captured there (shown as "Bearer <token>"), handed bare to Entra's app of that name.
//
// Headless Chromium cannot answer the permission prompt (no auto-confirm switch; chrome://extensions cannot
// grant optional hosts). So these tests run a copy of the built extension whose manifest already holds the test
// origin as granted: permissions.request then resolves true at once, as after a user's "Allow", and everything
// else (the options UI, storage, registration, injection, capture, relay, fill) is the shipped code.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../harness/browser';
import { panelText, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { CUSTOM_SOURCE_HOST, CUSTOM_SOURCE_SCIM_URL, CUSTOM_SOURCE_URL, IDP_PAGES, IDP_START_URLS } from '../harness/idp-sites';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';

let session: Session;
let dir: string | undefined;
afterEach(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function buildWithGrantedOrigin(origin: string): string {
  dir = mkdtempSync(join(tmpdir(), 'scim-relay-granted-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions = [`${origin}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

async function openOptions(): Promise<Page> {
  const page = await session.ext.browser.newPage();
  await page.goto(`chrome-extension://${session.ext.extensionId}/options.html`);
  await page.waitForSelector('form[aria-label="Add a token source"]');
  return page;
}

interface Entry {
  label: string;
  origin: string;
  path?: string;
  generate?: string;
  token: string;
  url: string;
  appName?: string;
}

async function addSource(options: Page, entry: Entry) {
  await options.type('#cs-label', entry.label);
  await options.type('#cs-origin', entry.origin);
  await options.type('#cs-path', entry.path ?? new URL(CUSTOM_SOURCE_URL).pathname);
  if (entry.generate) await options.type('#cs-generate', entry.generate);
  await options.type('#cs-token', entry.token);
  await options.type('#cs-url', entry.url);
  if (entry.appName) await options.type('#cs-app', entry.appName);
  await options.locator('::-p-text(Add source)').click();
}

async function registeredScripts(): Promise<string[]> {
  const worker = await session.ext.worker();
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).chrome;
    return (await c.scripting.getRegisteredContentScripts()).map((s) => s.id);
  });
}

const ORIGIN = `https://${CUSTOM_SOURCE_HOST}`;

describe('a user-defined source', () => {
  it('is added in the options, registered on its origin only, captures the bare token and hands it to Entra', async () => {
    session = await startSession(
      {
        pages: { ...DEFAULT_PAGES, [CUSTOM_SOURCE_URL]: 'custom/acme-hr-token.html', ...IDP_PAGES.entra['new-configuration'] },
        vars: { APP_LABEL: 'Acme HR' },
        scimUrl: CUSTOM_SOURCE_SCIM_URL,
      },
      { dir: buildWithGrantedOrigin(ORIGIN) },
    );
    const options = await openOptions();
    await addSource(options, { label: 'Acme HR', origin: ORIGIN, generate: 'Create a new token', token: 'Authorization header', url: 'SCIM endpoint' });
    await options.waitForSelector('::-p-text(Added Acme HR)');
    expect(await options.$eval('li[data-source="acme-hr"]', (el) => el.textContent)).toContain('page /settings/provisioning, after a click on “Create a new token”');
    for (let i = 0; i < 50 && !(await registeredScripts()).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await registeredScripts()).toEqual(['custom-source-acme-hr']);

    const saas = await session.sites.open(session.ext.browser, CUSTOM_SOURCE_URL);
    await saas.locator('::-p-text(Create a new token)').click();
    await waitForPanel(saas, new RegExp(`Token …${session.token.slice(-4)} captured`));
    const held = await waitForPhase(session.ext, 'captured');
    expect(held.secret?.token).toBe(session.token); // without "Bearer "
    expect(held.secret?.scimUrl).toBe(CUSTOM_SOURCE_SCIM_URL);

    const entra = await session.sites.open(session.ext.browser, IDP_START_URLS.entra['new-configuration']);
    await waitForPanel(entra, /authorized to enable provisioning/);
    const test = session.sites.idpCalls.find((c) => c.idp === 'entra' && c.kind === 'test');
    expect(test?.fields).toEqual({ tenantUrl: CUSTOM_SOURCE_SCIM_URL, secretToken: session.token });
  });

  it('refuses an entry that is not an https origin, and asks for nothing', async () => {
    session = await startSession({}, { dir: buildWithGrantedOrigin(ORIGIN) });
    const options = await openOptions();
    await addSource(options, { label: 'Acme HR', origin: 'http://admin.acme-hr.example:8080', token: 'API token', url: 'SCIM endpoint' });
    const alert = await options.waitForSelector('[role=alert]');
    expect(await alert!.evaluate((el) => el.textContent)).toMatch(/Not added: origin: Enter the address as https:\/\/host/);
    expect(await registeredScripts()).toEqual([]);
  });

  it('refuses an entry without the path of the page that shows the token', async () => {
    session = await startSession({}, { dir: buildWithGrantedOrigin(ORIGIN) });
    const options = await openOptions();
    await addSource(options, { label: 'Acme HR', origin: ORIGIN, path: 'settings', token: 'API token', url: 'SCIM endpoint' });
    const alert = await options.waitForSelector('[role=alert]');
    expect(await alert!.evaluate((el) => el.textContent)).toBe('Not added: path: Enter the page path as /path/to/page (no query, no #).');
    expect(await registeredScripts()).toEqual([]);
  });

  it('captures nothing on another page of its origin, and shows no card there', async () => {
    const elsewhere = `${ORIGIN}/community/how-to-provision`;
    session = await startSession(
      { pages: { ...DEFAULT_PAGES, [CUSTOM_SOURCE_URL]: 'custom/acme-hr-token.html', [elsewhere]: 'custom/acme-hr-token.html' } },
      { dir: buildWithGrantedOrigin(ORIGIN) },
    );
    const options = await openOptions();
    await addSource(options, { label: 'Acme HR', origin: ORIGIN, token: 'Authorization header', url: 'SCIM endpoint' });
    await options.waitForSelector('::-p-text(Added Acme HR)');
    for (let i = 0; i < 50 && !(await registeredScripts()).length; i++) await new Promise((r) => setTimeout(r, 100));
    const other = await session.sites.open(session.ext.browser, elsewhere);
    await other.locator('::-p-text(Create a new token)').click();
    await other.waitForFunction(() => document.getElementById('token')?.textContent?.startsWith('Bearer '));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await panelText(other)).toBe('');
    expect((await relayState(session.ext))?.secret).toBeUndefined();
    // The benign counterpart: the page the source names, same markup, same click (any button: no generate words).
    const saas = await session.sites.open(session.ext.browser, CUSTOM_SOURCE_URL);
    await saas.locator('::-p-text(Create a new token)').click();
    await waitForPanel(saas, new RegExp(`Token …${session.token.slice(-4)} captured`));
  });

  it('takes the token but not a SCIM URL the page names on another host, and says which host it was', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [CUSTOM_SOURCE_URL]: 'custom/acme-hr-token.html' } }, { dir: buildWithGrantedOrigin(ORIGIN) });
    const options = await openOptions();
    await addSource(options, { label: 'Acme HR', origin: ORIGIN, generate: 'Create a new token', token: 'Authorization header', url: 'SCIM endpoint' });
    await options.waitForSelector('::-p-text(Added Acme HR)');
    for (let i = 0; i < 50 && !(await registeredScripts()).length; i++) await new Promise((r) => setTimeout(r, 100));
    const saas = await session.sites.open(session.ext.browser, CUSTOM_SOURCE_URL);
    await saas.waitForFunction(() => document.getElementById('endpoint')?.textContent);
    await saas.evaluate(() => void (document.getElementById('endpoint')!.textContent = 'https://scim.evil.example/scim/v2'));
    await saas.locator('::-p-text(Create a new token)').click();
    const card = await waitForPanel(saas, new RegExp(`Token …${session.token.slice(-4)} captured`));
    expect(card).toContain(`Base URL: not taken: the page named one on another site, scim.evil.example, not on ${CUSTOM_SOURCE_HOST} (enter it in your IdP yourself).`);
    const held = await relayState(session.ext);
    expect(held?.secret?.token).toBe(session.token);
    expect(held?.secret?.scimUrl).toBeUndefined();
  });

  it('a source saved before pages were named keeps its place with a notice, and captures nothing until added again', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [CUSTOM_SOURCE_URL]: 'custom/acme-hr-token.html' } }, { dir: buildWithGrantedOrigin(ORIGIN) });
    const saved = { slug: 'acme-hr', label: 'Acme HR', origin: ORIGIN, token: { by: 'label', text: 'Authorization header' }, scimUrl: { by: 'label', text: 'SCIM endpoint' } };
    const worker = await session.ext.worker();
    await worker.evaluate(async (value) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ customSources: value });
    }, { version: 1, sources: [saved] });
    for (let i = 0; i < 50 && !(await registeredScripts()).length; i++) await new Promise((r) => setTimeout(r, 100));
    const options = await openOptions();
    const notice = await options.waitForSelector('li[data-source="acme-hr"] [role=status]');
    expect(await notice!.evaluate((el) => el.textContent)).toBe(
      'Acme HR was saved before token sources named their page: SCIM Relay captures nothing there now. Remove it and add it again with the path of the page that shows the token.',
    );
    const saas = await session.sites.open(session.ext.browser, CUSTOM_SOURCE_URL);
    await saas.locator('::-p-text(Create a new token)').click();
    await saas.waitForFunction(() => document.getElementById('token')?.textContent?.startsWith('Bearer '));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await panelText(saas)).toBe('');
    expect((await relayState(session.ext))?.secret).toBeUndefined();
  });

  it('stops capturing on its origin once removed', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, [CUSTOM_SOURCE_URL]: 'custom/acme-hr-token.html' } }, { dir: buildWithGrantedOrigin(ORIGIN) });
    const options = await openOptions();
    await addSource(options, { label: 'Acme HR', origin: ORIGIN, token: 'Authorization header', url: 'SCIM endpoint' });
    await options.waitForSelector('::-p-text(Added Acme HR)');
    await options.locator('::-p-text(Remove Acme HR)').click();
    await options.waitForSelector('::-p-text(Removed Acme HR)');
    for (let i = 0; i < 50 && (await registeredScripts()).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await registeredScripts()).toEqual([]);
    const saas = await session.sites.open(session.ext.browser, CUSTOM_SOURCE_URL);
    await saas.locator('::-p-text(Create a new token)').click();
    await saas.waitForFunction(() => document.getElementById('token')?.textContent?.startsWith('Bearer '));
    await new Promise((r) => setTimeout(r, 500));
    expect(await panelText(saas)).toBe('');
    expect((await relayState(session.ext))?.secret).toBeUndefined();
  });
});
