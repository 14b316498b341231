// OneLogin's locator contract: what each control of utils/adapters/onelogin.target.ts finds on the app's
// Configuration tab, saved (server-rendered, <label for>) and first-time (React, captions without for=).
import { oneloginAdapter } from '../../utils/adapters/onelogin.target';
import { ONELOGIN_APP_URL } from '../harness/idp-sites';
import type { AdapterContract } from './table';

const SAVED = 'onelogin/configuration-saved.html';
const FIRST_TIME = 'onelogin/configuration-first-time.html';
/** The same app page on its Info tab: the Configuration fields are in the page but not shown. */
const INFO_TAB_URL = `${ONELOGIN_APP_URL}#info`;

export default {
  adapter: oneloginAdapter,
  url: `${ONELOGIN_APP_URL}#configuration`,
  rows: [
    { fixture: SAVED, control: 'signIn', expect: { present: 0 } },
    // The token field and the Enable button under API Connection: either says the tab is on screen.
    { fixture: SAVED, control: 'integration', expect: { present: 2 } },
    { fixture: SAVED, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: '#base' } },
    { fixture: SAVED, control: 'token', expect: { present: 1, pick: 'ok', picks: '#bearer' } },
    { fixture: SAVED, control: 'test', expect: { present: 1, pick: 'ok', picks: '#enable' } },
    { fixture: SAVED, control: 'save', expect: { present: 1, pick: 'ok', picks: '#save' } },
    { fixture: SAVED, url: INFO_TAB_URL, control: 'integration', expect: { present: 0 } },
    { fixture: SAVED, url: INFO_TAB_URL, control: 'token', expect: { present: 0, pick: { ok: false, problem: 'unusable', why: 'not-rendered' } } },

    { fixture: FIRST_TIME, control: 'integration', expect: { present: 2 } },
    { fixture: FIRST_TIME, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: 'input[type=text]' } },
    // The JSON template between the two fields is a textarea: never taken for either.
    { fixture: FIRST_TIME, control: 'token', expect: { present: 1, pick: 'ok', picks: 'input[type=password]' } },
    { fixture: FIRST_TIME, control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: FIRST_TIME, control: 'save', expect: { present: 1, pick: 'ok' } },
    // The React page draws only the tab in the hash: on Info there is nothing of the form at all.
    { fixture: FIRST_TIME, url: INFO_TAB_URL, control: 'token', expect: { present: 0, pick: { ok: false, problem: 'missing' } } },
  ],
} satisfies AdapterContract;
