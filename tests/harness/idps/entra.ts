// Microsoft Entra ID's fake portal and admin center: the legacy and new provisioning flows in the top document,
// the blade framed from a reactblade host, and a look-alike top page that frames the genuine blade.
import { fieldsOf } from '../fixture-server';
import { accepts, type IdpHarness, type Sent } from './types';

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
const PROVISIONING_HASH = '#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Provisioning';
const sent = ({ fields }: { fields: Record<string, string> }): Sent => ({ token: fields.secretToken, baseUrl: fields.tenantUrl });

export const entra = {
  id: 'entra',
  variants: {
    legacy: { pages: { [ENTRA_PORTAL_URL]: 'entra/legacy-first-time.html' }, start: `${ENTRA_PORTAL_URL}${PROVISIONING_HASH}` },
    'new-configuration': { pages: { [ENTRA_ADMIN_URL]: 'entra/new-configuration.html' }, start: `${ENTRA_ADMIN_URL}${PROVISIONING_HASH}` },
    iframe: {
      pages: { [ENTRA_PORTAL_URL]: 'entra/portal-shell.html', [ENTRA_BLADE_FRAME_URL]: 'entra/blade-frame.html' },
      start: `${ENTRA_PORTAL_URL}${PROVISIONING_HASH}`,
      cardFrame: ENTRA_BLADE_FRAME_URL,
    },
    'foreign-top': {
      pages: { [ENTRA_FOREIGN_TOP_URL]: 'entra/foreign-top.html', [ENTRA_BLADE_FRAME_URL]: 'entra/blade-frame.html' },
      start: ENTRA_FOREIGN_TOP_URL,
      cardFrame: ENTRA_BLADE_FRAME_URL,
    },
  },
  play(method, url, body, expect) {
    if (method !== 'POST' || (url.pathname !== '/api/provisioning/test' && url.pathname !== '/api/provisioning/save')) return undefined;
    const kind = url.pathname.endsWith('test') ? 'test' : 'save';
    const fields = fieldsOf(body);
    // The secret goes in bare: "Bearer <token>" is what Entra sends, not what it wants typed.
    const call = { idp: 'entra', kind, host: url.hostname, fields } as const;
    const ok = accepts(sent(call), expect);
    return { call, status: ok || kind === 'save' ? 200 : 400, reply: ok ? { ok: true } : { code: 'InvalidCredentials', message: ENTRA_INVALID } };
  },
  sent,
  verdicts: { success: /authorized to enable provisioning/, failure: /invalid credentials/ },
} satisfies IdpHarness;

export default entra;
