// Serves fixture pages at the real host names through request interception, and plays the servers behind them:
// InVision's token endpoint and each IdP's credential test and save (tests/harness/idps/). Nothing leaves the machine.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { FIXTURES_DIR, playFixture, type FixtureCall } from './fixture-server';
import { CUSTOM_SOURCE_HOST, ENTRA_BLADE_FRAME_URL } from './idp-sites';
import { IDP_HARNESSES } from './idps/index';
import { okta } from './idps/okta';
import type { IdpCall, IdpHarness } from './idps/types';

export { FIXTURES_DIR };
const MODULES = resolve(import.meta.dirname, '../../node_modules');
/** Real React for the React-controlled fixtures, served from the fixture host like Okta serves its bundles. */
const VENDOR: Record<string, string> = {
  '/assets/vendor/react.production.min.js': resolve(MODULES, 'react/umd/react.production.min.js'),
  '/assets/vendor/react-dom.production.min.js': resolve(MODULES, 'react-dom/umd/react-dom.production.min.js'),
};

export { OKTA_APP_URL, OKTA_UNAUTHORIZED } from './idps/okta';
export const INVISION_PEOPLE_URL = 'https://acme.invisionapp.com/people';
export const INVISION_SCIM_URL = 'https://acme.invisionapp.com/scim/v2';

export interface SiteOptions {
  /** The token InVision's server hands out on "Generate token". */
  token: string;
  /** The token the IdP's test accepts (defaults to `token`): anything else fails like a wrong token would. */
  acceptedToken?: string;
  /** URL → fixture file (relative to tests/fixtures), matched on origin + path. */
  pages: Record<string, string>;
  /** The SCIM URL the IdPs' fakes expect (defaults to InVision's). */
  scimUrl?: string;
  /** Template values substituted into fixtures: {{APP_LABEL}}, {{RENDER_DELAY_MS}}, … */
  vars?: Record<string, string>;
  /** Fixture file → a hostile addition (tests/fixtures/hostile/*.html) inserted before its </body>. */
  inject?: Record<string, string>;
  /** How long the IdP's credential test takes (a slow SCIM server; Okta's fake honours it). */
  verifyDelayMs?: number;
  /** The IdPs whose servers are played (defaults to every IdP of this tree: tests/harness/idps/). */
  idps?: readonly IdpHarness[];
  /** Where the fixture files are (defaults to this tree's tests/fixtures). */
  fixturesDir?: string;
}

export interface SeenRequest {
  url: string;
  method: string;
  body: string;
}

const DEFAULT_VARS = { APP_LABEL: 'InVision', RENDER_DELAY_MS: '0', BLADE_URL: ENTRA_BLADE_FRAME_URL, MODE_CONTROL: 'inline', BLADE_NAMED: 'yes', REAUTH_AT: 'edit' };

export class FakeSites {
  readonly requests: SeenRequest[] = [];
  /** Every IdP's test and save requests, in order. */
  readonly idpCalls: IdpCall[] = [];
  /** Requests of pages written blind, through the one contract of tests/harness/fixture-server.ts. */
  readonly fixtureCalls: FixtureCall[] = [];
  tokensIssued = 0;

  constructor(private options: SiteOptions) {}

  /** One IdP's test or save requests, in order. */
  callsTo(idp: string, kind: IdpCall['kind']): IdpCall[] {
    return this.idpCalls.filter((call) => call.idp === idp && call.kind === kind);
  }

  /** Okta's test requests, as the form posted them. */
  get verifyCalls(): URLSearchParams[] {
    return this.callsTo(okta.id, 'test').map((call) => new URLSearchParams(call.fields));
  }

  /** Okta's save requests, as the form posted them. */
  get saveCalls(): URLSearchParams[] {
    return this.callsTo(okta.id, 'save').map((call) => new URLSearchParams(call.fields));
  }

  set(options: Partial<SiteOptions>) {
    this.options = { ...this.options, ...options };
  }

  fixture(file: string): string {
    const dir = this.options.fixturesDir ?? FIXTURES_DIR;
    let html = readFileSync(resolve(dir, file), 'utf8');
    for (const [key, value] of Object.entries({ ...DEFAULT_VARS, ...this.options.vars })) html = html.replaceAll(`{{${key}}}`, value);
    const addition = this.options.inject?.[file];
    if (addition) html = html.replace('</body>', `${readFileSync(resolve(dir, addition), 'utf8')}</body>`);
    return html;
  }

  private pageFor(url: URL): string | undefined {
    return this.options.pages[`${url.origin}${url.pathname}`] ?? this.options.pages[`${url.origin}${url.pathname}/`];
  }

  /** CDP hands the body over at once; WebDriver BiDi (Firefox) only on request. */
  private async bodyOf(request: HTTPRequest): Promise<string> {
    try {
      return request.postData() ?? '';
    } catch {
      return (await request.fetchPostData()) ?? '';
    }
  }

  private async respond(request: HTTPRequest): Promise<void> {
    const url = new URL(request.url());
    const body = request.method() === 'POST' ? await this.bodyOf(request) : '';
    this.requests.push({ url: request.url(), method: request.method(), body });
    const json = (status: number, data: unknown) =>
      request.respond({ status, contentType: 'application/json', body: JSON.stringify(data) });
    if (request.method() === 'POST' && url.pathname === '/api/scim/token' && (url.hostname.endsWith('.invisionapp.com') || url.hostname === CUSTOM_SOURCE_HOST)) {
      this.tokensIssued++;
      return void json(200, { token: this.options.token });
    }
    const expect = { token: this.options.acceptedToken ?? this.options.token, scimUrl: this.options.scimUrl ?? INVISION_SCIM_URL, delayMs: this.options.verifyDelayMs };
    for (const idp of this.options.idps ?? IDP_HARNESSES) {
      const played = idp.play(request.method(), url, body, expect);
      if (!played) continue;
      this.idpCalls.push(played.call);
      if (played.afterMs) await new Promise((r) => setTimeout(r, played.afterMs));
      return void json(played.status, played.reply);
    }
    const played = playFixture(request.method(), url, body, {
      issuedToken: this.options.token,
      acceptedToken: this.options.acceptedToken ?? this.options.token,
      scimUrl: this.options.scimUrl ?? INVISION_SCIM_URL,
    });
    if (played) {
      this.fixtureCalls.push(played.call);
      if (played.call.kind === 'generate') this.tokensIssued++;
      return void json(played.status, played.reply);
    }
    const vendor = VENDOR[url.pathname];
    if (vendor) return void request.respond({ status: 200, contentType: 'text/javascript', body: readFileSync(vendor, 'utf8') });
    const page = request.method() === 'GET' ? this.pageFor(url) : undefined;
    if (page) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: this.fixture(page) });
    if (url.pathname === '/favicon.ico') return void request.respond({ status: 204, body: '' });
    return void request.respond({ status: 404, contentType: 'text/plain', body: `not a fixture: ${url.origin}${url.pathname}` });
  }

  /** Routes every request of the page through the fakes. */
  async attach(page: Page): Promise<Page> {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().startsWith('chrome-extension://') || request.url().startsWith('data:')) return void request.continue();
      void this.respond(request);
    });
    return page;
  }

  async open(browser: Browser, url: string): Promise<Page> {
    const page = await this.attach(await browser.newPage());
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }
}
