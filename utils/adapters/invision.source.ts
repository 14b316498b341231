// InVision V6/V7 SCIM settings, reconstructed from InVision's help centre (the service shut down on 31 Dec 2024).
// What is known and what is assumed (routes, the trigger): docs/invision-source.md.
import type { ControlSpec } from '../dom/locate';
import { INVISION } from './sites';
import { named, type SourceAdapter } from './types';

const HOLDS_TOKEN = ['captured', 'filling', 'verified', 'failed', 'saved'] as const;
const scimMenuItem: ControlSpec = {
  name: 'SCIM Provisioning menu item',
  kind: 'button',
  locators: [{ role: ['button', 'link'], name: /^(scim provisioning|user provisioning with scim)$/i }],
};
const panel: ControlSpec = {
  name: 'SCIM Provisioning settings',
  kind: 'region',
  locators: [
    { role: ['dialog', 'heading'], name: /^(scim provisioning|user provisioning with scim)\b/i },
    // V7's settings list opens the section in place under its own toggle button (blind fixtures, v7 tray).
    { role: 'button', name: /^user provisioning with scim\b/i },
  ],
};
const generateButton: ControlSpec = {
  name: 'Generate token button',
  kind: 'button',
  locators: [{ role: 'button', name: /^generate( new)? token$/i }],
};
const generateCheckbox: ControlSpec = {
  name: '“I want to generate a new token” checkbox',
  kind: 'checkbox',
  locators: [{ label: /^i want to generate a new token$/i }],
};

/** The fixture pages that prove this adapter (tests/fixtures/; an entry ending in "/" names a directory): test data, left out of the built extension. */
export const fixtures = [
  'invision/v6-people-modal.html',
  'invision/v7-settings-page.html',
  'invision/v7-token-on-next-page.html',
  'invision/blind/', // every page written blind (its README says how a person drives each)
];

export const invisionAdapter: SourceAdapter = {
  ...named(INVISION),
  role: 'source',
  idpAppName: INVISION.idpAppName,
  hosts: { suffixes: ['invisionapp.com'], label: /^[a-z0-9-]+$/ },
  matches: ['https://*.invisionapp.com/*'],
  // The real paths were never documented: V6 opens the settings as a modal over the People page, V7 as a settings
  // page. Tolerant within those two, and nowhere else on the origin (docs/invision-source.md).
  // V6: the People page's modal; V7: the settings page, or the team tray's Settings opened in place over a space.
  routes: [/^\/people(?:\/|$)/i, /^\/settings(?:\/|$)/i, /^\/spaces(?:\/|$)/i],
  trigger: generateButton,
  panel,
  generateCheckbox,
  token: {
    name: 'Authentication token',
    kind: 'text',
    locators: [
      { label: /^(scim |authentication |auth |bearer |api |access |secret |new )*token$/i },
      { css: 'code, pre, kbd, samp, [data-testid*="token" i], [name*="token" i]' },
    ],
  },
  scimUrl: {
    control: {
      name: 'SCIM API URL',
      kind: 'text',
      // Only beside its caption: a URL anywhere else on the page (a code block, a read-only field) is not the Base URL.
      locators: [{ label: /^(scim )?(api )?(base )?url$/i }],
    },
    pattern: /^https:\/\/[a-z0-9-]+\.invisionapp\.com\/scim\/v2\/?$/,
  },
  guide: [
    {
      id: 'people',
      say: 'guideInvisionPeople',
      spot: { name: 'People link', kind: 'button', locators: [{ role: ['link', 'button', 'tab'], name: /^people$/i }] },
      done: { present: { name: 'Teams tab', kind: 'button', locators: [{ role: ['button', 'link', 'tab'], name: /^teams$/i }] } },
    },
    {
      id: 'more',
      say: 'guideInvisionMore',
      spot: { name: '••• (more) button', kind: 'button', locators: [{ role: 'button', name: /^(more|•••|…|\.\.\.)$/i }] },
      done: { present: scimMenuItem },
    },
    { id: 'scim', say: 'guideInvisionScim', spot: scimMenuItem, done: { present: panel } },
    { id: 'tick', say: 'guideInvisionTick', spot: generateCheckbox, done: { checked: generateCheckbox } },
    {
      id: 'generate',
      say: 'guideInvisionGenerate',
      spot: generateButton,
      done: { phase: HOLDS_TOKEN },
    },
    { id: 'switch', say: 'guideInvisionSwitch', done: 'never' },
  ],
};

export default invisionAdapter;
