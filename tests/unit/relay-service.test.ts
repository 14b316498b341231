// The background router with a fake platform: the keyboard shortcut, diagnostics only for our own pages, and
// sites switched off in the options.
import { describe, expect, it } from 'vitest';
import type { BackgroundToContent } from '../../utils/protocol';
import type { RelayState } from '../../utils/relay';
import { createRelayService, type MessageSender } from '../../utils/relay-service';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/settings';

const EXT = 'chrome-extension://abc';
const OKTA_PAGE = 'https://acme-admin.okta.com/admin/app/invisionapp/instance/0oa1/';
const INVISION_PAGE = 'https://acme.invisionapp.com/people';
const TOKEN = 'tok_0123456789abcdefWXYZ';

function setup(settings: Partial<Settings> = {}) {
  let stored: unknown;
  let pairings: unknown;
  const sent: { tabId: number; message: BackgroundToContent }[] = [];
  const service = createRelayService({
    runtimeId: 'abc',
    extensionOrigin: EXT,
    loadState: async () => stored,
    saveState: async (state: RelayState) => void (stored = state),
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    loadPairings: async () => pairings,
    savePairings: async (value) => void (pairings = value),
    sendTab: async (tabId, message) => void sent.push({ tabId, message }),
    setBadge: async () => undefined,
    notify: async () => undefined,
    setAlarm: async () => undefined,
    clearAlarm: async () => undefined,
    now: () => 1_700_000_000_000,
    log: () => undefined,
    environment: () => ({ extensionVersion: '9.9.9', browser: 'TestBrowser' }),
  });
  const fromTab = (tabId: number, url: string): MessageSender => ({ id: 'abc', url, origin: new URL(url).origin, frameId: 0, tab: { id: tabId } });
  /** The person clicks Generate token on the page, which then shows the token. */
  const generate = async (tabId: number, url: string, message: Record<string, unknown> = {}) => {
    await service.handle({ type: 'source/clicked', adapterId: 'invision' }, fromTab(tabId, url));
    return service.handle({ type: 'source/captured', adapterId: 'invision', token: TOKEN, ...message }, fromTab(tabId, url));
  };
  return { service, sent, state: () => stored as RelayState | undefined, fromTab, generate, pairings: () => pairings };
}

describe('relay service', () => {
  it('fill-now on a known IdP page sends it the go-ahead; on any other tab it does nothing', async () => {
    const { service, sent, fromTab, generate } = setup();
    await service.handle({ type: 'page/status', adapterId: 'okta', status: { code: 'ready', appLabel: 'InVision' } }, fromTab(7, OKTA_PAGE));
    await service.fillNow(8);
    expect(sent).toEqual([]);
    await service.fillNow(7); // no token yet: the page's card says so
    expect(sent).toEqual([{ tabId: 7, message: { type: 'bg/fill-here' } }]);
    await generate(9, INVISION_PAGE);
    sent.length = 0;
    await service.fillNow(7);
    expect(sent).toEqual([{ tabId: 7, message: { type: 'bg/fill-here' } }]);
  });

  it('gives diagnostics to the popup and options pages only, without the token', async () => {
    const { service, fromTab, generate } = setup();
    await generate(9, INVISION_PAGE);
    const popup = { id: 'abc', url: `${EXT}/popup.html` };
    const text = (await service.handle({ type: 'ui/diagnostics' }, popup)) as string;
    expect(text).toContain('Extension: 9.9.9');
    expect(text).toContain('Token: …WXYZ');
    expect(text).not.toContain(TOKEN.slice(0, -4));
    expect(await service.handle({ type: 'ui/diagnostics' }, { id: 'abc', url: `${EXT}/other.html` })).toBeUndefined();
    expect(await service.handle({ type: 'ui/diagnostics' }, fromTab(9, INVISION_PAGE))).toBeUndefined();
  });

  it('ignores a site switched off, even if its content script still speaks', async () => {
    const { state, generate } = setup({ disabledSites: ['invision'] });
    await generate(9, INVISION_PAGE);
    expect(state()).toBeUndefined();
  });

  it('tells a page script whether its site is on and whether the guide is, from the effective settings', async () => {
    const { service, state, fromTab } = setup({ disabledSites: ['invision'], guideMode: true });
    expect(await service.handle({ type: 'page/settings', adapterId: 'okta' }, fromTab(7, OKTA_PAGE))).toEqual({ siteOn: true, guideMode: true });
    expect(await service.handle({ type: 'page/settings', adapterId: 'invision' }, fromTab(9, INVISION_PAGE))).toEqual({ siteOn: false, guideMode: true });
    // A host the adapter refuses is answered too (its card says why it does nothing); an unknown adapter or a
    // malformed question is not, and asking changes nothing.
    expect(await service.handle({ type: 'page/settings', adapterId: 'okta' }, fromTab(8, 'https://acme-admin.okta.com./admin/app/x'))).toEqual({ siteOn: true, guideMode: true });
    expect(await service.handle({ type: 'page/settings', adapterId: 'custom-gone' }, fromTab(9, INVISION_PAGE))).toBeUndefined();
    expect(await service.handle({ type: 'page/settings', adapterId: 'okta', extra: 1 }, fromTab(7, OKTA_PAGE))).toBeUndefined();
    expect(state()).toBeUndefined();
  });

  it('tenant binding: remembers the first pairing in local storage (hosts only) and asks when another source org comes', async () => {
    const { service, fromTab, pairings, generate } = setup();
    const ready = { type: 'target/ready', adapterId: 'okta', appLabel: 'InVision', expectedApp: true };
    await generate(9, INVISION_PAGE);
    expect(await service.handle(ready, fromTab(7, OKTA_PAGE))).toMatchObject({ kind: 'fill' });
    expect(pairings()).toEqual({ version: 1, pairs: [{ source: 'acme.invisionapp.com', idp: 'acme-admin.okta.com', at: 1_700_000_000_000 }] });
    expect(JSON.stringify(pairings())).not.toContain(TOKEN.slice(-4));
    const OTHER_ORG = 'https://other.invisionapp.com/people';
    await service.handle({ type: 'source/clicked', adapterId: 'invision' }, fromTab(10, OTHER_ORG));
    expect(await service.handle({ type: 'source/captured', adapterId: 'invision', token: `${TOKEN}2` }, fromTab(10, OTHER_ORG))).toMatchObject({ kind: 'ask-replace' });
    expect(await service.handle({ type: 'source/replace', adapterId: 'invision', replace: true }, fromTab(10, OTHER_ORG))).toEqual({ kind: 'captured' });
    expect(await service.handle(ready, fromTab(8, OKTA_PAGE))).toEqual({
      kind: 'wait',
      reason: 'pairing-changed',
      pairing: { side: 'idp', pairedWith: 'acme.invisionapp.com', source: 'other.invisionapp.com', idp: 'acme-admin.okta.com' },
    });
    expect(await service.handle({ ...ready, confirmed: true }, fromTab(8, OKTA_PAGE))).toMatchObject({ kind: 'fill' });
    expect((pairings() as { pairs: unknown[] }).pairs).toHaveLength(2);
  });
});

describe('relay service: where a token came from', () => {
  const SCIM_URL = 'https://acme.invisionapp.com/scim/v2';

  it('holds a token from the SCIM settings after the click, with the browser-stamped host and path and the page title', async () => {
    const { state, generate } = setup();
    expect(await generate(9, INVISION_PAGE, { scimUrl: SCIM_URL, title: 'People · Acme · InVision' })).toEqual({ kind: 'captured' });
    expect(state()?.secret).toMatchObject({ token: TOKEN, sourceOrigin: 'https://acme.invisionapp.com', sourcePath: '/people', sourceTitle: 'People · Acme · InVision', scimUrl: SCIM_URL });
  });

  it.each(['https://acme.invisionapp.com/help/scim', 'https://acme.invisionapp.com/share/ABC123', 'https://acme.invisionapp.com/'])(
    'refuses a click and a token from %s (not the SCIM settings route)',
    async (url) => {
      const { state, generate } = setup();
      expect(await generate(9, url)).toBeUndefined();
      expect(state()?.secret).toBeUndefined();
    },
  );

  it('ignores a token the page shows without the person’s click, and one after a click in another tab', async () => {
    const { service, state, fromTab } = setup();
    const offer = { type: 'source/captured', adapterId: 'invision', token: TOKEN };
    expect(await service.handle(offer, fromTab(9, INVISION_PAGE))).toEqual({ kind: 'ignored', reason: 'no-click' });
    await service.handle({ type: 'source/clicked', adapterId: 'invision' }, fromTab(8, INVISION_PAGE));
    expect(await service.handle(offer, fromTab(9, INVISION_PAGE))).toEqual({ kind: 'ignored', reason: 'no-click' });
    expect(state()?.secret).toBeUndefined();
  });

  it.each([
    ['another org', 'https://globex.invisionapp.com/scim/v2'],
    ['another host', 'https://evil.example/scim/v2'],
    ['not a SCIM URL', 'https://acme.invisionapp.com/api/v1'],
  ])('drops a Base URL on %s: only the page’s own origin names it', async (_name, scimUrl) => {
    const { state, generate } = setup();
    await generate(9, INVISION_PAGE, { scimUrl });
    expect(state()?.secret?.token).toBe(TOKEN);
    expect(state()?.secret?.scimUrl).toBeUndefined();
  });

  it('never stores the token inside a page title', async () => {
    const { state, generate } = setup();
    await generate(9, INVISION_PAGE, { title: `Token ${TOKEN}` });
    expect(state()?.secret?.sourceTitle).not.toContain(TOKEN.slice(0, 12));
  });

  it('asks before a token from another tab replaces the held one; only that tab’s answer counts', async () => {
    const { service, state, fromTab, generate } = setup();
    await generate(9, INVISION_PAGE);
    const other = 'tok_other_0123456789abcdQRST';
    expect(await generate(11, INVISION_PAGE, { token: other })).toEqual({ kind: 'ask-replace', heldOrigin: 'https://acme.invisionapp.com', heldAt: 1_700_000_000_000 });
    expect(state()?.secret?.token).toBe(TOKEN);
    await service.handle({ type: 'source/replace', adapterId: 'invision', replace: true }, fromTab(9, INVISION_PAGE));
    expect(state()?.secret?.token).toBe(TOKEN);
    expect(await service.handle({ type: 'source/replace', adapterId: 'invision', replace: true }, fromTab(11, INVISION_PAGE))).toEqual({ kind: 'captured' });
    expect(state()?.secret?.token).toBe(other);
  });
});
