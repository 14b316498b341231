// The sentences the engine builds from reasons and adapters: each reason has its own words, and each IdP is
// named in its own words.
import { describe, expect, it } from 'vitest';
import { entraAdapter } from '../../utils/adapters/entra.target';
import { oktaAdapter } from '../../utils/adapters/okta.target';
import { oneloginAdapter } from '../../utils/adapters/onelogin.target';
import type { FieldChange } from '../../utils/dom/usable';
import type { HostRejection } from '../../utils/hosts';
import { say } from '../../utils/messages';

const HOST_REJECTIONS: HostRejection[] = ['not-a-url', 'not-https', 'has-credentials', 'has-port', 'not-a-listed-site', 'wrong-subdomain', 'look-alike'];
const FIELD_CHANGES: FieldChange[] = [
  ...(['detached', 'page-hidden', 'not-rendered', 'too-small', 'off-screen', 'transparent', 'covered', 'disabled', 'read-only', 'inert', 'foreign-top-layer', 'unreadable-text'] as const),
  'replaced',
  'not-text',
];

describe('say', () => {
  it('the frame stop names the form in the IdP’s own words', () => {
    expect(say.formInFrame(oktaAdapter)).toContain('the Integration form is inside a frame');
    expect(say.formInFrame(oneloginAdapter)).toContain('the Configuration form is inside a frame');
    expect(say.formInFrame(entraAdapter)).toContain('the Provisioning form is inside a frame');
  });

  it('every refused host gets words of its own, and none is a missing key', () => {
    const said = HOST_REJECTIONS.map((reason) => say.notAdminHost(oktaAdapter, 'evil.example', reason));
    expect(new Set(said).size).toBe(HOST_REJECTIONS.length);
    for (const sentence of said) expect(sentence).not.toMatch(/\bhost[A-Z]\w+/);
  });

  it('every reason a control is unusable or a field changed gets words of its own, and none is a missing key', () => {
    const said = FIELD_CHANGES.map((why) => say.fieldChanged('API Token', why));
    expect(new Set(said).size).toBe(FIELD_CHANGES.length);
    for (const sentence of said) expect(sentence).not.toMatch(/\b(unusable|changed)[A-Z]\w+/);
  });
});
