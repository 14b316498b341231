// Brings a fixture to the state a contract row describes, in headless Chromium without the extension: the page is
// served at its real host name by the e2e harness (FakeSites), the real locator code is bundled with Vite and
// injected, the row's steps run through it, and the row's control is observed with present() and pick().
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { build } from 'vite';
import { launchWithoutExtension } from '../harness/browser';
import { FakeSites } from '../harness/sites';
import type { Observation, Probe } from './probe';
import { choiceAt, controlAt, encodeForPage, stepTarget, type AdapterContract, type ContractRow, type Step } from './table';

/** A control that takes longer than this to render is a broken fixture or a broken step, not a slow page. */
const RENDER_TIMEOUT_MS = 5_000;
/** Never a token: the fixtures that hand one out (InVision's Generate) are not driven that far here. */
const NO_TOKEN = 'contract-tier-has-no-token';

type InPage = typeof globalThis & { scimContract: Probe };

/** The real utils/dom code as one script for the page (an IIFE that sets globalThis.scimContract). */
export async function bundleProbe(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: resolve(import.meta.dirname, 'probe.ts'), formats: ['iife'], name: 'scimContractBundle' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('Vite produced no script for tests/contract/probe.ts');
  return chunk.code;
}

/** The page a row starts from, before its steps. */
function pageKey(table: AdapterContract, row: ContractRow): string {
  const { fixture, url = table.url, frames, inFrame, inject } = row;
  return JSON.stringify({ id: table.adapter.id, fixture, url, frames, inFrame, inject });
}

const sameStep = (a: Step, b: Step) => JSON.stringify(a) === JSON.stringify(b);

export class ContractBrowser {
  /** The page in the tab and the steps taken on it since it loaded. */
  private loaded?: { key: string; frame: Frame; steps: Step[] };

  private constructor(
    private readonly page: Page,
    private readonly sites: FakeSites,
    private readonly probe: string,
  ) {}

  /** One browser and one tab for the whole tier, always in front (pick() refuses on a hidden page). */
  static async launch(): Promise<ContractBrowser> {
    const [browser, probe] = await Promise.all([launchWithoutExtension(), bundleProbe()]);
    const sites = new FakeSites({ token: NO_TOKEN, pages: {} });
    const page = await sites.attach((await browser.pages())[0] ?? (await browser.newPage()));
    return new ContractBrowser(page, sites, probe);
  }

  async close(): Promise<void> {
    await this.page.browser().close();
  }

  /** What present() and pick() say about the row's control, once the page is in the row's state. */
  async observe(table: AdapterContract, row: ContractRow): Promise<Observation> {
    const frame = await this.stateFor(table, row);
    const control = encodeForPage(controlAt(table.adapter, row.control));
    return frame.evaluate((json, picks) => (globalThis as InPage).scimContract.observe(json, picks), control, row.expect.picks);
  }

  /** Continues from the tab's state when the row's steps go on from there (as a person would), else loads afresh. */
  private async stateFor(table: AdapterContract, row: ContractRow): Promise<Frame> {
    const key = pageKey(table, row);
    const steps = row.before ?? [];
    const done = this.loaded?.key === key && this.loaded.steps.every((step, i) => steps[i] && sameStep(step, steps[i]));
    if (!done) await this.load(table, row);
    const state = this.loaded!;
    for (const step of steps.slice(state.steps.length)) {
      await this.run(table, state.frame, step);
      state.steps.push(step);
    }
    return state.frame;
  }

  private async load(table: AdapterContract, row: ContractRow): Promise<void> {
    this.loaded = undefined;
    const url = row.url ?? table.url;
    // The harness serves by origin and path: a hash only picks the tab a page shows.
    this.sites.set({ pages: { [url.split('#')[0]!]: row.fixture, ...row.frames }, inject: row.inject ? { [row.fixture]: row.inject } : {} });
    // Through a blank page: going from one URL to the same URL with a hash would not load the page again.
    await this.page.goto('about:blank');
    await this.page.goto(url, { waitUntil: 'load' });
    const frame = row.inFrame ? await this.frameAt(row.inFrame) : this.page.mainFrame();
    await frame.evaluate(this.probe);
    await settle(frame);
    this.loaded = { key: pageKey(table, row), frame, steps: [] };
  }

  /** A frame the page adds after its own load (the portal's blade), once its document has loaded too. */
  private async frameAt(url: string): Promise<Frame> {
    const frame = await this.page.waitForFrame((f) => f.url().startsWith(url), { timeout: RENDER_TIMEOUT_MS });
    await frame.waitForFunction(() => document.readyState === 'complete', { timeout: RENDER_TIMEOUT_MS });
    return frame;
  }

  private async run(table: AdapterContract, frame: Frame, step: Step): Promise<void> {
    const { verb, path, spec } = stepTarget(table.adapter, step);
    const control = encodeForPage(spec);
    try {
      await frame.waitForFunction((json) => (globalThis as InPage).scimContract.ready(json), { timeout: RENDER_TIMEOUT_MS, polling: 50 }, control);
    } catch {
      throw new Error(`step "${verb} ${path}": the ${spec.name} did not render within ${RENDER_TIMEOUT_MS} ms`);
    }
    if (verb === 'press') await frame.evaluate((json) => (globalThis as InPage).scimContract.press(json), control);
    if (verb === 'choose') {
      const option = encodeForPage(choiceAt(table.adapter, path).option);
      const result = await frame.evaluate((json, wanted) => (globalThis as InPage).scimContract.choose(json, wanted), control, option);
      if (result !== 'chosen') throw new Error(`step "choose ${path}": ${result}`);
    }
    if (verb === 'tick') await frame.evaluate((json) => (globalThis as InPage).scimContract.tick(json), control);
    await settle(frame);
  }
}

/** Lets the page finish what a load or a click started: timers of 0 ms, a framework's render, a paint. */
function settle(frame: Frame): Promise<void> {
  return frame.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 30))));
}
