// One fresh demo per test: Chromium with the extension, a canary token, and the InVision/Okta demo pages.
import { launchWithExtension, type ExtensionBrowser } from './browser';
import { canaryToken, demoSites, type FakeSites } from './sites';

export interface Demo {
  ext: ExtensionBrowser;
  token: string;
  sites: FakeSites;
}

export async function startDemo(): Promise<Demo> {
  const token = canaryToken();
  return { ext: await launchWithExtension(), token, sites: demoSites(token) };
}
