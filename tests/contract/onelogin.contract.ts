// OneLogin's locator contract: what each control of utils/adapters/onelogin.target.ts finds on the app's
// Configuration tab, saved (server-rendered, <label for>) and first-time (React, captions without for=).
import { oneloginAdapter } from '../../utils/adapters/onelogin.target';
import { ONELOGIN_APP_URL } from '../harness/idp-sites';
import type { AdapterContract, Step } from './table';

const SAVED = 'onelogin/configuration-saved.html';
const FIRST_TIME = 'onelogin/configuration-first-time.html';
/** The same app page on its Info tab: the Configuration fields are in the page but not shown. */
const INFO_TAB_URL = `${ONELOGIN_APP_URL}#info`;
// Written blind (tests/fixtures/onelogin/blind/README.md), all served at the app's edit URL.
const BLIND_FIRST = 'onelogin/blind/onelogin-first-setup.html';
const BLIND_UPDATE = 'onelogin/blind/onelogin-update-existing.html';
const BLIND_REAUTH = 'onelogin/blind/onelogin-reauth.html';
// The update page shows a spinner, then mounts the Configuration panel late.
const RENDERED: Step[] = [{ wait: 'token' }];

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

    // The guide: the Configuration tab in the app's left navigation (ours have no top navigation).
    { fixture: SAVED, control: 'guide.configuration.spot', expect: { present: 1 } },
    { fixture: SAVED, control: 'guide.applications.spot', expect: { present: 0 } },
    { fixture: FIRST_TIME, control: 'guide.configuration.spot', expect: { present: 1 } },

    // Blind, first setup: inputs named only by aria-label; Applications both in the top menu and the breadcrumb.
    { fixture: BLIND_FIRST, control: 'guide.applications.spot', expect: { present: 2 } },
    { fixture: BLIND_FIRST, control: 'guide.configuration.spot', expect: { present: 1, pick: 'ok', picks: '[href="#configuration"]' } },
    { fixture: BLIND_FIRST, control: 'signIn', expect: { present: 0 } },
    { fixture: BLIND_FIRST, control: 'integration', expect: { present: 2 } },
    { fixture: BLIND_FIRST, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: '#scim_base_url' } },
    { fixture: BLIND_FIRST, control: 'token', expect: { present: 1, pick: 'ok', picks: '#scim_bearer_token' } },
    { fixture: BLIND_FIRST, control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: BLIND_FIRST, control: 'save', expect: { present: 1, pick: 'ok', picks: '.primary' } },

    // Blind, update: fields pre-filled with real <label for>, once the late render is done.
    { fixture: BLIND_UPDATE, before: RENDERED, control: 'integration', expect: { present: 2 } },
    { fixture: BLIND_UPDATE, before: RENDERED, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: '#scim_base_url' } },
    { fixture: BLIND_UPDATE, before: RENDERED, control: 'token', expect: { present: 1, pick: 'ok', picks: '#scim_bearer_token' } },
    { fixture: BLIND_UPDATE, before: RENDERED, control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: BLIND_UPDATE, before: RENDERED, control: 'save', expect: { present: 1, pick: 'ok', picks: '.primary' } },

    // Blind, re-authentication layout: API Connection below the fields, the token a password field.
    { fixture: BLIND_REAUTH, control: 'signIn', expect: { present: 0 } },
    { fixture: BLIND_REAUTH, control: 'integration', expect: { present: 2 } },
    { fixture: BLIND_REAUTH, control: 'baseUrl', expect: { present: 1, pick: 'ok', picks: '#scim_base_url' } },
    { fixture: BLIND_REAUTH, control: 'token', expect: { present: 1, pick: 'ok', picks: 'input[type=password]' } },
    { fixture: BLIND_REAUTH, control: 'test', expect: { present: 1, pick: 'ok' } },
    { fixture: BLIND_REAUTH, control: 'save', expect: { present: 1, pick: 'ok', picks: '.primary' } },
  ],
} satisfies AdapterContract;
