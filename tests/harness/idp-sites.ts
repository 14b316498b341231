// What a demo or a test needs to reach the IdPs' fake sites (tests/harness/idps/: one per IdP, one interface):
// page URLs at real host names and the fixture each variant serves, and the variant matrix over every fixture.
import { entra, ENTRA_ADMIN_URL, ENTRA_BLADE_FRAME_URL, ENTRA_PORTAL_URL } from './idps/entra';
import { IDP_HARNESSES } from './idps/index';
import { OKTA_APP_URL } from './idps/okta';
import { onelogin, ONELOGIN_APP_URL } from './idps/onelogin';
import type { IdpHarness, IdpVariant } from './idps/types';

export { ENTRA_ADMIN_URL, ENTRA_AUTHORIZED, ENTRA_BLADE_FRAME_URL, ENTRA_FOREIGN_TOP_URL, ENTRA_INVALID, ENTRA_PORTAL_URL } from './idps/entra';
export { OKTA_APP_URL } from './idps/okta';
export { ONELOGIN_APP_URL, ONELOGIN_UNAUTHORIZED } from './idps/onelogin';
export type { IdpCall } from './idps/types';

/** A user-defined source: a SaaS admin page invented for the test (tests/fixtures/custom/). */
export const CUSTOM_SOURCE_HOST = 'admin.acme-hr.example';
export const CUSTOM_SOURCE_URL = `https://${CUSTOM_SOURCE_HOST}/settings/provisioning`;
export const CUSTOM_SOURCE_SCIM_URL = `https://${CUSTOM_SOURCE_HOST}/scim/v2`;

export type IdpId = 'okta' | 'onelogin' | 'entra';

type Each<Variants, Field extends keyof IdpVariant> = { [Name in keyof Variants]: IdpVariant[Field] };
const each = <Variants extends Record<string, IdpVariant>, Field extends keyof IdpVariant>(variants: Variants, field: Field) =>
  Object.fromEntries(Object.entries(variants).map(([name, variant]) => [name, variant[field]])) as Each<Variants, Field>;

/** For the IdPs with several pages, what a demo or a test serves: URL → fixture (relative to tests/fixtures), per variant. */
export const IDP_PAGES = { onelogin: each(onelogin.variants, 'pages'), entra: each(entra.variants, 'pages') };
/** Where a person opens each IdP's form, per variant (the URL the demo navigates to). */
export const IDP_START_URLS = { onelogin: each(onelogin.variants, 'start'), entra: each(entra.variants, 'start') };

// ── The variant matrix (tests/e2e/variants.e2e.ts): every fixture of every adapter, ours and those written blind ──

const OKTA_PROVISIONING = '#tab-user-management';
const OKTA_INSTANCE = 'https://acme-admin.okta.com/admin/app/invisionapp/instance';
/** Where the blind Okta pages live (tests/fixtures/okta/blind/README: each at its own app instance URL). */
const OKTA_BLIND = {
  'okta-01-first-time-odyssey': `${OKTA_INSTANCE}/0oa8f2kq1zXYb4Ld5d7/`,
  'okta-02-update-classic': `${OKTA_INSTANCE}/0oa5mq3tz1HbV9Kx2d7/`,
  'okta-03-idle-timeout-signin': `${OKTA_INSTANCE}/0oa8f2kq1zXYb4Ld5d7/`,
  'okta-04-scim-template-bearer-slow': 'https://acme-admin.okta.com/admin/app/scim2testapp/instance/0oa9d1xk7rVhQ2Pa35d7/',
} as const;

/** The blind Entra pages (tests/fixtures/entra/blind/README): the shell reads the app from the hash. */
const ENTRA_BLIND_HASH =
  '#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning/objectId/a7e2b0c4-91d3-4f5e-8c6a-3b9d0e1f2a45/appId/5d1c3a9e-7b2f-4c86-9e0a-2f6b8d4c1e37';
/** The admin center frames its blades from sandbox hosts of reactblade.portal.azure.net. */
const ENTRA_SANDBOX = 'https://sandbox-3.reactblade.portal.azure.net/Microsoft_AAD_Connect_Provisioning/ReactViews';

/** What a person does during a hand-off that the extension must never do for them: sign in again. */
export type PersonStep = 'okta-sign-in' | 'onelogin-password';

export interface TargetVariant {
  idp: IdpId;
  /** The fixture that holds the form (relative to tests/fixtures): the variant's name in the matrix. */
  fixture: string;
  /** URL → fixture, every page the variant serves. */
  pages: Record<string, string>;
  /** Where the person opens it. */
  start: string;
  /** The card shows in this frame (URL prefix) rather than in the top page. */
  cardFrame?: string;
  person?: PersonStep;
}

/** The IdP's verdict words as the card shows them (Okta's and Entra's are public; OneLogin's are reconstructed). */
export const VERDICTS = Object.fromEntries(IDP_HARNESSES.map((idp) => [idp.id, idp.verdicts])) as Record<IdpId, IdpHarness['verdicts']>;

const one = (idp: IdpId, url: string, fixture: string, start: string, extra: Partial<TargetVariant> = {}): TargetVariant => ({
  idp,
  fixture,
  pages: { [url]: fixture },
  start,
  ...extra,
});

export const TARGET_VARIANTS: readonly TargetVariant[] = [
  one('okta', OKTA_APP_URL, 'okta/classic-edit.html', `${OKTA_APP_URL}${OKTA_PROVISIONING}`),
  one('okta', OKTA_APP_URL, 'okta/react-first-time.html', OKTA_APP_URL),
  one('okta', OKTA_APP_URL, 'okta/rebuilt-variant.html', `${OKTA_APP_URL}${OKTA_PROVISIONING}`),
  one('okta', OKTA_APP_URL, 'okta/idle-timeout.html', `${OKTA_APP_URL}${OKTA_PROVISIONING}`, { person: 'okta-sign-in' }),
  ...Object.entries(OKTA_BLIND).map(([name, url]) =>
    one('okta', url, `okta/blind/${name}.html`, `${url}${OKTA_PROVISIONING}`, name.includes('idle') ? { person: 'okta-sign-in' } : {}),
  ),
  ...['configuration-saved', 'configuration-first-time', 'blind/onelogin-first-setup', 'blind/onelogin-update-existing', 'blind/onelogin-reauth'].map(
    (name) =>
      one('onelogin', ONELOGIN_APP_URL, `onelogin/${name}.html`, `${ONELOGIN_APP_URL}#configuration`, name.includes('reauth') ? { person: 'onelogin-password' } : {}),
  ),
  one('entra', ENTRA_PORTAL_URL, 'entra/legacy-first-time.html', IDP_START_URLS.entra.legacy),
  one('entra', ENTRA_ADMIN_URL, 'entra/new-configuration.html', IDP_START_URLS.entra['new-configuration']),
  { idp: 'entra', fixture: 'entra/blade-frame.html', pages: IDP_PAGES.entra.iframe, start: IDP_START_URLS.entra.iframe, cardFrame: ENTRA_BLADE_FRAME_URL },
  one('entra', ENTRA_PORTAL_URL, 'entra/blind/entra-v1-portal-legacy.html', `${ENTRA_PORTAL_URL}${ENTRA_BLIND_HASH}`),
  {
    idp: 'entra',
    fixture: 'entra/blind/entra-v2-reactblade.html',
    pages: { [ENTRA_ADMIN_URL]: 'entra/blind/entra-v2-entra-shell.html', [`${ENTRA_SANDBOX}/ProvisioningConfiguration/index.html`]: 'entra/blind/entra-v2-reactblade.html' },
    start: `${ENTRA_ADMIN_URL}${ENTRA_BLIND_HASH}`,
    cardFrame: ENTRA_SANDBOX,
  },
  {
    idp: 'entra',
    fixture: 'entra/blind/entra-v3-reactblade.html',
    pages: { [ENTRA_PORTAL_URL]: 'entra/blind/entra-v3-portal-shell.html', [`${ENTRA_SANDBOX}/LegacyProvisioning/index.html`]: 'entra/blind/entra-v3-reactblade.html' },
    start: `${ENTRA_PORTAL_URL}${ENTRA_BLIND_HASH}`,
    cardFrame: ENTRA_SANDBOX,
  },
];

export interface SourceVariant {
  fixture: string;
  url: string;
  /** How a person reveals the token there: clicks by visible text, `aria/<name>` or `#id`; `select #id <option>`. */
  steps: readonly string[];
}

export const SOURCE_VARIANTS: readonly SourceVariant[] = [
  { fixture: 'invision/v6-people-modal.html', url: 'https://acme.invisionapp.com/people', steps: ['aria/More', 'SCIM Provisioning', '#regen', 'Generate token'] },
  { fixture: 'invision/v7-settings-page.html', url: 'https://acme.invisionapp.com/settings/scim', steps: ['I want to generate a new token', 'Generate token'] },
  {
    fixture: 'invision/blind/invision-v6-people-regenerate.html',
    url: 'https://acme.invisionapp.com/people',
    steps: ['aria/More', 'SCIM Provisioning', 'I want to generate a new token', 'Generate token'],
  },
  {
    fixture: 'invision/blind/invision-v7-tray-settings-regenerate.html',
    url: 'https://acme.invisionapp.com/spaces',
    steps: ['Acme Design', 'Settings', 'User provisioning with SCIM', 'I want to generate a new token', 'Generate token'],
  },
  {
    fixture: 'invision/blind/invision-v7-settings-enable-first-time.html',
    url: 'https://acme.invisionapp.com/settings',
    steps: ['User provisioning with SCIM', '#on', 'select #idp Okta', 'Generate token'],
  },
];
