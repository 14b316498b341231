// Each site as the other side of the hand-off names it: the InVision script says which IdP to go to next, an IdP's
// script says where InVision makes a token. Kept apart from the adapters so that a content script carries the
// other sites' names, not their locators and guides (each content script has 20 KB gzip). The adapters take their
// names from here; tests/unit/sites.test.ts holds each guide's length to its adapter's.
import type { Adapter } from './types';

export interface Site extends Pick<Adapter, 'id' | 'label' | 'path'> {
  /** How many steps this site's part of the setup guide has: the guide counts "step 7 of 15" across sites. */
  guideSteps: number;
}

export interface SourceSite extends Site {
  /** How IdPs name this product's app. */
  idpAppName: RegExp;
}

export const INVISION: SourceSite = {
  id: 'invision',
  label: 'InVision',
  path: 'People › ••• › SCIM Provisioning › “I want to generate a new token” › Generate token',
  // The catalog apps are "InVision" (Okta), "InVision App" (OneLogin) and whatever the admin named it (Entra).
  idpAppName: /\binvision\b/i,
  guideSteps: 6,
};

export const OKTA: Site = { id: 'okta', label: 'Okta', path: 'Applications › the InVision app › Provisioning › Integration', guideSteps: 9 };
export const ONELOGIN: Site = { id: 'onelogin', label: 'OneLogin', path: 'Applications › the InVision app › Configuration', guideSteps: 5 };
export const ENTRA: Site = { id: 'entra', label: 'Microsoft Entra ID', path: 'Enterprise applications › the InVision app › Provisioning', guideSteps: 9 };

/** In the order the IdPs are offered everywhere (utils/adapters/index.ts's TARGET_ADAPTERS). */
export const IDP_SITES: readonly Site[] = [OKTA, ONELOGIN, ENTRA];

/** The names an adapter takes from its site. */
export const named = ({ id, label, path }: Site) => ({ id, label, path });
