// axe-core audits of our own UI: the popup, the options page, and the in-page card. The card lives in a closed
// shadow root that axe cannot enter, so its markup and styles are copied (via the DevTools protocol, as assistive
// tech reaches it) into an open shadow root on the same page and audited there.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const COPY_ID = 'scim-relay-axe-copy';

export interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

/** Runs axe on the page (or on one selector) and returns its violations, each with the offending nodes' HTML. */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: extension pages' CSP would block a <script> tag.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { html: string }[] }[] }> } }).axe;
    const context = selector ? { include: [[selector]] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.html) }));
  }, include);
}

interface CdpNode {
  backendNodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function find(node: CdpNode, name: string): CdpNode | undefined {
  if (node.nodeName === name) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = find(child, name);
    if (hit) return hit;
  }
  return undefined;
}

/** The in-page card's violations: its shadow content, copied into an open shadow root and audited. */
export async function axePanelViolations(page: Page): Promise<AxeViolation[]> {
  const client = await page.createCDPSession();
  const { root } = (await client.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const shadow = find(root, 'SCIM-RELAY-UI')?.shadowRoots?.[0];
  if (!shadow?.children?.length) throw new Error('No in-page card to audit');
  const parts: string[] = [];
  for (const child of shadow.children) {
    parts.push(((await client.send('DOM.getOuterHTML', { backendNodeId: child.backendNodeId })) as { outerHTML: string }).outerHTML);
  }
  await client.detach();
  await page.evaluate(
    (id, html) => {
      document.getElementById(id)?.remove();
      const host = document.createElement('div');
      host.id = id;
      // Top-left, clear of the real card (bottom-right, top layer), so axe can measure contrast on the copy.
      const moved = '<style>.panel, .guide { top: 16px !important; left: 16px !important; right: auto !important; bottom: auto !important; }</style>';
      host.attachShadow({ mode: 'open' }).innerHTML = html + moved;
      document.body.append(host);
    },
    COPY_ID,
    parts.join(''),
  );
  return axeViolations(page, `#${COPY_ID}`);
}
