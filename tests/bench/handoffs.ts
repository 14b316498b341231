// The hand-off as a person meets it, on each IdP's page, ordinary or inside a big busy console: from the pane
// being rendered to the test request, and from the tab being brought to the front to the test request.
import type { Frame, Page, Target } from 'puppeteer-core';
import type { ExtensionBrowser } from '../harness/browser';
import { ENTRA_BLADE_FRAME_URL, IDP_PAGES, IDP_START_URLS, type IdpId } from '../harness/idp-sites';
import { OKTA_APP_URL, type FakeSites } from '../harness/sites';

export const BUSY_CONSOLE = '../bench/busy-console.html'; // relative to tests/fixtures, as FakeSites reads it
/** While hidden, the page loads and the extension finds the pane; then it waits for the person to look. */
const HIDDEN_SETTLE_MS = 1500;

export interface IdpBench {
  id: IdpId;
  url: string;
  pages: Record<string, string>;
  /** The fixture files that carry the IdP's form (and, on the busy variant, the busy console). */
  files: string[];
  /** The frame holding the form (Entra's framed blade), by URL prefix; the top document otherwise. */
  frameUrl?: string;
  /** What a person sees when the pane has rendered: an element and its exact text. */
  pane: { selector: string; text: string };
  /** The IdP's test button, by its exact text. */
  test: string;
  /** The token the IdP's last test request carried, and how many test requests it has seen. */
  sent(sites: FakeSites): { count: number; token?: string };
}

const idpTests = (sites: FakeSites, idp: IdpId) => sites.idpCalls.filter((c) => c.idp === idp && c.kind === 'test');

export const IDP_BENCHES: IdpBench[] = [
  {
    id: 'okta',
    url: `${OKTA_APP_URL}#tab-user-management`,
    pages: { [OKTA_APP_URL]: 'okta/react-first-time.html' },
    files: ['okta/react-first-time.html'],
    pane: { selector: 'h2', text: 'Integration' },
    test: 'Test API Credentials',
    sent: (sites) => ({ count: sites.verifyCalls.length, token: sites.verifyCalls.at(-1)?.get('scim_auth_header_value') ?? undefined }),
  },
  {
    id: 'onelogin',
    url: IDP_START_URLS.onelogin['first-time'],
    pages: IDP_PAGES.onelogin['first-time'],
    files: ['onelogin/configuration-first-time.html'],
    pane: { selector: 'h3', text: 'API Connection' },
    test: 'Enable',
    sent: (sites) => ({ count: idpTests(sites, 'onelogin').length, token: idpTests(sites, 'onelogin').at(-1)?.fields.scim_bearer_token }),
  },
  {
    id: 'entra',
    url: IDP_START_URLS.entra.iframe,
    pages: IDP_PAGES.entra.iframe,
    files: ['entra/portal-shell.html', 'entra/blade-frame.html'],
    frameUrl: ENTRA_BLADE_FRAME_URL,
    pane: { selector: 'button', text: 'Admin Credentials' },
    test: 'Test Connection',
    sent: (sites) => ({ count: idpTests(sites, 'entra').length, token: idpTests(sites, 'entra').at(-1)?.fields.secretToken }),
  },
];

interface Stamps {
  paneAt?: number;
  frontAt?: number;
  testAt?: number;
}
type StampedWindow = Window & { __bench: Stamps & { clicked: Promise<Stamps> } };

/**
 * Main-world stamps in every frame: the pane rendered, the tab brought to the front, the test button clicked. A
 * string, not a function: tsx's transform adds helper calls to named functions that do not exist in the page.
 */
function stampScript(idp: IdpBench): string {
  return `(() => {
    const pane = ${JSON.stringify(idp.pane)};
    const test = ${JSON.stringify(idp.test)};
    let clicked;
    const stamps = (window.__bench = { clicked: new Promise((resolve) => (clicked = resolve)) });
    const now = () => performance.timeOrigin + performance.now();
    const text = (el) => (el.textContent || el.value || '').trim();
    new MutationObserver((_records, observer) => {
      if ([...document.querySelectorAll(pane.selector)].some((el) => text(el) === pane.text)) {
        stamps.paneAt = now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && stamps.frontAt === undefined) stamps.frontAt = now();
    });
    document.addEventListener('click', (event) => {
      const el = event.target instanceof Element ? event.target.closest('button, input[type=button]') : null;
      if (!el || text(el) !== test) return;
      stamps.testAt = now();
      clicked({ paneAt: stamps.paneAt, frontAt: stamps.frontAt, testAt: stamps.testAt });
    }, true);
  })()`;
}

async function formFrame(page: Page, idp: IdpBench, until: <T>(what: string, probe: () => Promise<T | undefined>) => Promise<T>): Promise<Frame> {
  if (!idp.frameUrl) return page.mainFrame();
  return until(`the ${idp.id} form's frame`, async () => page.frames().find((f) => f.url().startsWith(idp.frameUrl!)));
}

export interface HandoffRun {
  ext: ExtensionBrowser;
  sites: FakeSites;
  /** Captures a fresh token on the source page (which it brings to the front) and returns it. */
  capture(): Promise<string>;
  /** Brings the source page to the front: the IdP tab is then hidden. */
  lookElsewhere(): Promise<void>;
  until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T>;
  withTimeout<T>(what: string, promise: Promise<T>): Promise<T>;
  sleep(ms: number): Promise<void>;
  /** Called once the form's document has loaded (profile.ts profiles it); returns what to do after the click. */
  onForm?(target: Target): Promise<() => Promise<void>>;
}

/**
 * One hand-off. `pane`: the IdP tab is in front from the start and the pane renders late, so the time runs from
 * the pane appearing. `front`: the tab loads hidden, the extension finds the pane and waits; the time runs from
 * the tab being brought to the front. Both end at the click on the test button; the IdP's request must carry the
 * token.
 */
export async function handOffOnce(run: HandoffRun, idp: IdpBench, from: 'pane' | 'front'): Promise<number> {
  const token = await run.capture();
  run.sites.set({ token });
  const before = idp.sent(run.sites).count;
  const page = await run.sites.attach(await run.ext.browser.newPage());
  try {
    await page.evaluateOnNewDocument(stampScript(idp));
    if (from === 'front') await run.lookElsewhere();
    else await page.bringToFront();
    await page.goto(idp.url, { waitUntil: 'domcontentloaded' });
    const frame = await formFrame(page, idp, run.until);
    const formTarget = idp.frameUrl ? run.ext.browser.targets().find((t) => t.url().startsWith(idp.frameUrl!)) : page.target();
    const afterClick = run.onForm && formTarget ? await run.onForm(formTarget) : undefined;
    if (from === 'front') {
      await run.until(`the ${idp.id} pane (hidden tab)`, () => frame.evaluate(() => (window as unknown as StampedWindow).__bench?.paneAt));
      await run.sleep(HIDDEN_SETTLE_MS);
      await page.bringToFront();
    }
    // Awaited in the page, not polled: polling would load the main thread the hand-off runs on.
    const stamps = await run.withTimeout(`${idp.test} to be clicked`, frame.evaluate(() => (window as unknown as StampedWindow).__bench.clicked));
    await afterClick?.();
    await run.until(`${idp.id}'s test request`, async () => (idp.sent(run.sites).count > before ? true : undefined));
    if (idp.sent(run.sites).token !== token) throw new Error(`bench: ${idp.id} clicked ${idp.test} without the token in the form`);
    const start = from === 'pane' ? stamps.paneAt : stamps.frontAt;
    if (start === undefined || stamps.testAt === undefined) throw new Error(`bench: ${idp.id} ${from} stamps missing`);
    return stamps.testAt - start;
  } finally {
    await page.close();
  }
}
