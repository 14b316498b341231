// Looks at the extension as a user and as an auditor: the in-page card (inside a closed shadow root, reached
// through the DevTools protocol as assistive tech would), the badge, and what the worker holds in memory.
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './browser';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function walk(node: CdpNode, visit: (n: CdpNode) => void) {
  visit(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child, visit);
}

async function panelNode(page: Page): Promise<{ root?: CdpNode; client: CDPSession }> {
  return panelNodeVia(await page.createCDPSession());
}

async function panelNodeVia(client: CDPSession): Promise<{ root?: CdpNode; client: CDPSession }> {
  const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  let host: CdpNode | undefined;
  walk(root, (n) => {
    if (n.nodeName === 'SCIM-RELAY-UI') host = n;
  });
  return { root: host, client };
}

/** The text of SCIM Relay's in-page card, or '' when none is shown. */
export async function panelText(page: Page): Promise<string> {
  return panelTextVia(await page.createCDPSession());
}

/** The card inside a cross-origin frame (its own renderer, so its own DevTools target), found by URL prefix. */
export async function framePanelText(browser: Browser, urlPrefix: string): Promise<string> {
  const target = browser.targets().find((t) => t.url().startsWith(urlPrefix));
  return target ? panelTextVia(await target.createCDPSession()) : '';
}

async function panelTextVia(session: CDPSession): Promise<string> {
  const { root, client } = await panelNodeVia(session);
  await client.detach();
  if (!root) return '';
  const parts: string[] = [];
  walk(root, (n) => {
    if (n.nodeName === 'STYLE') n.children = [];
    if (n.nodeName === '#text' && n.nodeValue.trim()) parts.push(n.nodeValue.trim());
  });
  return parts.join(' ');
}

export async function waitForPanel(page: Page, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return waitForText(() => panelText(page), pattern, timeoutMs);
}

export async function waitForFramePanel(browser: Browser, urlPrefix: string, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return waitForText(() => framePanelText(browser, urlPrefix), pattern, timeoutMs);
}

async function waitForText(read: () => Promise<string>, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await read();
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`In-page card never matched ${pattern}; last text: "${last}"`);
}

/** A click on the card counts once it has been whole and still for CLICK_ARM_MS (500, utils/dom/in-page-ui.ts); a person takes longer. */
export const CARD_SETTLE_MS = 700;

/** Clicks a button of the in-page card with a real (trusted) mouse click at its position, as a person would: not at once. */
export async function clickPanelButton(page: Page, label: string, opts: { settleMs?: number } = {}): Promise<void> {
  await new Promise((r) => setTimeout(r, opts.settleMs ?? CARD_SETTLE_MS));
  const { root, client } = await panelNode(page);
  if (!root) throw new Error('No in-page card');
  let button: CdpNode | undefined;
  walk(root, (n) => {
    if (n.nodeName === 'BUTTON' && n.children?.some((c) => c.nodeValue?.trim() === label)) button = n;
  });
  if (!button) throw new Error(`No "${label}" button on the in-page card`);
  const { model } = (await client.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
  await client.detach();
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

export interface StoredRelay {
  phase: string;
  secret?: { token: string; expiresAt: number; scimUrl?: string };
  message?: string;
  steps: string[];
  pages?: Record<string, { adapterId: string; status: { code: string } }>;
}

/** What the worker holds in session storage (memory only). */
export async function relayState(ext: ExtensionBrowser): Promise<StoredRelay | undefined> {
  const worker = await ext.worker();
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await c.storage.session.get('relay')).relay as never;
  });
}

/** Waits until the relay is in the phase (or any of the phases) given. */
export async function waitForPhase(ext: ExtensionBrowser, phase: string | string[], timeoutMs = 15_000): Promise<StoredRelay> {
  const deadline = Date.now() + timeoutMs;
  const wanted = ([] as string[]).concat(phase);
  let state: StoredRelay | undefined;
  while (Date.now() < deadline) {
    state = await relayState(ext);
    if (state && wanted.includes(state.phase)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Relay never reached "${phase}"; it is "${state?.phase}" (${state?.message ?? 'no message'})`);
}

export async function badgeText(ext: ExtensionBrowser): Promise<string> {
  const worker = await ext.worker();
  return worker.evaluate(() =>
    (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}),
  );
}

/** The user's path on the InVision fixture: ••• › SCIM Provisioning › tick › Generate token. */
export async function generateInvisionToken(page: Page): Promise<void> {
  await page.locator('aria/More').click();
  await page.locator('::-p-text(SCIM Provisioning)').click();
  await page.locator('#regen').click();
  await page.locator('::-p-text(Generate token)').click();
}

/** Where the guide's spotlight ring is drawn (viewport pixels), or undefined when there is none. */
export async function spotlightBox(page: Page): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
  const { root, client } = await panelNode(page);
  let spot: CdpNode | undefined;
  if (root) {
    walk(root, (n) => {
      const cls = n.attributes?.[n.attributes.indexOf('class') + 1];
      if (n.nodeName === 'DIV' && n.attributes?.includes('class') && cls === 'spot') spot = n;
    });
  }
  if (!spot) return void (await client.detach());
  const { model } = (await client.send('DOM.getBoxModel', { backendNodeId: spot.backendNodeId })) as { model: { border: number[] } };
  await client.detach();
  const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
  return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
}

/** Waits until the guide's spotlight surrounds the element `selector` finds. */
export async function waitForSpotlightOn(page: Page, selector: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'none';
  while (Date.now() < deadline) {
    const spot = await spotlightBox(page);
    const el = await page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    }).catch(() => undefined);
    if (spot && el && spot.x <= el.x && spot.y <= el.y && spot.x + spot.width >= el.x + el.width && spot.y + spot.height >= el.y + el.height
      && spot.width <= el.width + 20 && spot.height <= el.height + 20) return;
    last = JSON.stringify({ spot, el });
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Spotlight never surrounded ${selector}: ${last}`);
}
