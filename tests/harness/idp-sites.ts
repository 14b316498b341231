// The servers behind the OneLogin and Entra fixture pages, and what a demo or a test needs to reach them: page
// URLs at real host names, and the fixture each variant serves. Kept apart from sites.ts, which plays Okta.

/** A test or save request one of the other IdPs' pages sent, with the host it went to and the fields it carried. */
export interface IdpCall {
  idp: 'onelogin' | 'entra';
  kind: 'test' | 'save';
  host: string;
  fields: Record<string, string>;
}

export const ONELOGIN_APP_URL = 'https://acme.onelogin.com/apps/1234567/edit';
/** The InVision app's instance in Okta, as today's Okta fixtures are served (sites.ts re-exports it). */
export const OKTA_APP_URL = 'https://acme-admin.okta.com/admin/app/invisionapp/instance/0oa1b2c3d4e5f6g7h8/';
export const ENTRA_PORTAL_URL = 'https://portal.azure.com/';
export const ENTRA_ADMIN_URL = 'https://entra.microsoft.com/';
/** The provisioning blade the portal frames (a reactblade host, as Entra's blades use). */
export const ENTRA_BLADE_FRAME_URL = 'https://provisioning.reactblade.portal.azure.net/blade/provisioning';
/** Hostile: a look-alike top page that frames the genuine blade; nothing may be filled there. */
export const ENTRA_FOREIGN_TOP_URL = 'https://portal.azure.com.evil.example/';

/** Entra's words (docs/target-facts.md). */
export const ENTRA_AUTHORIZED = 'The supplied credentials are authorized to enable provisioning';
export const ENTRA_INVALID =
  'You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account.';
/** Reconstructed: OneLogin's error text is not public. */
export const ONELOGIN_UNAUTHORIZED = 'Unable to enable the API connection: 401 Unauthorized';

/** A user-defined source: a SaaS admin page invented for the test (tests/fixtures/custom/). */
export const CUSTOM_SOURCE_HOST = 'admin.acme-hr.example';
export const CUSTOM_SOURCE_URL = `https://${CUSTOM_SOURCE_HOST}/settings/provisioning`;
export const CUSTOM_SOURCE_SCIM_URL = `https://${CUSTOM_SOURCE_HOST}/scim/v2`;

export type IdpId = 'okta' | 'onelogin' | 'entra';

/** For each IdP, the pages a demo or a test serves: URL → fixture (relative to tests/fixtures), per variant. */
export const IDP_PAGES = {
  onelogin: {
    saved: { [ONELOGIN_APP_URL]: 'onelogin/configuration-saved.html' },
    'first-time': { [ONELOGIN_APP_URL]: 'onelogin/configuration-first-time.html' },
  },
  entra: {
    legacy: { [ENTRA_PORTAL_URL]: 'entra/legacy-first-time.html' },
    'new-configuration': { [ENTRA_ADMIN_URL]: 'entra/new-configuration.html' },
    iframe: { [ENTRA_PORTAL_URL]: 'entra/portal-shell.html', [ENTRA_BLADE_FRAME_URL]: 'entra/blade-frame.html' },
    'foreign-top': { [ENTRA_FOREIGN_TOP_URL]: 'entra/foreign-top.html', [ENTRA_BLADE_FRAME_URL]: 'entra/blade-frame.html' },
  },
} as const satisfies Record<Exclude<IdpId, 'okta'>, Record<string, Record<string, string>>>;

/** Where a person opens each IdP's form, per variant (the URL the demo navigates to). */
export const IDP_START_URLS = {
  onelogin: { saved: `${ONELOGIN_APP_URL}#configuration`, 'first-time': `${ONELOGIN_APP_URL}#configuration` },
  entra: {
    legacy: `${ENTRA_PORTAL_URL}#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning`,
    'new-configuration': `${ENTRA_ADMIN_URL}#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning`,
    iframe: `${ENTRA_PORTAL_URL}#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning`,
  },
} as const;

type Played = { call: IdpCall; status: number; reply: unknown };

function fieldsOf(body: string): Record<string, string> {
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/** Answers OneLogin's and Entra's test and save requests; undefined for anything else. */
export function playIdp(method: string, url: URL, body: string, expect: { token: string; scimUrl: string }): Played | undefined {
  if (method !== 'POST') return undefined;
  const fields = fieldsOf(body);
  const host = url.hostname;
  if (url.hostname.endsWith('.onelogin.com')) {
    if (/^\/apps\/\d+\/api_connection$/.test(url.pathname)) {
      const ok = fields.scim_bearer_token === expect.token && fields.scim_base_url === expect.scimUrl;
      return { call: { idp: 'onelogin', kind: 'test', host, fields }, status: ok ? 200 : 401, reply: ok ? { status: 'enabled' } : { message: ONELOGIN_UNAUTHORIZED } };
    }
    if (/^\/apps\/\d+$/.test(url.pathname)) return { call: { idp: 'onelogin', kind: 'save', host, fields }, status: 200, reply: { ok: true } };
  }
  if (url.pathname === '/api/provisioning/test' || url.pathname === '/api/provisioning/save') {
    const kind = url.pathname.endsWith('test') ? 'test' : 'save';
    // The secret goes in bare: "Bearer <token>" is what Entra sends, not what it wants typed.
    const ok = fields.secretToken === expect.token && fields.tenantUrl === expect.scimUrl;
    return { call: { idp: 'entra', kind, host, fields }, status: ok || kind === 'save' ? 200 : 400, reply: ok ? { ok: true } : { code: 'InvalidCredentials', message: ENTRA_INVALID } };
  }
  return undefined;
}

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
export const VERDICTS: Record<IdpId, { success: RegExp; failure: RegExp }> = {
  okta: { success: /was verified successfully!/, failure: /^Error authenticating: Unauthorized\./ },
  onelogin: { success: /^Enabled\b/, failure: /Unable to enable|401 Unauthorized/ },
  entra: { success: /authorized to enable provisioning/, failure: /invalid credentials/ },
};

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
