// A second, unrelated extension for e2e runs: it plays "another extension installed beside SCIM Relay" and tries
// to reach it. Written to a temp dir at run time; its worker is probe.js, so it is never mistaken for ours.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, WebWorker } from 'puppeteer-core';

export function writeProbeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scim-relay-probe-'));
  const manifest = {
    manifest_version: 3,
    name: 'Probe extension',
    version: '1.0.0',
    background: { service_worker: 'probe.js' },
    // As much reach as a real add-on might ask for: every page.
    host_permissions: ['<all_urls>'],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'probe.js'), '// Driven from the test through worker.evaluate.\n');
  return dir;
}

export async function probeWorker(browser: Browser): Promise<WebWorker> {
  const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().endsWith('/probe.js'), { timeout: 30_000 });
  return (await target.worker())!;
}
