// Build configuration: one manifest for Chromium (MV3) and Firefox, least privilege by construction.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Extension pages talk to nothing on the network: the token only ever leaves through the IdP's own form.
const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // User-defined sources: each origin is requested at the moment the user adds that source, never before.
    optional_host_permissions: ['https://*/*'],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_extName__' },
    // "Fill now" on the IdP page: the same go-ahead as the popup's button, without opening it.
    commands: {
      'fill-now': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdFillNow__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'scim-relay@scim-relay.dev',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { externally_connectable: { ids: [] }, minimum_chrome_version: '116' }),
  }),
});
