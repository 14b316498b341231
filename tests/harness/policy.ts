// A real managed policy for the extension, the way IT deploys it: Debian's Chromium reads JSON files from
// /etc/chromium/policies/managed at start and hands "3rdparty" › "extensions" › <id> to that extension's
// storage.managed. Writing there needs root; tests skip with the reason when they cannot.
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { EXTENSION_DIR, type ExtensionBrowser } from './browser';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Why a policy file cannot be written here, or undefined when it can. */
export function policyDirProblem(): string | undefined {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return undefined;
  } catch (error) {
    return `cannot write Chromium's managed policy directory ${CHROMIUM_POLICY_DIR} (${String(error)}); run as root, as .ci/run does`;
  }
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

/** Copies the built extension and writes a policy file for the copy's id; remove() takes both away. */
export function installPolicy(policy: Record<string, unknown>): ManagedCopy {
  const root = mkdtempSync(join(tmpdir(), 'scim-relay-managed-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const id = unpackedExtensionId(dir);
  const file = join(CHROMIUM_POLICY_DIR, `scim-relay-e2e-${id}.json`);
  writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  return {
    dir,
    id,
    remove() {
      rmSync(file, { force: true });
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** What the extension reads from storage.managed; Chromium loads policy a moment after start, so wait for it. */
export async function waitForManaged(ext: ExtensionBrowser, timeoutMs = 15_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const worker = await ext.worker();
    const managed: Record<string, unknown> = await worker.evaluate(async () =>
      (globalThis as unknown as { chrome: { storage: { managed: { get(): Promise<Record<string, unknown>> } } } }).chrome.storage.managed.get(),
    );
    if (Object.keys(managed).length) return managed;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('Chromium never delivered the policy file to storage.managed');
}

/** Lets a page's downloads land in `dir` (headless Chromium otherwise refuses them). */
export async function allowDownloads(page: Page, dir: string): Promise<void> {
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
}
