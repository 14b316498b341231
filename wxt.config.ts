// Build configuration: one manifest for Chromium (MV3) and Firefox, least privilege by construction.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

// Extension pages talk to nothing on the network: the token only ever leaves through the IdP's own form.
const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Content scripts talk to the browser through WXT's native `browser` (globalThis.browser on Firefox, chrome on
 * Chromium: both promise-based in MV3) instead of webextension-polyfill, which the background and extension
 * pages keep. The polyfill and its CommonJS wrapper cost every content script ~2.8 KB gzip, a seventh of its
 * budget, inside someone else's admin page; the few calls content scripts make (sendMessage, storage.local.get,
 * storage.onChanged, onMessage without a reply, i18n) behave the same natively.
 */
const nativeBrowserInContentScripts: Plugin = {
  name: 'scim-relay:native-browser-in-content-scripts',
  enforce: 'pre',
  resolveId: (id) => (id === '@wxt-dev/webextension-polyfill/browser' ? fileURLToPath(import.meta.resolve('wxt/browser')) : undefined),
};

const SEALED_CONTEXT = fileURLToPath(new URL('./utils/sealed-context.ts', import.meta.url));

/**
 * WXT's content-script entry builds its context from `wxt/utils/content-script-context`; content scripts get
 * utils/sealed-context.ts there instead, which announces nothing to the page and cannot be stopped by it (the
 * reasons are in that file). It takes only types from WXT's, so none of WXT's class is bundled.
 */
const sealedContentScriptContext: Plugin = {
  name: 'scim-relay:sealed-content-script-context',
  enforce: 'pre',
  resolveId: (id) => (id === 'wxt/utils/content-script-context' ? SEALED_CONTEXT : undefined),
};

/**
 * Content scripts ride along with someone else's heavy admin page: terser's two compress passes and top-level
 * mangling take about 4% (0.8 KB gzip) more off each one than the default minifier. Extension pages keep the default.
 */
const CONTENT_SCRIPT_TERSER = { ecma: 2020, module: false, toplevel: true, compress: { passes: 2 } } as const;

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
  }),
  hooks: {
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) {
        config.plugins = [...(config.plugins ?? []), nativeBrowserInContentScripts, sealedContentScriptContext];
        // An explicit `minify: false` (the profiling build, tests/bench/wxt.profile.config.ts) keeps the names.
        if (config.build?.minify !== false) config.build = { ...config.build, minify: 'terser', terserOptions: CONTENT_SCRIPT_TERSER };
      }
    },
  },
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
      : {
          externally_connectable: { ids: [] },
          minimum_chrome_version: '116',
          // The organisation's policy (README, "For IT"): Chrome validates managed storage against this schema.
          // Firefox needs no schema: its policies.json "3rdparty" section reaches storage.managed by the gecko id.
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
});
