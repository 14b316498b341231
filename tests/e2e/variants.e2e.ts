// The variant matrix: every target adapter over all of its fixtures, ours and those written blind from public docs
// (tests/fixtures/<site>/blind/), for success, a failed test, another app, and the page opened in a background
// tab; and the InVision source over its fixtures (capture). Registered in tests/harness/idp-sites.ts.
import type { Frame, Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { panelText, relayState, waitForFramePanel, waitForPanel, waitForPhase } from '../harness/extension';
import { SOURCE_VARIANTS, TARGET_VARIANTS, VERDICTS, type PersonStep, type TargetVariant } from '../harness/idp-sites';
import { idpHarness } from '../harness/idps/index';
import { DEFAULT_PAGES, startSession, type Session } from '../harness/session';
import { INVISION_SCIM_URL, type FakeSites } from '../harness/sites';

const SETTLE_MS = 1500; // several observer and poll rounds, when we assert that nothing happened
const OTHER_APP = 'Slack';

let session: Session;
afterEach(async () => {
  await session?.close();
});

/** The tokens each credential test carried, whichever server contract the page speaks. */
function testedTokens(sites: FakeSites): string[] {
  return [
    ...sites.idpCalls.filter((c) => c.kind === 'test').map((c) => idpHarness(c.idp).sent(c).token ?? ''),
    ...sites.fixtureCalls.filter((c) => c.kind === 'test').map((c) => c.fields.token ?? ''),
  ];
}

function saves(sites: FakeSites): number {
  return sites.idpCalls.filter((c) => c.kind === 'save').length + sites.fixtureCalls.filter((c) => c.kind === 'save').length;
}

const card = (variant: TargetVariant, page: Page, pattern: RegExp, timeoutMs = 30_000) =>
  variant.cardFrame ? waitForFramePanel(session.ext.browser, variant.cardFrame, pattern, timeoutMs) : waitForPanel(page, pattern, timeoutMs);

/** Sign-in prompts the person answered, and whether any of them already held something when they got to it. */
let signIns = { answered: 0, prefilled: 0 };

/** The person signs in again when asked (the extension never does). Runs until the page closes. */
async function personSignsIn(page: Page, step: PersonStep | undefined): Promise<void> {
  signIns = { answered: 0, prefilled: 0 };
  if (!step) return;
  const [field, submit] =
    step === 'okta-sign-in' ? ['#okta-sign-in input[type=password]', '#okta-sign-in [type=submit]'] : ['[role=dialog] input[type=password]', '::-p-text(Continue)'];
  try {
    for (;;) {
      const shown = await page.$(`${field}:not([data-person-answered])`);
      if (shown && (await shown.isVisible())) {
        if (await shown.evaluate((el) => (el as HTMLInputElement).value !== '')) signIns.prefilled++;
        await shown.evaluate((el) => el.setAttribute('data-person-answered', '')); // a prompt still closing is not a new one
        await shown.type('correct horse battery staple');
        await page.locator(submit).click();
        signIns.answered++;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  } catch {
    // the page closed: the test is over
  }
}

/** Every field of the page and its frames: none may hold the token. */
async function fieldsHolding(page: Page, token: string): Promise<number> {
  const count = (frame: Frame) =>
    frame.evaluate((t) => Array.from(document.querySelectorAll('input, textarea')).filter((el) => (el as HTMLInputElement).value.includes(t)).length, token);
  return (await Promise.all(page.frames().map((f) => count(f).catch(() => 0)))).reduce((a, b) => a + b, 0);
}

async function open(variant: TargetVariant, options: Parameters<typeof startSession>[0] = {}): Promise<Page> {
  session = await startSession({ pages: { ...DEFAULT_PAGES, ...variant.pages }, ...options });
  await session.capture();
  const page = await session.sites.open(session.ext.browser, variant.start);
  void personSignsIn(page, variant.person);
  return page;
}

describe.each(TARGET_VARIANTS.map((v) => [v.fixture, v] as const))('%s', (_name, variant) => {
  const words = VERDICTS[variant.idp];

  it('fills, tests and reports the verdict; the test carried the token; nothing saved unasked', async () => {
    const page = await open(variant);
    await card(variant, page, words.success);
    expect(testedTokens(session.sites)).toEqual([session.token]);
    expect((await waitForPhase(session.ext, 'verified')).steps).toEqual(['capture', 'locate', 'fill', 'test', 'verify']);
    expect(saves(session.sites)).toBe(0);
    expect(signIns.prefilled).toBe(0); // nothing was typed into a sign-in prompt for the person
  });

  it('reports a failed test in the IdP’s words and never saves', async () => {
    const page = await open(variant, { acceptedToken: 'a-token-this-idp-does-not-accept' });
    await card(variant, page, words.failure);
    expect((await waitForPhase(session.ext, 'failed')).message).toMatch(words.failure);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(saves(session.sites)).toBe(0);
  });

  it('refuses another app by its name: nothing typed, nothing tested', async () => {
    const page = await open(variant, { vars: { APP_LABEL: OTHER_APP } });
    await card(variant, page, new RegExp(`This is “${OTHER_APP}[^”]*”, not the InVision app`));
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    expect(testedTokens(session.sites)).toEqual([]);
    expect(await fieldsHolding(page, session.token)).toBe(0);
    expect((await relayState(session.ext))?.phase).toBe('captured');
  });

  it('opened in a background tab, waits unseen and fills when it comes to the front', async () => {
    session = await startSession({ pages: { ...DEFAULT_PAGES, ...variant.pages } });
    const invision = await session.capture();
    const page = await session.sites.attach(await session.ext.browser.newPage());
    await invision.bringToFront();
    await page.goto(variant.start, { waitUntil: 'domcontentloaded' });
    expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
    void personSignsIn(page, variant.person);
    await new Promise((r) => setTimeout(r, SETTLE_MS * 2));
    expect(testedTokens(session.sites)).toEqual([]);
    expect(await fieldsHolding(page, session.token)).toBe(0);
    await page.bringToFront();
    await card(variant, page, words.success);
    expect(testedTokens(session.sites)).toEqual([session.token]);
  });
});

describe.each(SOURCE_VARIANTS.map((v) => [v.fixture, v] as const))('%s (source)', (_name, variant) => {
  it('captures the token the person generates, with the SCIM base URL, and shows only its fingerprint', async () => {
    session = await startSession({ pages: { [variant.url]: variant.fixture } });
    const page = await session.sites.open(session.ext.browser, variant.url);
    for (const step of variant.steps) {
      const [, selector, option] = /^select (\S+) (.+)$/.exec(step) ?? [];
      if (selector && option) await page.locator(selector).fill(option);
      else await page.locator(/^(aria\/|#)/.test(step) ? step : `::-p-text(${step})`).click();
    }
    const held = await waitForPhase(session.ext, 'captured', 20_000);
    expect(held.secret?.token).toBe(session.token);
    expect(held.secret?.scimUrl).toBe(INVISION_SCIM_URL);
    expect(session.sites.tokensIssued).toBe(1);
    const shown = await waitForPanel(page, new RegExp(`…${session.token.slice(-4)} captured`));
    expect(shown).not.toContain(session.token);
    expect(await panelText(page)).not.toContain(session.token.slice(0, 12));
  });
});
