// Issue 14 end to end in Chromium: a real policy file in /etc/chromium/policies/managed reaches storage.managed and
// the extension obeys it (options read-only with the reason, allow-lists of source and IdP org hosts, ask before
// filling forced, no automatic save); every hand-off leaves one token-free entry in the rotation record, listed and
// exported on the options page, "last rotated" in the popup, and a reminder when the interval has passed.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../harness/axe';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../harness/browser';
import { clickPanelButton, generateInvisionToken, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { openOptions } from '../harness/options';
import { allowDownloads, installPolicy, policyDirProblem, unpackedExtensionId, waitForManaged } from '../harness/policy';
import { CUSTOM_SOURCE_HOST } from '../harness/idp-sites';
import { canaryToken, DEFAULT_PAGES } from '../harness/session';
import { FakeSites, INVISION_PEOPLE_URL, OKTA_APP_URL } from '../harness/sites';

const POLICY = {
  maxTokenLifetimeMinutes: 5,
  autoSaveAllowed: false,
  forceAskBeforeFilling: true,
  enabledIdps: ['okta'],
  idpOrgHosts: ['acme-admin.okta.com'],
  sourceOrgHosts: ['acme.invisionapp.com'],
  userSourcesAllowed: false,
  rotationIntervalDays: 90,
  organisationNote: 'Acme IT: SCIM tokens follow change CHG-1.',
};
const SAYS = 'Your organisation says: Acme IT: SCIM tokens follow change CHG-1.';
const OTHER_INVISION_URL = 'https://beta.invisionapp.com/people';
const OTHER_OKTA_URL = OKTA_APP_URL.replace('acme-admin', 'beta-admin');
const SCREENSHOTS = join(import.meta.dirname, '../../assets/screenshots');

const problem = policyDirProblem();
if (problem) console.warn(`policy.e2e.ts skipped: ${problem}`);

let copy: ReturnType<typeof installPolicy>;
let ext: ExtensionBrowser;
let sites: FakeSites;
const token = canaryToken();
const downloads = mkdtempSync(join(tmpdir(), 'scim-relay-downloads-'));

beforeAll(async () => {
  if (problem) return;
  copy = installPolicy(POLICY, `https://${CUSTOM_SOURCE_HOST}`);
  ext = await launchWithExtension({ dir: copy.dir });
  sites = new FakeSites({
    token,
    pages: { ...DEFAULT_PAGES, [OTHER_INVISION_URL]: 'invision/v6-people-modal.html', [OTHER_OKTA_URL]: 'okta/classic-edit.html' },
  });
  await waitForManaged(ext);
});

afterAll(async () => {
  await ext?.close();
  copy?.remove();
  rmSync(downloads, { recursive: true, force: true });
});

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.textContent?.trim() ?? '');
}

async function state(page: Page, selector: string) {
  return page.$eval(selector, (el) => ({ disabled: (el as HTMLInputElement).disabled, checked: (el as HTMLInputElement).checked, readOnly: (el as HTMLInputElement).readOnly, value: (el as HTMLInputElement).value }));
}

async function waitForFile(path: string): Promise<string> {
  for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 100));
  return readFileSync(path, 'utf8');
}

async function storedRecord(): Promise<Record<string, unknown>[]> {
  const worker = await ext.worker();
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await c.storage.local.get('rotationRecord')).rotationRecord ?? []) as Record<string, unknown>[];
  });
}

describe.skipIf(!!problem)('a managed policy from a real Chromium policy file', () => {
  it('reaches storage.managed under the id Chromium derives from the unpacked path (keys outside the schema dropped)', async () => {
    expect(ext.extensionId).toBe(copy.id);
    expect(copy.id).toBe(unpackedExtensionId(copy.dir));
    expect(await waitForManaged(ext)).toEqual(POLICY);
  });

  it('options show each setting the organisation decides, read-only with its reason', async () => {
    const options = await openOptions(ext);
    expect(await text(options, '#policy-heading')).toBe('Set by your organisation');
    expect(await text(options, '[data-policy-hosts=idp]')).toBe('IdP orgs your organisation allows: acme-admin.okta.com. A token is never filled into any other.');
    expect(await text(options, '[data-policy-hosts=source]')).toBe('Source orgs your organisation allows: acme.invisionapp.com. A token shown anywhere else is not taken.');
    expect(await state(options, '#auto-save')).toMatchObject({ disabled: true, checked: false });
    expect(await text(options, '#auto-save-policy')).toBe(`Set by your organisation: nothing is saved automatically; a person clicks Save after each successful test. ${SAYS}`);
    expect(await state(options, '#ask-first')).toMatchObject({ disabled: true, checked: true });
    expect(await text(options, '#ask-first-policy')).toBe(`Set by your organisation: the in-page card always asks before it fills. ${SAYS}`);
    expect(await state(options, '#site-onelogin')).toMatchObject({ disabled: true, checked: false });
    expect(await text(options, '#site-entra-policy')).toBe(`Set by your organisation: Microsoft Entra ID is switched off. ${SAYS}`);
    expect(await state(options, '#site-okta')).toMatchObject({ disabled: false, checked: true });
    expect(await state(options, '#lifetime')).toMatchObject({ value: '5' }); // the user's 10 is shortened to the policy's 5
    expect(await text(options, '#lifetime-policy')).toBe(`Set by your organisation: at most 5 minutes; a longer value here is shortened to that. ${SAYS}`);
    expect(await state(options, '#rotation-interval')).toMatchObject({ readOnly: true, value: '90' });
    expect(await text(options, '#rotation-interval-policy')).toBe(`Set by your organisation: a reminder after 90 days. ${SAYS}`);
    expect(await text(options, '#custom-sources-policy')).toBe(`Set by your organisation: user-defined sources are not allowed; sources added earlier do not work while the policy says so. ${SAYS}`);
    expect(await options.$eval('#cs-label', (el) => (el as HTMLInputElement).matches(':disabled'))).toBe(true);
    await options.close();
  });

  it('takes no token from a source org the policy does not list, and the card says the policy decided', async () => {
    const page = await sites.open(ext.browser, OTHER_INVISION_URL);
    await generateInvisionToken(page);
    await waitForPanel(
      page,
      /^Your organisation's policy decided: SCIM Relay takes a token only from the source orgs it lists, and beta\.invisionapp\.com is not one of them\. The token was not taken\. Carry it over the way your IT team says, or ask them to add this org to the policy\./,
    );
    expect((await relayState(ext))?.secret).toBeUndefined();
    await page.close();
  });

  it('fills no IdP org the policy does not list: refused before anything is typed, the token stays', async () => {
    const invision = await sites.open(ext.browser, INVISION_PEOPLE_URL);
    await generateInvisionToken(invision);
    await waitForPhase(ext, 'captured');
    const okta = await sites.open(ext.browser, `${OTHER_OKTA_URL}#tab-user-management`);
    await waitForPanel(
      okta,
      /^Your organisation's policy decided: SCIM Relay fills a token only into the IdP orgs it lists, and beta-admin\.okta\.com is not one of them\. Nothing was filled\. Open an IdP org your IT team allows \(the options page lists them\), or ask them to add this one\./,
    );
    expect(await okta.$('input[name="scim_auth_header_value_new"]')).toBeNull(); // the form was not even opened
    expect(sites.verifyCalls).toHaveLength(0);
    expect((await relayState(ext))?.phase).toBe('captured');
    // The lifetime is the policy's 5 minutes, not the default 10.
    expect((await relayState(ext))!.secret!.expiresAt - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    await okta.close();
  });

  it('on a listed org asks first, saves only on a click, and records the hand-off: options list and export it, the popup shows it', async () => {
    const okta = await sites.open(ext.browser, `${OKTA_APP_URL}#tab-user-management`);
    await waitForPanel(okta, /Fill it into “InVision” here and test it\?/);
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /verified successfully/);
    await new Promise((r) => setTimeout(r, 500));
    expect(sites.saveCalls).toHaveLength(0); // automatic save is forbidden
    await clickPanelButton(okta, 'Save');
    await waitForPhase(ext, 'saved');

    // The background commits the phase, then writes the record: wait for the save to reach it.
    const record = await vi.waitFor(async () => {
      const entries = await storedRecord();
      if (entries[0]?.saved !== true) throw new Error(`the record does not mark the save yet: ${JSON.stringify(entries)}`);
      return entries;
    }, { timeout: 5_000, interval: 100 });
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({
      sourceHost: 'acme.invisionapp.com',
      idp: 'okta',
      idpHost: 'acme-admin.okta.com',
      app: 'InVision',
      outcome: 'verified',
      saved: true,
      fingerprint: `…${token.slice(-4)}`,
    });
    expect(record[0]!.verdict).toMatch(/verified successfully/);
    expect(record[0]!.durationMs).toBeGreaterThan(0);
    expect(JSON.stringify(record)).not.toContain(token.slice(0, -4));

    await okta.bringToFront();
    const popup = await openPopup(ext);
    const line = await popup.waitForSelector('.last-rotated');
    expect(await line!.evaluate((el) => el.textContent)).toBe(
      `Last rotation saved for acme-admin.okta.com: ${new Date(record[0]!.at as number).toLocaleString('en-US')} (token …${token.slice(-4)}).`,
    );
    await popup.close();

    const options = await openOptions(ext);
    const row = await options.waitForSelector('.record tbody tr');
    const cells = await row!.$$eval('td', (tds) => tds.map((td) => td.textContent));
    expect(cells.slice(1)).toEqual(['acme.invisionapp.com', 'acme-admin.okta.com', 'InVision', record[0]!.verdict, 'yes', expect.stringMatching(/^\d+\.\d s$/), `…${token.slice(-4)}`]);
    await allowDownloads(options, downloads);
    const day = new Date().toISOString().slice(0, 10);
    await options.locator('::-p-text(Export CSV)').click();
    const csv = await waitForFile(join(downloads, `scim-relay-rotations-${day}.csv`));
    expect(csv.split('\r\n')[0]).toBe('at,source_host,idp,idp_host,app,outcome,verdict,saved,duration_ms,fingerprint');
    expect(csv).toContain(`,acme.invisionapp.com,okta,acme-admin.okta.com,InVision,verified,`);
    expect(await text(options, '.record .notice')).toBe(`Wrote scim-relay-rotations-${day}.csv to your downloads (entries: 1).`);
    await options.locator('::-p-text(Export JSON)').click();
    const json = JSON.parse(await waitForFile(join(downloads, `scim-relay-rotations-${day}.json`))) as Record<string, unknown>[];
    expect(json).toEqual([{ ...record[0], at: new Date(record[0]!.at as number).toISOString() }]);
    for (const exported of [csv, JSON.stringify(json)]) expect(exported).not.toContain(token.slice(0, -4));
    // Read-only settings, the policy summary and the record table, in both themes, hold up for assistive tech.
    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(options)).toEqual([]);
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    if (process.env.UPDATE_SCREENSHOTS) {
      await options.setViewport({ width: 1000, height: 1400 });
      await options.screenshot({ path: join(SCREENSHOTS, '7-options-policy-record.png'), fullPage: true });
    }
    await options.locator('::-p-text(Clear record)').click();
    await options.waitForSelector('[data-record-empty]');
    expect(await storedRecord()).toEqual([]);
    await options.close();
  });

  it('reminds when the org’s last saved rotation is older than the interval the policy sets', async () => {
    const worker = await ext.worker();
    const notes = await worker.evaluate(async (entry: Record<string, unknown>) => {
      const c = (globalThis as unknown as { chrome: Record<string, Record<string, (...args: unknown[]) => unknown>> }).chrome;
      const seen: string[] = [];
      const original = c.notifications!.create!.bind(c.notifications);
      c.notifications!.create = (...args: unknown[]) => {
        seen.push(JSON.stringify(args));
        return original(...args);
      };
      await (c.storage as unknown as { local: { set(v: object): Promise<void> } }).local.set({ rotationRecord: [entry] });
      await (c.alarms as unknown as { create(name: string, info: object): Promise<void> }).create('rotation-due', { when: Date.now() });
      for (let i = 0; i < 100 && !seen.length; i++) await new Promise((r) => setTimeout(r, 100));
      return seen;
    }, {
      at: Date.now() - 100 * 86_400_000,
      sourceHost: 'acme.invisionapp.com',
      idp: 'okta',
      idpHost: 'acme-admin.okta.com',
      app: 'InVision',
      outcome: 'verified',
      verdict: 'Your API credentials were verified successfully.',
      saved: true,
      durationMs: 1200,
      fingerprint: '…abcd',
      capturedAt: Date.now() - 100 * 86_400_000,
    });
    expect(notes).toHaveLength(1);
    const [id, options] = JSON.parse(notes[0]!) as [string, { title: string; message: string }];
    expect(id).toBe('rotation-due:acme-admin.okta.com');
    expect(options.title).toBe('SCIM token rotation due');
    expect(options.message).toBe(
      'The SCIM token of InVision on acme-admin.okta.com was last rotated 100 days ago; the reminder is set to 90 days. Generate a new token in the source and carry it over with SCIM Relay.',
    );
  });

  it('a user-defined source gets no script while the policy forbids them, and gets it once the policy is lifted', async () => {
    const scripts = async () => {
      const worker = await ext.worker();
      return worker.evaluate(async () => {
        const c = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).chrome;
        return (await c.scripting.getRegisteredContentScripts()).map((script) => script.id);
      });
    };
    const worker = await ext.worker();
    await worker.evaluate(async (origin: string) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      const source = { slug: 'acme-hr', label: 'Acme HR', origin, token: { by: 'label', text: 'API token' }, scimUrl: { by: 'label', text: 'SCIM URL' } };
      await c.storage.local.set({ customSources: { version: 1, sources: [source] } });
    }, `https://${CUSTOM_SOURCE_HOST}`);
    await new Promise((r) => setTimeout(r, 1500)); // the sync runs on the storage change
    expect(await scripts()).toEqual([]);
    copy.lift(); // Chromium watches its policy directory: storage.managed empties, storage.onChanged fires
    const deadline = Date.now() + 60_000;
    while (!(await scripts()).includes('custom-source-acme-hr') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    expect(await scripts()).toEqual(['custom-source-acme-hr']);
  });
});
