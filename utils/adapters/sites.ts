// Each site as the other side of the hand-off names it: the InVision script says which IdP to go to next, an IdP's
// script says where InVision makes a token. Only names: a content script carries the other sites' names, not their
// locators and guides (each content script has 20 KB gzip; tests/e2e/budgets.e2e.ts).
import { inListOrder, siteOf, type Adapter, type Site, type SourceSite } from './types';

export { inListOrder };

export type { Site, SourceSite };

export const INVISION: SourceSite = {
  id: 'invision',
  label: 'InVision',
  path: 'People › ••• › SCIM Provisioning › “I want to generate a new token” › Generate token',
  // The catalog apps are "InVision" (Okta), "InVision App" (OneLogin) and whatever the admin named it (Entra).
  idpAppName: /\binvision\b/i,
  guideSteps: 6,
};

/**
 * Every `*.target.ts` file's names, found by file name: a new IdP's file needs no line here. In a build,
 * modules/adapter-scripts.ts serves each file asked for with `?site` as its names alone, so that no script carries
 * every IdP's adapter; elsewhere (unit tests) the query changes nothing and the names are read off the adapter.
 */
const targets = import.meta.glob<Adapter | Site>('./*.target.ts', { eager: true, import: 'default', query: '?site' });
const inOrder = (found: Record<string, Adapter | Site>) =>
  Object.values(found)
    .map((one) => ('role' in one ? siteOf(one) : one))
    .sort(inListOrder);
// Pure: a script that takes only INVISION from here (every IdP's) drops the list.
export const IDP_SITES: readonly Site[] = /* @__PURE__ */ inOrder(targets);
