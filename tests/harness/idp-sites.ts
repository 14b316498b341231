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
export const ENTRA_PORTAL_URL = 'https://portal.azure.com/';
export const ENTRA_ADMIN_URL = 'https://entra.microsoft.com/';
/** The provisioning blade the portal frames (a reactblade host, as Entra's blades use). */
export const ENTRA_BLADE_FRAME_URL = 'https://provisioning.reactblade.portal.azure.net/blade/provisioning';
/** Hostile: a look-alike top page that frames the genuine blade; nothing may be filled there. */
export const ENTRA_FOREIGN_TOP_URL = 'https://portal.azure.com.evil.example/';

/** Entra's words (shared/reference/target-pages.md). */
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
