// Hostile pages: each clickjacking or decoy technique of tests/fixtures/hostile/ added to Okta's classic page,
// where pick() must refuse with the exact reason the engine turns into the user's message, or choose the one
// genuine field among decoys. The refusals themselves are utils/dom/usable.ts's; the rows pin that the locators
// still find the control, so the refusal is about the page and not a locator that lost the field.
import { oktaAdapter } from '../../utils/adapters/okta.target';
import type { Unusable } from '../../utils/dom/usable';
import { OKTA_APP_URL } from '../harness/sites';
import type { AdapterContract, ContractRow, Refusal } from './table';

const PAGE = 'okta/classic-edit.html';
const EDIT = [{ press: 'reveal.0' }] as const;
const unusable = (why: Unusable): Refusal => ({ ok: false, problem: 'unusable', why });
/** The Okta form after Edit with the hostile addition, and what pick() must say about one control. */
const refused = (inject: string, control: string, why: Unusable): ContractRow => ({
  fixture: PAGE,
  inject: `hostile/${inject}`,
  before: EDIT,
  control,
  expect: { present: 1, pick: unusable(why) },
});

export default {
  adapter: oktaAdapter,
  url: `${OKTA_APP_URL}#tab-user-management`,
  rows: [
    refused('html-opacity.html', 'token', 'transparent'),
    refused('body-opacity.html', 'token', 'transparent'),
    refused('body-filter-opacity.html', 'test', 'transparent'),
    refused('masked-token-input.html', 'token', 'transparent'),
    refused('blended-token-input.html', 'token', 'transparent'),
    refused('transparent-overlay.html', 'token', 'covered'),
    refused('fixed-veil-pointer-events-none.html', 'token', 'covered'),
    refused('clipped-token-input.html', 'token', 'covered'),
    refused('covered-test-button.html', 'test', 'covered'),
    refused('popover-pointer-events-none.html', 'token', 'foreign-top-layer'),
    refused('tiny-token-input.html', 'token', 'too-small'),
    refused('offscreen-token-input.html', 'token', 'off-screen'),
    // Only the token field is attacked: the rest of the form stays usable.
    { ...refused('tiny-token-input.html', 'baseUrl', 'too-small'), expect: { present: 1, pick: 'ok' } },
    // The transparent copy laid over the field does not count as shown; the real field under it is covered.
    refused('decoy-transparent-over-field.html', 'token', 'covered'),
    // An off-screen copy is shown but unusable, a display:none copy is not shown: the form's own field is chosen.
    {
      fixture: PAGE,
      inject: 'hostile/decoy-offscreen-duplicate.html',
      before: EDIT,
      control: 'token',
      expect: { present: 2, pick: 'ok', picks: '#creds [name="scim_auth_header_value_new"]' },
    },
    // The form moved into a frame: the top page has nothing to fill.
    { fixture: PAGE, inject: 'hostile/form-in-iframe.html', control: 'integration', expect: { present: 0 } },
    { fixture: PAGE, inject: 'hostile/form-in-iframe.html', control: 'token', expect: { present: 0, pick: { ok: false, problem: 'missing' } } },
  ],
} satisfies AdapterContract;
