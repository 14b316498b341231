// Microsoft Entra ID: Enterprise applications › the InVision app › Provisioning, in the Azure portal or the Entra
// admin center, legacy flow and new flow. The blade may render in a cross-origin frame; verdicts arrive as portal
// notifications. Facts in docs/target-facts.md.
import type { ControlSpec } from '../dom/locate';
import { finishGuide } from '../guide/steps';
import type { TargetAdapter } from './types';

// Public cloud, US Government and China (21Vianet) portals and admin centers.
const ENTRA_HOSTS = ['portal.azure.com', 'entra.microsoft.com', 'portal.azure.us', 'entra.microsoft.us', 'portal.azure.cn'];
const getStarted: ControlSpec = { name: 'Get started button', kind: 'button', locators: [{ role: 'button', name: /^get started$/i }] };
const newConfiguration: ControlSpec = { name: '+ New configuration button', kind: 'button', locators: [{ role: 'button', name: /^\+?\s*new configuration$/i }] };
// A native select on some renderings, a Fluent dropdown (options in a callout at the end of <body>) on others.
const provisioningMode: ControlSpec = {
  name: 'Provisioning Mode dropdown',
  kind: 'choice',
  locators: [{ role: ['combobox', 'radiogroup'], name: /^provisioning mode\b/i }, { label: /^provisioning mode$/i }],
};
const adminCredentials: ControlSpec = { name: 'Admin Credentials section', kind: 'button', locators: [{ role: 'button', name: /^admin credentials$/i }] };
const token: ControlSpec = { name: 'Secret Token field', kind: 'field', locators: [{ label: /^secret token\b/i }] };
const save: ControlSpec = { name: 'Save (or Create) button', kind: 'button', locators: [{ role: 'button', name: /^(save|create)$/i }] };

// The guide runs in the top page; a blade framed from another origin is out of its sight. It then points at the
// blade's frame, and knows how far the person got from the relay (tested, saved) rather than from the blade.
const BLADE_FRAME = { css: 'iframe[src*=".reactblade.portal.azure.net/"]' } as const;
const orInBlade = (spec: ControlSpec): ControlSpec => ({ ...spec, locators: [...spec.locators, BLADE_FRAME] });
const appLink: ControlSpec = { name: 'InVision app link', kind: 'button', locators: [{ role: 'link', name: /\binvision\b/i }] };
const provisioningLink: ControlSpec = {
  name: 'Provisioning menu item',
  kind: 'button',
  locators: [{ role: ['link', 'tab', 'button'], name: /^provisioning$/i }],
};
const bladeHeading: ControlSpec = { name: 'blade heading', kind: 'region', locators: [{ role: 'heading', name: /\|\s*provisioning$/i }] };

/** The fixture pages that prove this adapter (tests/fixtures/; an entry ending in "/" names a directory): test data, left out of the built extension. */
export const fixtures = [
  'entra/legacy-first-time.html',
  'entra/new-configuration.html',
  'entra/portal-shell.html',
  'entra/blade-frame.html',
  'entra/foreign-top.html',
  'entra/portal-navigation.html',
  'entra/blind/', // every page written blind (its README says how a person drives each)
];

export const entraAdapter: TargetAdapter = {
  id: 'entra',
  label: 'Microsoft Entra ID',
  path: 'Enterprise applications › the InVision app › Provisioning',
  listOrder: 3,
  role: 'target',
  hosts: { suffixes: [], label: /^$/, exactHosts: ENTRA_HOSTS },
  exampleHost: 'portal.azure.com',
  matches: ENTRA_HOSTS.map((host) => `https://${host}/*`),
  frames: {
    hosts: { suffixes: ['reactblade.portal.azure.net'], label: /^[a-z0-9][a-z0-9-]*$/ },
    matches: ['https://*.reactblade.portal.azure.net/*'],
    verdictInTop: true,
  },
  // The portal routes blades in the hash (#view/…); its path is always "/".
  appPage: /^\/$/,
  appLabel: {
    title: /^(.+?) - Microsoft (?:Azure|Entra admin center)$/,
    heading: 'h1, h2, h3, [role=heading]',
    headingPattern: /^(.+?)\s*\|\s*provisioning$/i,
    notNames: /^microsoft (azure|entra( id| admin center)?)$/i,
  },
  signIn: {
    name: 'sign-in prompt',
    kind: 'region',
    locators: [{ role: ['heading', 'dialog'], name: /^(sign in|pick an account|your session (has )?expired|reauthenticat)/i }],
  },
  integration: {
    name: 'Provisioning blade',
    kind: 'button',
    locators: [
      { role: 'button', name: /^(get started|\+?\s*new configuration|test connection|admin credentials)$/i },
      { role: 'combobox', name: /^provisioning mode\b/i },
    ],
  },
  reveal: [
    getStarted,
    newConfiguration,
    { choose: provisioningMode, option: /^automatic$/i },
    adminCredentials,
  ],
  baseUrl: { name: 'Tenant URL field', kind: 'field', locators: [{ label: /^tenant url\b/i }] },
  token,
  test: { name: 'Test Connection button', kind: 'button', locators: [{ role: 'button', name: /^test connection$/i }] },
  save,
  outcome: {
    success: /\bauthorized to enable provisioning\b/i,
    failure: /\b(invalid credentials|error code|fail(ed|ure)|could not|unable to)\b/i,
    pending: /^testing connection\b/i,
    saved: /\bsuccessfully (saved|updated|created)\b/i,
  },
  words: { form: 'Provisioning', tokenField: 'Secret Token', testButton: 'Test Connection', saveButton: 'Save (Create in a new configuration)' },
  guide: [
    {
      id: 'enterprise-apps',
      say: 'guideEntraEnterpriseApps',
      spot: {
        name: 'Enterprise applications link',
        kind: 'button',
        locators: [{ role: ['link', 'tab', 'button'], name: /^enterprise applications$/i }, { role: ['link', 'button'], name: /^microsoft entra id$/i }],
      },
      done: { present: appLink },
    },
    { id: 'app', say: 'guideEntraApp', spot: appLink, done: { present: provisioningLink } },
    { id: 'provisioning', say: 'guideEntraProvisioning', spot: provisioningLink, done: { present: orInBlade(bladeHeading) } },
    {
      id: 'start',
      say: 'guideEntraStart',
      spot: orInBlade({ ...getStarted, locators: [...getStarted.locators, ...newConfiguration.locators] }),
      done: { present: { ...provisioningMode, locators: [...provisioningMode.locators, ...adminCredentials.locators, ...token.locators] } },
    },
    { id: 'mode', say: 'guideEntraMode', spot: orInBlade(provisioningMode), done: { present: { ...adminCredentials, locators: [...adminCredentials.locators, ...token.locators] } } },
    { id: 'credentials', say: 'guideEntraCredentials', spot: orInBlade(adminCredentials), done: { present: token } },
    ...finishGuide(orInBlade(token), orInBlade(save)),
  ],
};

export default entraAdapter;
