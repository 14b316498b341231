// One e2e session: a browser with the extension, a fresh canary token, and the fake sites serving it.
import { randomBytes } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { generateInvisionToken, waitForPanel, waitForPhase } from './extension';
import { FakeSites, INVISION_PEOPLE_URL, OKTA_APP_URL, type SiteOptions } from './sites';

/** A token no real page contains: any sighting of it outside the IdP form is a leak. */
export const canaryToken = () => `scimrelay-canary-${randomBytes(12).toString('hex')}`;

export const DEFAULT_PAGES = { [INVISION_PEOPLE_URL]: 'invision/v6-people-modal.html', [OKTA_APP_URL]: 'okta/classic-edit.html' };

export interface Session {
  ext: ExtensionBrowser;
  sites: FakeSites;
  token: string;
  /** Generates the token on the InVision page as a user would and waits until the relay holds it. */
  capture(): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(options: Partial<SiteOptions> = {}, launch: Parameters<typeof launchWithExtension>[0] = {}): Promise<Session> {
  const ext = await launchWithExtension(launch);
  const token = options.token ?? canaryToken();
  const sites = new FakeSites({ token, pages: DEFAULT_PAGES, ...options });
  return {
    ext,
    sites,
    token,
    async capture() {
      const page = await sites.open(ext.browser, INVISION_PEOPLE_URL);
      await generateInvisionToken(page);
      await waitForPanel(page, new RegExp(`Token …${token.slice(-4)} captured`));
      await waitForPhase(ext, 'captured');
      return page;
    },
    close: () => ext.close(),
  };
}
