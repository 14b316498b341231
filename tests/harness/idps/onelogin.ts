// OneLogin's fake admin: the InVision app's Configuration tab, where Enable under API Connection is the test.
import { fieldsOf } from '../fixture-server';
import { accepts, type IdpHarness, type Sent } from './types';

export const ONELOGIN_APP_URL = 'https://acme.onelogin.com/apps/1234567/edit';
/** Reconstructed: OneLogin's error text is not public. */
export const ONELOGIN_UNAUTHORIZED = 'Unable to enable the API connection: 401 Unauthorized';
const CONFIGURATION = `${ONELOGIN_APP_URL}#configuration`;
const sent = ({ fields }: { fields: Record<string, string> }): Sent => ({ token: fields.scim_bearer_token, baseUrl: fields.scim_base_url });

export const onelogin = {
  id: 'onelogin',
  variants: {
    saved: { pages: { [ONELOGIN_APP_URL]: 'onelogin/configuration-saved.html' }, start: CONFIGURATION },
    'first-time': { pages: { [ONELOGIN_APP_URL]: 'onelogin/configuration-first-time.html' }, start: CONFIGURATION },
  },
  play(method, url, body, expect) {
    if (method !== 'POST' || !url.hostname.endsWith('.onelogin.com')) return undefined;
    const fields = fieldsOf(body);
    const call = { idp: 'onelogin', host: url.hostname, fields };
    if (/^\/apps\/\d+\/api_connection$/.test(url.pathname)) {
      const ok = accepts(sent(call), expect);
      return { call: { ...call, kind: 'test' }, status: ok ? 200 : 401, reply: ok ? { status: 'enabled' } : { message: ONELOGIN_UNAUTHORIZED } };
    }
    if (/^\/apps\/\d+$/.test(url.pathname)) return { call: { ...call, kind: 'save' }, status: 200, reply: { ok: true } };
    return undefined;
  },
  sent,
  savedAlso: { api_status: 'Enabled' }, // the API Connection's state after Enable, saved with the token
  verdicts: { success: /^Enabled\b/, failure: /Unable to enable|401 Unauthorized/ },
} satisfies IdpHarness;

export default onelogin;
