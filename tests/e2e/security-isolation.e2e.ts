// Promise 7, e2e half: another extension installed beside SCIM Relay, and a hostile page, try to get the token
// or change the hand-off. Neither reaches the background: no external listener exists and no page gets a runtime.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { relayState } from '../harness/extension';
import { probeWorker, writeProbeExtension } from '../harness/probe-extension';
import { OKTA_APP_URL } from '../harness/sites';
import { startSession, type Session } from '../harness/session';

let session: Session;
let probeDir: string | undefined;
afterEach(async () => {
  await session?.close();
  if (probeDir) rmSync(probeDir, { recursive: true, force: true });
  probeDir = undefined;
});

/** What another extension sends: the popup's messages and a content script's, all aimed at SCIM Relay's id. */
const ATTEMPTS = [
  { type: 'ui/get-state' },
  { type: 'ui/forget' },
  { type: 'ui/fill-here', tabId: 1 },
  { type: 'target/ready', adapterId: 'okta', appLabel: 'InVision', expectedApp: true },
  { type: 'source/captured', adapterId: 'invision', token: 'attacker-supplied-token-0123456789' },
];

describe('another extension and a hostile page', () => {
  it('another extension gets no answer to any message or port, and nothing changes', async () => {
    probeDir = writeProbeExtension();
    session = await startSession({}, { otherExtensions: [probeDir] });
    await session.capture();
    const before = await relayState(session.ext);
    const probe = await probeWorker(session.ext.browser);
    const answers = await probe.evaluate(
      async (id: string, attempts: object[]) => {
        const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(id: string, m: object): Promise<unknown>; connect(id: string): { onDisconnect: { addListener(f: () => void): void } } } } }).chrome.runtime;
        const out: string[] = [];
        for (const attempt of attempts) {
          try {
            out.push(`answered: ${JSON.stringify(await rt.sendMessage(id, attempt))}`);
          } catch (error) {
            out.push(`refused: ${(error as Error).message}`);
          }
        }
        const port = rt.connect(id);
        out.push(await new Promise<string>((resolve) => port.onDisconnect.addListener(() => resolve('port disconnected'))));
        return out;
      },
      session.ext.extensionId,
      ATTEMPTS,
    );
    expect(answers).toEqual([...ATTEMPTS.map(() => expect.stringMatching(/^refused: Could not establish connection/)), 'port disconnected']);
    expect(await relayState(session.ext)).toEqual(before);
  });

  it('a hostile page gets no extension runtime and nothing it posts reaches the relay', async () => {
    session = await startSession();
    await session.capture();
    const before = await relayState(session.ext);
    const okta = await session.sites.open(session.ext.browser, `${OKTA_APP_URL}#tab-general`); // not the form: no fill
    const seen = await okta.evaluate(
      (id: string, attempts: object[]) => {
        const w = window as unknown as { chrome?: { runtime?: unknown } };
        for (const attempt of attempts) {
          window.postMessage(attempt, '*');
          document.dispatchEvent(new CustomEvent('scim-relay', { detail: attempt }));
        }
        return { runtime: typeof w.chrome?.runtime, sendMessage: typeof (w.chrome?.runtime as { sendMessage?: unknown })?.sendMessage, id };
      },
      session.ext.extensionId,
      ATTEMPTS,
    );
    expect(seen).toEqual({ runtime: 'undefined', sendMessage: 'undefined', id: session.ext.extensionId });
    await okta.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300)))); // let any listener run
    const after = await relayState(session.ext);
    expect({ phase: after?.phase, secret: after?.secret }).toEqual({ phase: before?.phase, secret: before?.secret });
  });
});
