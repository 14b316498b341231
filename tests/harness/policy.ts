// A real managed policy for the extension, the way IT deploys it: Debian's Chromium reads JSON files from
// /etc/chromium/policies/managed at start and hands "3rdparty" › "extensions" › <id> to that extension's
// storage.managed; Firefox reads /etc/firefox/policies/policies.json ("policies" › "3rdparty" › "Extensions" ›
// <add-on id>). Writing there needs root; tests skip with the reason when they cannot.
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { EXTENSION_DIR, type ExtensionBrowser } from './browser';
import { FIREFOX_EXTENSION_DIR } from './firefox';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
/** Where Debian's firefox-esr looks (checked: /etc/firefox-esr/policies is not read, the distribution dir is). */
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

/** Why a policy file cannot be written to `dir`, or undefined when it can. */
export function policyDirProblem(dir = CHROMIUM_POLICY_DIR): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return `cannot write the browser's policy directory ${dir} (${String(error)}); run as root, as .ci/run does`;
  }
}

/** Firefox has one policies.json for every profile: never replace one that someone else put there. */
export function firefoxPolicyProblem(): string | undefined {
  if (existsSync(FIREFOX_POLICY_FILE)) return `${FIREFOX_POLICY_FILE} already exists and is not this test's to replace`;
  return policyDirProblem(join(FIREFOX_POLICY_FILE, '..'));
}

/** An unpacked extension's id: SHA-256 of its absolute path, the first 32 hex digits written with a–p for 0–f. */
export function unpackedExtensionId(dir: string): string {
  return [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface ManagedCopy {
  /** A copy of the built extension at a path of its own, so its id (and the policy) is this test's alone. */
  dir: string;
  id: string;
  remove(): void;
}

/**
 * Copies the built extension and writes a policy file for the copy's id; remove() takes both away. `grantedOrigin`:
 * an origin the copy holds as granted, as after a user's "Allow" (headless Chromium cannot answer the prompt; see
 * tests/e2e/custom-source.e2e.ts).
 */
export function installPolicy(policy: Record<string, unknown>, grantedOrigin?: string): ManagedCopy & { /** Takes the policy file away (Chromium watches the directory). */ lift(): void } {
  const root = mkdtempSync(join(tmpdir(), 'scim-relay-managed-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  if (grantedOrigin) {
    const manifestPath = join(dir, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), host_permissions: [`${grantedOrigin}/*`] }));
  }
  const id = unpackedExtensionId(dir);
  const file = join(CHROMIUM_POLICY_DIR, `scim-relay-e2e-${id}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  return {
    dir,
    id,
    lift: () => rmSync(file, { force: true }),
    remove() {
      rmSync(file, { force: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Copies the Firefox build under an add-on id of its own (so the machine-wide policies.json concerns this copy and
 * no other Firefox run) and writes that policy file; remove() takes both away.
 */
export function installFirefoxPolicy(policy: Record<string, unknown>): ManagedCopy {
  const root = mkdtempSync(join(tmpdir(), 'scim-relay-managed-firefox-'));
  const dir = join(root, 'firefox-mv3');
  cpSync(FIREFOX_EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const id = `scim-relay-policy-${process.pid}@scim-relay.dev`;
  manifest.browser_specific_settings.gecko.id = id;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  writeFileSync(FIREFOX_POLICY_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [id]: policy } } } }));
  return {
    dir,
    id,
    remove() {
      rmSync(FIREFOX_POLICY_FILE, { force: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** What the extension reads from storage.managed; Chromium loads policy a moment after start, so wait for it. */
export async function waitForManaged(ext: ExtensionBrowser, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const worker = await ext.worker();
    // Right after start the worker may not have its extension APIs yet: that is "not yet", like an empty policy.
    const managed = await worker
      .evaluate(async () =>
        (globalThis as unknown as { chrome?: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).chrome?.storage.managed.get(),
      )
      .catch(() => undefined);
    if (managed && Object.keys(managed).length) return managed;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Chromium never delivered the policy file to storage.managed');
}

/** Lets a page's downloads land in `dir` (headless Chromium otherwise refuses them). */
export async function allowDownloads(page: Page, dir: string): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}
