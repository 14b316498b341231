// Okta's fake admin console: the InVision app's Provisioning › Integration pane, and the server behind its Test
// API Credentials and Save (form-encoded, as Okta's classic pages post them).
import { fieldsOf } from '../fixture-server';
import { accepts, type IdpHarness, type Sent } from './types';

/** The InVision app's instance in Okta, as today's Okta fixtures are served. */
export const OKTA_APP_URL = 'https://acme-admin.okta.com/admin/app/invisionapp/instance/0oa1b2c3d4e5f6g7h8/';
/** Okta's words for a failed test (docs/target-facts.md). */
export const OKTA_UNAUTHORIZED =
  'Error authenticating: Unauthorized. The connector configuration could not be tested. Make sure that the URL, ' +
  'Authentication Parameters are correct and that there is an implementation available at the URL provided.';
const PROVISIONING = '#tab-user-management';

const sent = ({ fields }: { fields: Record<string, string> }): Sent => ({
  token: fields.scim_auth_header_value_new || fields.scim_auth_header_value,
  baseUrl: fields.scim_base_url,
});

export const okta = {
  id: 'okta',
  variants: {
    'classic-edit': { pages: { [OKTA_APP_URL]: 'okta/classic-edit.html' }, start: `${OKTA_APP_URL}${PROVISIONING}` },
    'react-first-time': { pages: { [OKTA_APP_URL]: 'okta/react-first-time.html' }, start: OKTA_APP_URL },
  },
  play(method, url, body, expect) {
    if (method !== 'POST') return undefined;
    const fields = fieldsOf(body);
    const call = { idp: 'okta', host: url.hostname, fields };
    if (url.pathname.endsWith('/settings/user-mgmt/verify')) {
      const ok = accepts(sent(call), expect);
      const reply = ok ? { ok: true } : { errorCode: 'E0000059', errorSummary: OKTA_UNAUTHORIZED };
      return { call: { ...call, kind: 'test' }, status: ok ? 200 : 400, reply, afterMs: expect.delayMs };
    }
    if (url.pathname.endsWith('/settings/user-mgmt')) return { call: { ...call, kind: 'save' }, status: 200, reply: { ok: true } };
    return undefined;
  },
  sent,
  verdicts: { success: /was verified successfully!/, failure: /^Error authenticating: Unauthorized\./ },
} satisfies IdpHarness;

export default okta;
