// Issue #10 on the target side. Class 3: where a token goes (the Base URL already in the form, which org it is
// paired with, one automatic fill per tab). Class 4: a consent the page cannot steer (the card restyled, clicked
// too soon, WXT's start-up message replayed) and a token field that changes as the token goes in. Each attack is
// shown failing, and its benign counterpart working. Fixtures: tests/fixtures/hostile/target/.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { clickPanelButton, generateInvisionToken, panelText, relayState, waitForPanel, waitForPhase } from '../harness/extension';
import { openOptions, setToggle } from '../harness/options';
import { INVISION_SCIM_URL, OKTA_APP_URL } from '../harness/sites';
import { canaryToken, DEFAULT_PAGES, startSession, type Session } from '../harness/session';

const OKTA_FIXTURE = 'okta/classic-edit.html';
const APP_PATH = new URL(OKTA_APP_URL).pathname;
const OTHER_OKTA_APP_URL = `https://other-admin.okta.com${APP_PATH}`;
const OTHER_INVISION_URL = 'https://other.invisionapp.com/people';
/** Long enough for a page script to have acted on something it was not meant to. */
const QUIET_MS = 1500;

let session: Session;
afterEach(async () => {
  await session?.close();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(inject?: string, options: Parameters<typeof startSession>[0] = {}): Promise<Session> {
  session = await startSession({
    pages: { ...DEFAULT_PAGES, [OTHER_OKTA_APP_URL]: OKTA_FIXTURE, [OTHER_INVISION_URL]: 'invision/v6-people-modal.html' },
    ...(inject ? { inject: { [OKTA_FIXTURE]: `hostile/target/${inject}` } } : {}),
    ...options,
  });
  return session;
}

/** Opens an Okta page whose own script counts the clicks that reach Test API Credentials. */
async function openOkta(url = OKTA_APP_URL): Promise<Page> {
  const page = await session.ext.browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __testClicks: number };
    w.__testClicks = 0;
    window.addEventListener('click', (e) => {
      if ((e.target as Element | null)?.closest?.('#m-verify-button')) w.__testClicks++;
    }, true);
  });
  await session.sites.attach(page);
  await page.goto(`${url}#tab-user-management`, { waitUntil: 'domcontentloaded' });
  return page;
}

async function fieldsHoldingToken(page: Page, token = session.token): Promise<string[]> {
  return page.evaluate(
    (secret: string) => Array.from(document.querySelectorAll('input, textarea')).filter((el) => (el as HTMLInputElement).value.includes(secret)).map((el) => el.outerHTML),
    token,
  );
}

const testClicks = (page: Page) => page.evaluate(() => (window as unknown as { __testClicks: number }).__testClicks);

/** A new token on the InVision page the person already has open (tick, Generate), captured by the relay. */
async function regenerate(invision: Page): Promise<string> {
  const token = canaryToken();
  session.sites.set({ token, acceptedToken: token });
  await invision.bringToFront();
  await invision.locator('#regen').click();
  await invision.locator('::-p-text(Generate token)').click();
  for (let tries = 0; tries < 150 && (await relayState(session.ext))?.secret?.token !== token; tries++) await wait(100);
  expect((await relayState(session.ext))?.secret?.token === token).toBe(true);
  return token;
}

async function askBeforeFilling(): Promise<void> {
  const options = await openOptions(session.ext);
  await setToggle(options, 'ask-first', true);
  await options.close();
}

async function storedPairings(): Promise<unknown> {
  const worker = await session.ext.worker();
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await c.storage.local.get('pairings')).pairings;
  });
}

describe('class 3: the token goes only where it belongs', () => {
  it('a Base URL already naming another host: nothing typed, both hosts shown; "Fill anyway" puts the captured URL in its place', async () => {
    await start('base-url-elsewhere.html');
    await session.capture();
    const okta = await openOkta();
    const text = await waitForPanel(okta, /points to evil\.example, but the token was captured for acme\.invisionapp\.com.*Nothing was filled/);
    expect(text).toContain('Fill anyway');
    expect(text).not.toContain(session.token);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(await testClicks(okta)).toBe(0);
    expect(session.sites.verifyCalls).toHaveLength(0);
    expect((await relayState(session.ext))?.phase).toBe('captured');
    // The person's go-ahead: the token's own Base URL replaces the other one, then fill and test.
    await clickPanelButton(okta, 'Fill anyway');
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls.map((call) => call.get('scim_base_url'))).toEqual([INVISION_SCIM_URL]);
  });

  it('a Base URL swapped to another host just after the token went in: the token comes out, Test never goes there', async () => {
    await start('base-url-swapped-after-token.html');
    await session.capture();
    const okta = await openOkta();
    await waitForPanel(okta, /Base URL field changed to evil\.example after the token went in.*took the token out again/);
    await wait(QUIET_MS);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(session.sites.verifyCalls.filter((call) => call.get('scim_base_url') !== INVISION_SCIM_URL)).toEqual([]);
    expect(session.sites.saveCalls).toHaveLength(0);
  });

  it('a Base URL swapped while Okta tests: the token comes out, no Save is offered or sent', async () => {
    await start('base-url-swapped-after-token.html', { verifyDelayMs: 2000 });
    await session.capture();
    const okta = await openOkta(`${OKTA_APP_URL}?swapAfterMs=400`);
    const text = await waitForPanel(okta, /Base URL field changed to evil\.example after the token went in/);
    expect(text).not.toMatch(/ Save ×$/); // the card's buttons end its text: no Save button
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(session.sites.verifyCalls.map((call) => call.get('scim_base_url'))).toEqual([INVISION_SCIM_URL]);
    await wait(QUIET_MS);
    expect(session.sites.saveCalls).toHaveLength(0);
  });

  it('pairing: a first pairing fills on its own; another IdP org, or another source org, asks first and is remembered once confirmed', async () => {
    await start();
    const invision = await session.capture();
    // Benign: the first pairing, as the person set it up.
    const acme = await openOkta();
    await waitForPanel(acme, /verified successfully/);
    expect(await storedPairings()).toEqual({ version: 1, pairs: [{ source: 'acme.invisionapp.com', idp: 'acme-admin.okta.com', at: expect.any(Number) }] });

    // The same source org's next token, in another Okta org: asks, fills nothing until the go-ahead.
    const second = await regenerate(invision);
    const other = await openOkta(OTHER_OKTA_APP_URL);
    await waitForPanel(other, /Tokens from acme\.invisionapp\.com last went to the Okta org acme-admin\.okta\.com; this is other-admin\.okta\.com\. Nothing was filled/);
    await wait(QUIET_MS);
    expect(await fieldsHoldingToken(other, second)).toEqual([]);
    expect(session.sites.verifyCalls).toHaveLength(1);
    await clickPanelButton(other, 'Fill anyway');
    await waitForPanel(other, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(2);

    // A token from another source org for the first Okta org: asks too, naming the org it was paired with.
    const otherSource = await session.sites.open(session.ext.browser, OTHER_INVISION_URL);
    const third = canaryToken();
    session.sites.set({ token: third, acceptedToken: third });
    await generateInvisionToken(otherSource);
    // A token from another org's page while one is held asks on that page first (the provenance rule).
    await waitForPanel(otherSource, /Replace the token captured on acme\.invisionapp\.com/);
    await clickPanelButton(otherSource, 'Replace');
    await waitForPhase(session.ext, 'captured');
    const again = await openOkta();
    await waitForPanel(again, /This Okta org acme-admin\.okta\.com was last paired with acme\.invisionapp\.com; this token comes from other\.invisionapp\.com/);
    expect(await fieldsHoldingToken(again, third)).toEqual([]);
    expect(session.sites.verifyCalls).toHaveLength(2);
    expect(JSON.stringify(await storedPairings())).not.toMatch(/canary|…/);
  });

  it('one capture, one automatic fill per tab: a newer token waits for the person in a tab that was filled', async () => {
    await start();
    const invision = await session.capture();
    const okta = await openOkta();
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(1);
    // A page swapping its token made the Okta tab test once per token; now the tab only offers to.
    await regenerate(invision);
    await regenerate(invision);
    await okta.bringToFront(); // the tab acts only while a person can see it
    await waitForPanel(okta, /A token is waiting\. Fill it into “InVision” here and test it\?.*Fill and test/);
    await wait(QUIET_MS);
    expect(session.sites.verifyCalls).toHaveLength(1);
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(2);
  });
});

describe('class 4: a card the page cannot steer', () => {
  it.each([
    // Hides the card's words and leaves its button: the person cannot see what they agree to.
    ['clips it', 'scim-relay-ui { clip-path: inset(0 0 40% 0) !important; }'],
    ['shrinks it', 'scim-relay-ui { transform: scale(0.6) !important; transform-origin: 100% 100% !important; }'],
    ['zooms it', 'scim-relay-ui { zoom: 0.5 !important; }'],
    ['scales it with the scale property', 'scim-relay-ui { scale: 0.7 !important; }'],
    ['contains it', 'scim-relay-ui { contain: paint !important; }'],
  ])('ignores a real click when a page stylesheet %s, and takes the card away', async (_how, css) => {
    await start();
    await askBeforeFilling();
    await session.capture();
    const okta = await openOkta();
    await waitForPanel(okta, /Fill it into “InVision” here and test it\?/);
    await okta.addStyleTag({ content: css });
    await clickPanelButton(okta, 'Fill and test').catch(() => undefined); // a card clipped to nothing has no button to find
    await wait(QUIET_MS);
    expect(session.sites.verifyCalls).toHaveLength(0);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('benign: a page whose own stylesheet transforms and zooms its own elements leaves the card working', async () => {
    await start();
    await askBeforeFilling();
    await session.capture();
    const okta = await openOkta();
    await waitForPanel(okta, /Fill it into “InVision” here and test it\?/);
    await okta.addStyleTag({ content: '#header { transform: translateY(2px); } .side { zoom: 1.1; filter: saturate(1.2); clip-path: inset(0); }' });
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(1);
  });

  it('a click that lands the moment the card appears (a double-click or pop-under trick) counts for nothing; a deliberate one does', async () => {
    await start(undefined, { vars: { RENDER_DELAY_MS: '1500' } });
    await askBeforeFilling();
    await session.capture();
    const okta = await openOkta();
    // Click as soon as the card has a button: well inside the time a card must have been still.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const clicked = await clickPanelButton(okta, 'Fill and test', { settleMs: 0 }).then(() => true, () => false);
      if (clicked || Date.now() > deadline) break;
    }
    await wait(QUIET_MS);
    expect(session.sites.verifyCalls).toHaveLength(0);
    expect(await panelText(okta)).toMatch(/Fill and test/);
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(1);
  });

  it('replaying WXT’s start-up message neither reveals the extension id nor stops the content script', async () => {
    await start();
    const okta = await session.ext.browser.newPage();
    await okta.evaluateOnNewDocument(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('message', (event) => seen.push(JSON.stringify(event.data)));
    });
    await session.sites.attach(okta);
    await okta.goto(`${OKTA_APP_URL}#tab-user-management`, { waitUntil: 'domcontentloaded' });
    await waitForPanel(okta, /No token is waiting/);
    // The page knows the id of a store extension (it is public) and WXT's event name, and replays both ways.
    await okta.evaluate((id: string) => {
      for (const script of ['okta', 'content', 'content-scripts/okta']) {
        const type = `${id}:${script}:wxt:content-script-started`;
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: script, messageId: 'page' } }));
        window.postMessage({ type, contentScriptName: script, messageId: 'page' }, '*');
      }
    }, session.ext.extensionId);
    const seen = await okta.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((data) => data.includes(session.ext.extensionId) && !data.includes('"page"'))).toEqual([]);
    await session.capture();
    await okta.bringToFront();
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(1);
  });
});

describe('class 4: the token field is checked again as the token goes in', () => {
  it.each([
    ['token-field-hidden-on-focus.html', /API Token field changed as SCIM Relay typed into it \(it is no longer a text or password field\)/],
    ['token-field-offscreen-on-focus.html', /API Token field changed as SCIM Relay typed into it \(it is outside the visible page\)/],
    ['token-field-offscreen-after-input.html', /API Token field changed as SCIM Relay typed into it \(it is outside the visible page\)/],
    ['token-field-offscreen-while-test-waits.html', /API Token field changed as SCIM Relay typed into it \(it is outside the visible page\)/],
    ['token-field-white-on-white.html', /API Token field is there but its text is transparent or the same colour as its background/],
    ['token-field-transparent-text.html', /API Token field is there but its text is transparent or the same colour as its background/],
  ])('%s: no token left in any field, Test not clicked, and a reason', async (file, why) => {
    await start(file);
    await session.capture();
    const okta = await openOkta();
    const text = await waitForPanel(okta, why);
    expect(text).not.toContain(session.token);
    await wait(300);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(await testClicks(okta)).toBe(0);
    expect(session.sites.verifyCalls).toHaveLength(0);
  });

  it('benign: a dark field with focus styles is filled and tested', async () => {
    await start('benign-focus-styles.html');
    await session.capture();
    const okta = await openOkta();
    await waitForPanel(okta, /verified successfully/);
    expect(session.sites.verifyCalls).toHaveLength(1);
  });
});

// ── Pages written blind (tests/fixtures/hostile/blind/, copied unchanged from a writer who never saw the code) ──
// Each header says what it tries and how to drive it; they talk to the harness through tests/harness/fixture-server.ts.
const BLIND_OKTA_URL = 'https://acme-admin.okta.com/admin/app/invision/instance/0oa1abcd2EFGH3ijk4x7/';
const BLIND_GLOBEX_URL = 'https://globex-admin.okta.com/admin/app/invision/instance/0oa9zzzz8EVIL7abc6x5/';
const BLIND_INVISION_URL = 'https://acme.invisionapp.com/settings';
const blind = (name: string) => `hostile/blind/${name}.html`;

async function startBlind(pages: Record<string, string>, options: Parameters<typeof startSession>[0] = {}): Promise<Session> {
  session = await startSession({ pages: { ...DEFAULT_PAGES, ...pages }, ...options });
  return session;
}

async function openBlind(url: string): Promise<Page> {
  return session.sites.open(session.ext.browser, `${url}#tab-provisioning`);
}

/** What the blind pages sent to the fake IdP (test, save), and every request to the attacker's server. */
const idpCalls = (kind: 'test' | 'save') => session.sites.fixtureCalls.filter((call) => call.kind === kind);
const leaks = () => session.sites.requests.filter((request) => /evil\.example/.test(request.url) && (request.url + request.body).includes(session.token));

describe('blind class 3 pages (brief C: steal through the IdP)', () => {
  it('c1 update form whose Base URL is the attacker’s: nothing typed until the go-ahead, which puts the token’s own URL in', async () => {
    await startBlind({ [BLIND_OKTA_URL]: blind('c1-update-form-evil-baseurl') });
    await session.capture();
    const okta = await openBlind(BLIND_OKTA_URL);
    await waitForPanel(okta, /points to evil\.example, but the token was captured for acme\.invisionapp\.com/);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(idpCalls('test')).toEqual([]);
    await clickPanelButton(okta, 'Fill anyway');
    await waitForPanel(okta, /verified successfully/);
    expect(idpCalls('test').map((call) => call.fields.baseUrl)).toEqual([INVISION_SCIM_URL]);
    expect(leaks()).toEqual([]);
  });

  it('c2 duplicate-id decoy token field: the label leads to the off-screen decoy, so nothing is filled anywhere', async () => {
    await startBlind({ [BLIND_OKTA_URL]: blind('c2-duplicate-id-decoy-token') });
    await session.capture();
    const okta = await openBlind(BLIND_OKTA_URL);
    // The real field has no name the adapter knows and its label points at the decoy: a clear stop, not a guess.
    await waitForPanel(okta, /API Token field is there but it is outside the visible page.*Nothing was filled/);
    await wait(QUIET_MS);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(idpCalls('test')).toEqual([]);
    expect(leaks()).toEqual([]);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('c3 Base URL swapped after the fill: the token comes out; no Test or Save goes to the attacker', async () => {
    await startBlind({ [BLIND_OKTA_URL]: blind('c3-baseurl-swapped-after-fill') });
    await session.capture();
    const okta = await openBlind(BLIND_OKTA_URL);
    await waitForPanel(okta, /Base URL field changed to evil\.example after the token went in/);
    await wait(QUIET_MS);
    expect([...idpCalls('test'), ...idpCalls('save')].filter((call) => call.fields.baseUrl !== INVISION_SCIM_URL)).toEqual([]);
    expect(idpCalls('save')).toEqual([]);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(leaks()).toEqual([]);
  });

  it('c4 the attacker’s own Okta org after a first pairing: asks, naming the org it was paired with, and fills nothing', async () => {
    await startBlind({ [BLIND_GLOBEX_URL]: blind('c4-attacker-okta-tenant') });
    const invision = await session.capture();
    const acme = await openOkta(); // the benign first pairing
    await waitForPanel(acme, /verified successfully/);
    const token = await regenerate(invision);
    const globex = await openBlind(BLIND_GLOBEX_URL);
    await waitForPanel(globex, /Tokens from acme\.invisionapp\.com last went to the Okta org acme-admin\.okta\.com; this is globex-admin\.okta\.com/);
    await wait(QUIET_MS);
    expect(await fieldsHoldingToken(globex, token)).toEqual([]);
    expect(session.sites.fixtureCalls.filter((call) => call.host.startsWith('globex'))).toEqual([]);
  });
});

describe('blind class 4 pages (brief D: steer consent)', () => {
  it('d1 card faded and slid under the page’s “Got it”: the click fills nothing', async () => {
    await startBlind({ [BLIND_OKTA_URL]: blind('d1-host-opacity-follow-cursor') });
    await askBeforeFilling();
    await session.capture();
    const okta = await openBlind(BLIND_OKTA_URL);
    await okta.bringToFront();
    await wait(QUIET_MS); // the card shows and the page restyles it
    await okta.locator('#gotit').click();
    await wait(QUIET_MS);
    expect(idpCalls('test')).toEqual([]);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('d3 a pass-through panel drawn over the card: the card stays on top (top layer), so what is clicked is what is seen', async () => {
    await startBlind({ [BLIND_OKTA_URL]: blind('d3-passthrough-overlay') });
    await askBeforeFilling();
    await session.capture();
    const okta = await openBlind(BLIND_OKTA_URL);
    await waitForPanel(okta, /Fill it into “InVision” here and test it\?/);
    await wait(QUIET_MS); // the page draws its panel over the card's box every frame
    const topmost = await okta.evaluate(() => {
      const host = document.querySelector('scim-relay-ui')!.getBoundingClientRect();
      return document.elementsFromPoint(host.left + host.width / 2, host.top + host.height / 2)[0]?.tagName;
    });
    expect(topmost).not.toBe('DIV'); // not the page's panel (the card's host is zero-sized; its panel is drawn in its shadow)
    await clickPanelButton(okta, 'Fill and test');
    await waitForPanel(okta, /verified successfully/);
    expect(idpCalls('test').map((call) => call.fields.baseUrl)).toEqual([INVISION_SCIM_URL]);
  });

  it('d4 card moved under the pointer as it reaches “Cancel”: the click fills nothing', async () => {
    await startBlind({ [BLIND_OKTA_URL]: blind('d4-last-moment-move') });
    await askBeforeFilling();
    await session.capture();
    const okta = await openBlind(BLIND_OKTA_URL);
    await waitForPanel(okta, /Fill it into “InVision” here and test it\?/);
    await okta.locator('::-p-text(Edit)').click();
    await okta.locator('::-p-text(Cancel)').click();
    await wait(QUIET_MS);
    expect(idpCalls('test')).toEqual([]);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it.each([
    ['d5-token-field-offscreen-on-focus', /API Token field changed as SCIM Relay typed into it/],
    ['d6-token-field-type-hidden-on-focus', /API Token field changed as SCIM Relay typed into it/],
  ])('%s: nothing typed into a field that changes on focus, nothing beaconed, nothing tested', async (name, why) => {
    await startBlind({ [BLIND_OKTA_URL]: blind(name) });
    await session.capture();
    const okta = await openBlind(BLIND_OKTA_URL);
    await waitForPanel(okta, why);
    await wait(QUIET_MS);
    expect(leaks()).toEqual([]);
    expect(await fieldsHoldingToken(okta)).toEqual([]);
    expect(idpCalls('test')).toEqual([]);
  });

  it('d7 WXT start-up replay on the Okta page: no id leaks, and the hand-off still works', async () => {
    await startBlind({ [BLIND_OKTA_URL]: blind('d7-wxt-startup-replay') });
    const okta = await openBlind(BLIND_OKTA_URL);
    await waitForPanel(okta, /No token is waiting/);
    await wait(2500); // the page replays every 2 s
    await session.capture();
    await okta.bringToFront();
    await waitForPanel(okta, /verified successfully/);
    expect(idpCalls('test').map((call) => call.fields.token)).toEqual([session.token]);
    expect(session.sites.requests.filter((request) => request.url.includes(session.ext.extensionId))).toEqual([]);
  });
});

describe('blind class 4 pages on the source side', () => {
  it('d2 card re-parented into a faded, zoomed, clipped wrapper over “Done”: the card goes away rather than take the click', async () => {
    await startBlind({ [BLIND_INVISION_URL]: blind('d2-reparent-filter-zoom') });
    const invision = await session.sites.open(session.ext.browser, `${BLIND_INVISION_URL}#scim`);
    await invision.locator('::-p-text(I want to generate a new token)').click();
    await invision.locator('::-p-text(Generate token)').click();
    await waitForPhase(session.ext, 'captured');
    await wait(QUIET_MS); // the page moves whatever it did not create into its wrapper
    expect(await invision.evaluate(() => document.querySelector('scim-relay-ui')?.parentElement?.tagName ?? 'none')).toMatch(/^(HTML|none)$/);
    expect(await panelText(invision)).toBe('');
    await invision.locator('::-p-text(Done)').click();
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('d7 WXT start-up replay on the InVision page: no id leaks, and the token is still captured', async () => {
    await startBlind({ [BLIND_INVISION_URL]: blind('d7-wxt-startup-replay') });
    const invision = await session.sites.open(session.ext.browser, `${BLIND_INVISION_URL}#scim`);
    await wait(2500); // the page replays every 2 s
    await invision.locator('::-p-text(I want to generate a new token)').click();
    await invision.locator('::-p-text(Generate token)').click();
    await waitForPhase(session.ext, 'captured');
    expect(session.sites.requests.filter((request) => request.url.includes(session.ext.extensionId))).toEqual([]);
  });
});
