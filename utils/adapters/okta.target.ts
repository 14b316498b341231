// Okta admin console: Applications › the InVision app › Provisioning › Integration. Facts in
// docs/target-facts.md; field names and ids are what public scripts saw on the live page.
import type { ControlSpec } from '../dom/locate';
import { finishGuide } from '../guide/steps';
import type { TargetAdapter } from './types';

// "Edit" and "Save" also exist on the General and Sign On tabs: only the ones under this heading count.
const INTEGRATION_HEADING = /^(api )?integration\b/i;
const APP_PAGE = /^\/admin\/app\/[^/]+\/instance\/[^/]+\/?$/;
const link = (name: string, text: RegExp): ControlSpec => ({ name, kind: 'button', locators: [{ role: ['link', 'tab', 'button'], name: text }] });
const invisionAppLink = link('InVision app link', /\binvision\b/i);
const integrationLink = link('Integration link', /^(api )?integration$/i);
const integrationHeading: ControlSpec = { name: 'Integration heading', kind: 'region', locators: [{ role: 'heading', name: INTEGRATION_HEADING }] };
const edit: ControlSpec = {
  name: 'Edit (or Configure API Integration) link',
  kind: 'button',
  locators: [
    { role: ['button', 'link'], name: /^configure api integration$/i },
    { css: '#userMgmtSettings\\.edit_link' },
    { role: ['button', 'link'], name: /^edit$/i, near: INTEGRATION_HEADING },
  ],
};
const enable: ControlSpec = {
  name: 'Enable API integration checkbox',
  kind: 'checkbox',
  locators: [{ label: /^enable api integration$/i }, { css: 'input[name="enabled"][type=checkbox]' }],
};
const token: ControlSpec = {
  name: 'API Token field',
  kind: 'field',
  locators: [
    { label: /^(api token|oauth bearer token|bearer token|api key)$/i },
    { css: 'input[name="scim_auth_header_value_new"], input[name="scim_auth_header_value"]' },
  ],
};
const save: ControlSpec = {
  name: 'Save button',
  kind: 'button',
  locators: [{ css: '#userMgmtSettings\\.button\\.submit' }, { role: 'button', name: /^save$/i, near: INTEGRATION_HEADING }],
};
const OKTA_CELLS = ['okta.com', 'oktapreview.com', 'okta-emea.com', 'okta-gov.com', 'okta.mil', 'trexcloud.com', 'trex-govcloud.com'];

/** The fixture pages that prove this adapter (tests/fixtures/; an entry ending in "/" names a directory): test data, left out of the built extension. */
export const fixtures = [
  'okta/classic-edit.html',
  'okta/react-first-time.html',
  'okta/signin-challenge.html',
  'okta/rebuilt-variant.html',
  'okta/admin-console.html',
  'okta/idle-timeout.html',
  'okta/blind/', // every page written blind (its README says how a person drives each)
];

export const oktaAdapter: TargetAdapter = {
  id: 'okta',
  label: 'Okta',
  path: 'Applications › the InVision app › Provisioning › Integration',
  listOrder: 1,
  role: 'target',
  // Only the admin console ("<org>-admin"); "<org>.okta.com" is the end-user side and is never filled.
  hosts: { suffixes: OKTA_CELLS, label: /^[a-z0-9][a-z0-9-]*-admin$/ },
  exampleHost: 'acme-admin.okta.com',
  matches: OKTA_CELLS.map((cell) => `https://*.${cell}/admin/*`),
  appPage: APP_PAGE,
  appLabel: {
    // "<Org> - <App label>": the org comes first.
    title: /^.+? - (.+)$/,
    heading: '[data-se="app-instance-name"], h1',
    notNames: /^okta( admin console)?$/i,
  },
  signIn: {
    name: 'sign-in form',
    kind: 'field',
    locators: [
      { css: '#okta-sign-in, [data-se="o-form-fieldset-credentials.passcode"], input[type=password]:not([name^="scim"])' },
      { role: 'heading', name: /^(sign in|verify it'?s you|verify with|enter (your )?password|okta verify)/i },
    ],
  },
  integration: {
    name: 'Provisioning › Integration pane',
    kind: 'button',
    locators: [
      { role: ['button', 'link'], name: /^(test api credentials|configure api integration)$/i },
      { css: '#m-verify-button, [name="m-verify"], #userMgmtSettings\\.edit_link' },
      { role: ['button', 'link'], name: /^edit$/i, near: INTEGRATION_HEADING },
    ],
  },
  reveal: [edit],
  enable,
  baseUrl: {
    name: 'Base URL field',
    kind: 'field',
    // "SCIM 2.0 Base Url" on apps built on Okta's SCIM 2.0 template.
    locators: [{ label: /^(scim( 2\.0)? )?(connector )?base url$/i }, { css: 'input[name="scim_base_url"]' }],
  },
  token,
  test: {
    name: 'Test API Credentials button',
    kind: 'button',
    locators: [
      { role: ['button', 'link'], name: /^test (api )?(credentials|connector configuration)$/i },
      { css: '#m-verify-button, [name="m-verify"]' },
    ],
  },
  save,
  outcome: {
    success: /\bverified successfully\b/i,
    failure: /\b(error authenticating|could not be tested|E0000\d{3}|failed)\b/i,
    saved: /\b(changes (have been )?saved|successfully (saved|updated)|settings saved)\b/i,
  },
  words: { form: 'Integration', tokenField: 'API Token', testButton: 'Test API Credentials', saveButton: 'Save' },
  guide: [
    {
      id: 'applications',
      say: 'guideOktaApplications',
      // The navigation's Applications section holds an Applications link: point at the link once it shows, at the
      // section's button while the section is closed.
      spot: {
        name: 'Applications link',
        kind: 'button',
        locators: [{ role: 'link', name: /^applications$/i }, { role: ['button', 'tab'], name: /^applications$/i }],
      },
      done: { present: invisionAppLink },
    },
    { id: 'app', say: 'guideOktaApp', spot: invisionAppLink, done: { path: APP_PAGE } },
    { id: 'provisioning', say: 'guideOktaProvisioning', spot: link('Provisioning tab', /^provisioning$/i), done: { present: integrationLink } },
    { id: 'integration', say: 'guideOktaIntegration', spot: integrationLink, done: { present: integrationHeading } },
    { id: 'edit', say: 'guideOktaEdit', spot: edit, done: { present: enable } },
    { id: 'enable', say: 'guideOktaEnable', spot: enable, done: { present: token } },
    ...finishGuide(token, save),
  ],
};

export default oktaAdapter;
