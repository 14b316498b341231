// InVision V6/V7 SCIM settings, reconstructed from InVision's help centre (the service shut down on 31 Dec 2024).
// Facts in shared/reference/target-pages.md.
import type { SourceAdapter } from './types';

export const invisionAdapter: SourceAdapter = {
  id: 'invision',
  role: 'source',
  label: 'InVision',
  hosts: { suffixes: ['invisionapp.com'], label: /^[a-z0-9-]+$/ },
  matches: ['https://*.invisionapp.com/*'],
  panel: {
    name: 'SCIM Provisioning settings',
    kind: 'region',
    locators: [{ role: ['dialog', 'heading'], name: /^(scim provisioning|user provisioning with scim)\b/i }],
  },
  generateCheckbox: {
    name: '“I want to generate a new token” checkbox',
    kind: 'checkbox',
    locators: [{ label: /^i want to generate a new token$/i }],
  },
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
      locators: [{ label: /^(scim )?(api )?(base )?url$/i }, { css: 'code, pre, a[href*="/scim/"], input[readonly]' }],
    },
    pattern: /^https:\/\/[a-z0-9-]+\.invisionapp\.com\/scim\/v2\/?$/,
  },
  path: 'People › ••• › SCIM Provisioning › “I want to generate a new token” › Generate token',
  fixtures: ['invision/v6-people-modal.html', 'invision/v7-settings-page.html'],
};
