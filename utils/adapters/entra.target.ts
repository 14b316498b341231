// Microsoft Entra ID: Enterprise applications › the InVision app › Provisioning, in the Azure portal or the Entra
// admin center, legacy flow and new flow. The blade may render in a cross-origin frame; verdicts arrive as portal
// notifications. Facts in shared/reference/target-pages.md.
import type { TargetAdapter } from './types';

// Public cloud, US Government and China (21Vianet) portals and admin centers.
const ENTRA_HOSTS = ['portal.azure.com', 'entra.microsoft.com', 'portal.azure.us', 'entra.microsoft.us', 'portal.azure.cn'];

export const entraAdapter: TargetAdapter = {
  id: 'entra',
  role: 'target',
  label: 'Microsoft Entra ID',
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
    { name: 'Get started button', kind: 'button', locators: [{ role: 'button', name: /^get started$/i }] },
    { name: '+ New configuration button', kind: 'button', locators: [{ role: 'button', name: /^\+?\s*new configuration$/i }] },
    // A native select on some renderings, a Fluent dropdown (options in a callout at the end of <body>) on others.
    {
      choose: {
        name: 'Provisioning Mode dropdown',
        kind: 'choice',
        locators: [{ role: ['combobox', 'radiogroup'], name: /^provisioning mode\b/i }, { label: /^provisioning mode$/i }],
      },
      option: /^automatic$/i,
    },
    { name: 'Admin Credentials section', kind: 'button', locators: [{ role: 'button', name: /^admin credentials$/i }] },
  ],
  baseUrl: { name: 'Tenant URL field', kind: 'field', locators: [{ label: /^tenant url\b/i }] },
  token: { name: 'Secret Token field', kind: 'field', locators: [{ label: /^secret token\b/i }] },
  test: { name: 'Test Connection button', kind: 'button', locators: [{ role: 'button', name: /^test connection$/i }] },
  save: { name: 'Save (or Create) button', kind: 'button', locators: [{ role: 'button', name: /^(save|create)$/i }] },
  outcome: {
    success: /\bauthorized to enable provisioning\b/i,
    failure: /\b(invalid credentials|error code|fail(ed|ure)|could not|unable to)\b/i,
    pending: /^testing connection\b/i,
    saved: /\bsuccessfully (saved|updated|created)\b/i,
  },
  path: 'Enterprise applications › the InVision app › Provisioning',
  fixtures: [
    'entra/legacy-first-time.html',
    'entra/new-configuration.html',
    'entra/portal-shell.html',
    'entra/blade-frame.html',
    'entra/foreign-top.html',
    'entra/blind/', // every page written blind (its README says how a person drives each)
  ],
};
