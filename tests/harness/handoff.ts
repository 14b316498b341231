// The hand-off, written once for any target adapter and its fake site: capture on InVision, open the IdP's form,
// fill and test, the verdict on the card and in the popup, save from the popup, forget. tests/e2e/handoff-targets
// runs it over every adapter of this tree; tests/e2e/fourth-idp over an IdP added by one adapter file.
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetAdapter } from '../../utils/adapters/types';
import { openPopup } from './browser';
import { badgeText, relayState, waitForFramePanel, waitForPanel, waitForPhase } from './extension';
import type { IdpHarness } from './idps/types';
import { DEFAULT_PAGES, startSession, type Session } from './session';
import { INVISION_SCIM_URL, type SiteOptions } from './sites';

export interface HandOffSetup {
  /** The built extension to load (defaults to this tree's). */
  extensionDir?: () => string;
  /** Where the fixture pages are (defaults to this tree's). */
  fixturesDir?: () => string;
}

export function describeHandOff(adapter: TargetAdapter, idp: IdpHarness, setup: HandOffSetup = {}): void {
  const [variant] = Object.values(idp.variants);
  if (!variant) throw Error(`${adapter.id}: its fake site has no page`);
  let session: Session;

  const start = async (options: Partial<SiteOptions> = {}) => {
    session = await startSession(
      { pages: { ...DEFAULT_PAGES, ...variant.pages }, idps: [idp], fixturesDir: setup.fixturesDir?.(), ...options },
      { dir: setup.extensionDir?.() },
    );
    const invision = await session.capture();
    expect(await invision.evaluate(() => document.body.innerText)).not.toContain(session.token); // not shown twice
    const page = await session.sites.open(session.ext.browser, variant.start);
    const card = (pattern: RegExp) => (variant.cardFrame ? waitForFramePanel(session.ext.browser, variant.cardFrame, pattern) : waitForPanel(page, pattern));
    return { page, card };
  };
  const calls = (kind: 'test' | 'save') => session.sites.callsTo(idp.id, kind);

  describe(`hand-off from InVision to ${adapter.label}`, () => {
    afterEach(async () => {
      await session?.close();
    });

    it('captures, fills and tests, shows the verdict on the card and in the popup, saves from the popup and forgets', async () => {
      const { page, card } = await start();
      expect((await relayState(session.ext))?.secret?.token).toBe(session.token);
      expect(await badgeText(session.ext)).toBe('10m');
      await card(idp.verdicts.success);
      const credentials = { token: session.token, baseUrl: INVISION_SCIM_URL };
      expect(calls('test').map(idp.sent)).toEqual([credentials]);
      expect(calls('save')).toHaveLength(0); // autosave is off by default
      const verified = await waitForPhase(session.ext, 'verified');
      expect(verified.steps).toEqual(['capture', 'locate', 'fill', 'test', 'verify']);
      expect(verified.message).toMatch(idp.verdicts.success);
      expect(verified.secret?.scimUrl).toBe(INVISION_SCIM_URL);
      expect(await badgeText(session.ext)).toBe('✓');

      await page.bringToFront();
      const popup = await openPopup(session.ext);
      await popup.waitForSelector('[data-phase=verified]');
      expect(await popup.$eval('[data-phase]', (el) => el.textContent)).toMatch(idp.verdicts.success);
      await popup.locator(`::-p-text(Save in ${adapter.label})`).click();
      const saved = await waitForPhase(session.ext, 'saved');
      expect(saved.secret).toBeUndefined();
      expect(calls('save').map(idp.sent)).toEqual([credentials]);
      for (const call of calls('save')) expect(call.fields).toMatchObject(idp.savedAlso ?? {});
      await card(/Saved/);
      expect(await relayState(session.ext)).not.toHaveProperty('secret.token');
    });

    it('reports the refusal in the IdP’s words, keeps the token for a retry and never saves', async () => {
      const { card } = await start({ acceptedToken: `a-different-token-${adapter.id}-expects` });
      await card(idp.verdicts.failure);
      const failed = await waitForPhase(session.ext, 'failed');
      expect(failed.message).toMatch(idp.verdicts.failure);
      expect(failed.secret?.token).toBe(session.token);
      expect(await badgeText(session.ext)).toBe('!');
      expect(calls('test').map((call) => idp.sent(call).token)).toEqual([session.token]);
      expect(calls('save')).toHaveLength(0);
    });
  });
}
