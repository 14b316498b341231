// OneLogin admin: Applications › the InVision app › Configuration. Facts in docs/target-facts.md;
// OneLogin's status and error texts are not public, so the verdict patterns are deliberately broad.
import type { ControlSpec } from '../dom/locate';
import { finishGuide } from '../guide/steps';
import type { TargetAdapter } from './types';

// Names OneLogin keeps for itself rather than for a customer's subdomain.
const RESERVED_LABELS = /^(?!(?:www|api|developers|support|status|app|onelogin)$)[a-z0-9][a-z0-9-]*$/;
// The Enable button and the status sit under this heading; Save and others do not.
const API_CONNECTION = /^api (connection|status)\b/i;
const APP_PAGE = /^\/apps\/\d+\/edit\/?$/;
const token: ControlSpec = { name: 'SCIM Bearer Token field', kind: 'field', locators: [{ label: /^(scim )?bearer token$/i }] };
const save: ControlSpec = { name: 'Save button', kind: 'button', locators: [{ role: 'button', name: /^save$/i }] };

/** The fixture pages that prove this adapter (tests/fixtures/; an entry ending in "/" names a directory): test data, left out of the built extension. */
export const fixtures = [
  'onelogin/configuration-saved.html',
  'onelogin/configuration-first-time.html',
  'onelogin/blind/', // every page written blind (its README says how a person drives each)
];

export const oneloginAdapter: TargetAdapter = {
  id: 'onelogin',
  label: 'OneLogin',
  path: 'Applications › the InVision app › Configuration',
  listOrder: 2,
  role: 'target',
  // Admin and end-user pages share "<sub>.onelogin.com"; the app editor's path (appPage) is what tells them apart.
  hosts: { suffixes: ['onelogin.com'], label: RESERVED_LABELS },
  exampleHost: 'acme.onelogin.com',
  matches: ['https://*.onelogin.com/apps/*'],
  appPage: APP_PAGE,
  appLabel: {
    title: /^(.+?) - Applications - OneLogin$/,
    heading: 'h1',
    notNames: /^onelogin$/i,
  },
  signIn: {
    name: 'sign-in form',
    kind: 'field',
    locators: [
      { css: 'input[name="username"], input[type=password][autocomplete="current-password"]' },
      { role: 'heading', name: /^(sign in|log in|enter (your )?password|verify|onelogin protect|two-factor)/i },
    ],
  },
  integration: {
    name: 'Configuration tab',
    kind: 'field',
    locators: [{ label: /^scim bearer token$/i }, { role: 'button', name: /^enable$/i, near: API_CONNECTION }],
  },
  reveal: [],
  baseUrl: { name: 'SCIM Base URL field', kind: 'field', locators: [{ label: /^scim base url$/i }] },
  token,
  test: { name: 'Enable button under API Connection', kind: 'button', locators: [{ role: 'button', name: /^enable$/i, near: API_CONNECTION }] },
  save,
  outcome: {
    success: /^(api status:?\s*)?(enabled|connected|connection (is )?(active|successful))\b/i,
    failure: /\b(fail(ed|ure)?|error|invalid|unauthori[sz]ed|forbidden|denied|could not|unable to|401|403)\b/i,
    pending: /\b(enabling|connecting|testing|pending|in progress)\b|…$/i,
    saved: /\b(changes (were |have been )?saved|app (was )?(saved|updated)|saved successfully)\b/i,
  },
  words: { form: 'Configuration', tokenField: 'SCIM Bearer Token', testButton: 'Enable (API Connection)', saveButton: 'Save' },
  // OneLogin's app list (/apps) is outside the script's pages: the guide picks up on the app, and until then the
  // source's last step names the way (Applications › Applications › the InVision App).
  guide: [
    {
      id: 'applications',
      say: 'guideOneloginApplications',
      spot: { name: 'Applications menu', kind: 'button', locators: [{ role: ['link', 'button', 'tab'], name: /^applications$/i }] },
      done: { path: APP_PAGE },
    },
    {
      id: 'configuration',
      say: 'guideOneloginConfiguration',
      spot: { name: 'Configuration tab', kind: 'button', locators: [{ role: ['link', 'tab', 'button'], name: /^configuration$/i }] },
      done: { present: token },
    },
    ...finishGuide(token, save),
  ],
};

export default oneloginAdapter;
