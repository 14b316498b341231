// Promise 4 (least privilege): the built manifests, Chromium and Firefox, against an allow-list. Any new
// permission, host pattern, frame reach, CSP relaxation or external entry point fails here until this list and the
// README's "Permissions, and why" table change with it. Also: the shipped code never touches the clipboard.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../utils/adapters';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROME_DIR = join(ROOT, '.output/chrome-mv3');
const FIREFOX_DIR = join(ROOT, '.output/firefox-mv3');

/** The permissions granted at install; the README gives each a reason. */
const ALLOWED_PERMISSIONS = ['alarms', 'notifications', 'scripting', 'storage'];
/** Requested one origin at a time when the user adds a custom source; nothing is granted at install. */
const OPTIONAL_HOST_PERMISSIONS = ['https://*/*'];
const FORBIDDEN_PERMISSIONS = [
  'tabs', 'cookies', 'webRequest', 'webRequestBlocking', 'webNavigation', 'clipboardWrite', 'clipboardRead', '<all_urls>',
  'activeTab', 'debugger', 'history', 'downloads', 'nativeMessaging', 'declarativeNetRequest', 'management',
  'identity', 'browsingData', 'proxy', 'unlimitedStorage', 'offscreen',
];
const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** Each content script: where it may run, and whether it may run in frames (Entra's blade is a frame). */
const CONTENT_SCRIPTS: Record<string, { matches: string[]; allFrames: boolean }> = {
  'content-scripts/entra.js': {
    matches: [
      'https://*.reactblade.portal.azure.net/*',
      'https://entra.microsoft.com/*',
      'https://entra.microsoft.us/*',
      'https://portal.azure.cn/*',
      'https://portal.azure.com/*',
      'https://portal.azure.us/*',
    ],
    allFrames: true,
  },
  'content-scripts/invision.js': { matches: ['https://*.invisionapp.com/*'], allFrames: false },
  'content-scripts/okta.js': {
    matches: [
      'https://*.okta-emea.com/admin/*',
      'https://*.okta-gov.com/admin/*',
      'https://*.okta.com/admin/*',
      'https://*.okta.mil/admin/*',
      'https://*.oktapreview.com/admin/*',
      'https://*.trex-govcloud.com/admin/*',
      'https://*.trexcloud.com/admin/*',
    ],
    allFrames: false,
  },
  'content-scripts/onelogin.js': { matches: ['https://*.onelogin.com/apps/*'], allFrames: false },
};

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: Record<string, string>;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  content_scripts?: { js: string[]; matches: string[]; all_frames?: boolean; match_about_blank?: boolean; match_origin_as_fallback?: boolean; world?: string }[];
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } } };
  [key: string]: unknown;
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let firefoxBuildError: string | undefined;

beforeAll(() => {
  try {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    firefoxBuildError = String((error as { stderr?: Buffer }).stderr ?? error);
  }
}, 120_000);

function commonChecks(manifest: Manifest) {
  expect(manifest.manifest_version).toBe(3);
  expect([...(manifest.permissions ?? [])].sort()).toEqual(ALLOWED_PERMISSIONS);
  for (const forbidden of FORBIDDEN_PERMISSIONS) expect(manifest.permissions ?? []).not.toContain(forbidden);
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.host_permissions).toBeUndefined(); // nothing granted at install beyond the content scripts
  expect(manifest.optional_host_permissions).toEqual(OPTIONAL_HOST_PERMISSIONS);
  expect(manifest.content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
  expect(manifest.web_accessible_resources).toBeUndefined();
  const scripts = Object.fromEntries(
    (manifest.content_scripts ?? []).map((script) => [script.js.join(','), { matches: [...script.matches].sort(), allFrames: script.all_frames ?? false }]),
  );
  expect(scripts).toEqual(CONTENT_SCRIPTS);
  // The adapters' own match patterns are what the manifest declares: no script reaches further than its adapter.
  const adapterPatterns = ADAPTERS.flatMap((adapter) => [...adapter.matches, ...((adapter as { frames?: { matches: string[] } }).frames?.matches ?? [])]);
  expect(adapterPatterns.sort()).toEqual(Object.values(CONTENT_SCRIPTS).flatMap((c) => c.matches).sort());
  for (const script of manifest.content_scripts ?? []) {
    expect(script.match_about_blank ?? false).toBe(false);
    expect(script.match_origin_as_fallback ?? false).toBe(false);
    expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
    for (const pattern of script.matches) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/[a-z/]*\*$/);
  }
}

/** The README's "Permissions, and why" table. */
function permissionReasons(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Permissions, and why');
  expect(start).toBeGreaterThanOrEqual(0);
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

describe('least privilege: the built manifests', () => {
  it('Chromium: the allow-listed permissions and scripts; strict CSP; no external connections; nothing web-accessible', () => {
    const manifest = readManifest(CHROME_DIR);
    commonChecks(manifest);
    expect(manifest.externally_connectable).toEqual({ ids: [] });
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
  });

  it('Firefox: the same allow-list, and it declares that it collects no data', () => {
    expect(firefoxBuildError).toBeUndefined();
    const manifest = readManifest(FIREFOX_DIR);
    commonChecks(manifest);
    expect(manifest.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.browser_specific_settings?.gecko?.id).toMatch(/^[a-z0-9-]+@[a-z0-9.-]+$/);
  });

  it('every permission, optional host pattern and content-script site has a reason in the README', () => {
    const table = permissionReasons();
    const rows = table.split('\n').filter((line) => /^\| .+ \| .{20,} \|$/.test(line));
    const reasonFor = (needle: string) => rows.find((row) => row.split(' | ')[0]!.includes(needle));
    for (const permission of ALLOWED_PERMISSIONS) expect(reasonFor(`\`${permission}\``), permission).toBeDefined();
    for (const pattern of OPTIONAL_HOST_PERMISSIONS) expect(reasonFor(pattern), pattern).toBeDefined();
    for (const pattern of Object.values(CONTENT_SCRIPTS).flatMap((c) => c.matches)) {
      const site = new URL(pattern.replace('*.', 'x.')).hostname.replace(/^x\./, '');
      expect(reasonFor(site), pattern).toBeDefined();
    }
    expect(reasonFor('all frames')).toBeDefined(); // the one script that runs in frames says why
  });

  it('the shipped code never uses the clipboard (but for the popup’s Copy diagnostics), remote scripts or external connections', () => {
    for (const dir of [CHROME_DIR, FIREFOX_DIR]) {
      for (const file of filesUnder(dir).filter((path) => /\.(js|html)$/.test(path))) {
        // The popup's "Copy diagnostics" writes the background's token-free report on a click (diagnostics tests
        // prove it holds no piece of the token); that one write is the only clipboard use allowed.
        const isPopup = /[/\\]chunks[/\\]popup-[\w-]+\.js$/.test(file);
        const code = isPopup ? readFileSync(file, 'utf8').replace('navigator.clipboard.writeText(', '') : readFileSync(file, 'utf8');
        const forbidden = /navigator\.clipboard|execCommand\(|clipboardData|connectNative|(onMessageExternal|onConnectExternal)\.addListener|<script[^>]+src=["']https?:/;
        expect(forbidden.exec(code)?.[0], file).toBeUndefined();
      }
    }
  });
});
