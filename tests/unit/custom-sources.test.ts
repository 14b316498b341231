// User-defined sources: what the settings accept (the zod-free reader agrees with the form's zod schema), the
// adapter they become, and which scripts get registered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { syncCustomSourceScripts, type ScriptingApi } from '../../utils/custom-sources/scripts';
import { MAX_CUSTOM_SOURCES, needsPath, NO_CUSTOM_SOURCES, parseCustomSources, slugFor, toAdapter, type CustomSource } from '../../utils/custom-sources/sources';
import { CustomSourceSchema } from '../../utils/custom-sources/schema';
import { checkHost } from '../../utils/hosts';
import { bareToken } from '../../utils/token';
import { assertSameResults, candidates, nearMisses, zodResult } from './zod-agreement';

/** As saved before sources named their page (settings version 1). */
const ACME_V1: CustomSource = {
  slug: 'acme-hr',
  label: 'Acme HR',
  origin: 'https://admin.acme-hr.example',
  token: { by: 'label', text: 'API token' },
  scimUrl: { by: 'css', selector: '#endpoint' },
};
const ACME: CustomSource = { ...ACME_V1, path: '/admin/provisioning', generate: 'Create a new token' };

describe('custom source settings', () => {
  it.each([
    ['http origin', { origin: 'http://admin.acme-hr.example' }],
    ['origin with a port', { origin: 'https://admin.acme-hr.example:8443' }],
    ['origin with a path', { origin: 'https://admin.acme-hr.example/settings' }],
    ['origin with credentials', { origin: 'https://u:p@admin.acme-hr.example' }],
    ['punycode origin', { origin: 'https://xn--acm-lna.example' }],
    ['a bare name', { origin: 'https://localhost' }],
    ['a selector with a style block', { token: { by: 'css', selector: 'x { color: red }' } }],
    ['an empty caption', { token: { by: 'label', text: ' ' } }],
    ['a slug that is not one', { slug: 'Acme HR' }],
    ['no page path', { path: undefined }],
    ['a page path that is not a path', { path: 'admin/scim' }],
    ['a page path with a query', { path: '/admin?tab=scim' }],
    ['an empty generate button', { generate: ' ' }],
  ])('rejects %s', (_name, patch) => {
    expect(CustomSourceSchema.safeParse({ ...ACME, ...patch }).success).toBe(false);
  });

  it('accepts a plain https origin and falls back to no sources on anything stored wrongly', () => {
    expect(CustomSourceSchema.safeParse(ACME).success).toBe(true);
    expect(parseCustomSources({ version: 2, sources: [ACME] }).sources).toEqual([ACME]);
    expect(parseCustomSources({ version: 3, sources: [ACME] }).sources).toEqual([]);
    expect(parseCustomSources({ version: 2, sources: [{ ...ACME, origin: 'http://x.example' }] }).sources).toEqual([]);
  });

  it('keeps a source saved before pages were named, marked as needing its page, capturing nowhere', () => {
    const migrated = parseCustomSources({ version: 1, sources: [ACME_V1] });
    expect(migrated).toEqual({ version: 2, sources: [ACME_V1] });
    expect(needsPath(migrated.sources[0]!)).toBe(true);
    expect(needsPath(ACME)).toBe(false);
    expect(toAdapter(migrated.sources[0]!).routes).toEqual([]);
    // Version 1 never had a page path: one claiming it is not a version 1 entry.
    expect(parseCustomSources({ version: 1, sources: [ACME] }).sources).toEqual([]);
  });

  it('the zod-free reader agrees with the form’s zod schema, trimming included', () => {
    const stored = (version: 1 | 2, source: z.ZodMiniType) => z.strictObject({ version: z.literal(version), sources: z.array(source).check(z.maxLength(MAX_CUSTOM_SOURCES)) });
    const V1 = stored(1, z.omit(CustomSourceSchema, { path: true, generate: true }));
    const V2 = stored(2, CustomSourceSchema);
    const asCurrent = (result: unknown) => result && { ...(result as object), version: 2 };
    const spec = (raw: unknown) => asCurrent(zodResult(V1)(raw) ?? zodResult(V2)(raw)) ?? NO_CUSTOM_SOURCES;
    const padded = (text: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom('', ' ', '\t '), text, fc.constantFrom('', ' \n')).map((p) => p.join(''));
    /** Edge values: boundary lengths, forbidden characters, bad origins, wrong types, junk. */
    const piece = fc.oneof(
      fc.constantFrom('a', 'ab', ' a ', 'a'.repeat(60), 'a'.repeat(61), 'a'.repeat(80), 'a'.repeat(81), 'x'.repeat(200), 'x'.repeat(201), 'x {', '<b>', ''),
      fc.constantFrom('https://a.example', 'https://a.example/', ' https://a.example ', 'http://a.example', 'https://a.example:8443', 'https://xn--a.example'),
      fc.constantFrom(`https://${'a'.repeat(244)}.example`, `https://${'a'.repeat(245)}.example`, 'label', 'css', 'Acme HR', 'acme-', '-acme'),
      fc.constantFrom(undefined, null, 1, true, [], {}),
      fc.anything(),
    );
    const placeKeys = ['by', 'text', 'selector', 'extra'];
    // Places as a person types them, forbidden selectors among them.
    const place = fc.oneof(
      fc.record({ by: fc.constant('label'), text: padded(fc.string({ minLength: 2, maxLength: 20 }).filter((t) => t.trim().length >= 2)) }),
      fc.record({ by: fc.constant('css'), selector: padded(fc.constantFrom('#endpoint', 'code.token', '[data-x="y"]', 'main pre', 'div > code', 'x { y }', '<b>')) }),
    );
    const typedSource = fc.record(
      {
        slug: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,23}$/),
        label: padded(fc.constantFrom('Acme HR', 'Beta', 'Zed (EU)')),
        origin: padded(fc.constantFrom('https://admin.acme-hr.example', 'https://x.example/', 'https://a.b.c.example')),
        path: padded(fc.constantFrom('/', '/admin/scim', '/org/*/scim', 'admin', '/a?b', '/a#b', '/a b', `/${'a'.repeat(199)}`, `/${'a'.repeat(200)}`)),
        generate: padded(fc.constantFrom('Generate', 'Create a new token', 'x')),
        token: place,
        scimUrl: place,
        appName: padded(fc.constantFrom('Acme', 'Acme (SCIM)', 'x')),
      },
      { requiredKeys: ['slug', 'label', 'origin', 'token', 'scimUrl'] },
    );
    const sourcePiece = fc.oneof(piece, nearMisses(place, placeKeys, piece));
    const source = fc.oneof(
      typedSource,
      nearMisses(typedSource, ['slug', 'label', 'origin', 'path', 'generate', 'token', 'scimUrl', 'appName', 'extra'], sourcePiece),
    );
    // Mostly short lists with at most one doubtful entry, sometimes one entry too many.
    const sources = fc.oneof(
      fc.tuple(fc.array(typedSource, { maxLength: 3 }), source).map(([valid, last]) => [...valid, last]),
      fc.array(typedSource, { minLength: MAX_CUSTOM_SOURCES, maxLength: MAX_CUSTOM_SOURCES + 1 }),
    );
    const settings = fc.record({ version: fc.constantFrom(1, 2), sources });
    assertSameResults(spec, parseCustomSources, candidates(settings, ['version', 'sources', 'extra'], piece), 2000);
  });

  it('makes slugs from labels', () => {
    expect(slugFor('Acme HR (EU)!')).toBe('acme-hr-eu');
    expect(slugFor('***')).toBe('source');
  });
});

describe('the adapter a custom source becomes', () => {
  const adapter = toAdapter(ACME);
  it('acts on exactly its origin', () => {
    expect(adapter.id).toBe('custom-acme-hr');
    expect(adapter.matches).toEqual(['https://admin.acme-hr.example/*']);
    expect(checkHost('https://admin.acme-hr.example/x', adapter.hosts).ok).toBe(true);
    for (const url of ['https://evil.acme-hr.example/', 'https://admin.acme-hr.example.evil.example/', 'https://acme-hr.example/']) {
      expect(checkHost(url, adapter.hosts).ok).toBe(false);
    }
  });

  it('takes a SCIM URL only on its own origin and when its path names SCIM, and knows its app in the IdP by name', () => {
    expect(adapter.scimUrl.pattern.test('https://admin.acme-hr.example/scim/v2')).toBe(true);
    expect(adapter.scimUrl.pattern.test('https://admin.acme-hr.example/help')).toBe(false);
    for (const elsewhere of ['https://evil.example/scim/v2', 'https://admin.acme-hr.example.evil.example/scim/v2', 'https://x.admin.acme-hr.example/scim']) {
      expect(adapter.scimUrl.pattern.test(elsewhere)).toBe(false);
    }
    expect(adapter.idpAppName?.test('Acme HR')).toBe(true);
    expect(adapter.idpAppName?.test('InVision')).toBe(false);
    expect(toAdapter({ ...ACME, appName: 'Acme (SCIM)' }).idpAppName?.test('Acme (SCIM)')).toBe(true); // escaped
  });

  it('captures only on the page it names, after a click on the button it names', () => {
    const [route] = adapter.routes;
    for (const path of ['/admin/provisioning', '/admin/provisioning/']) expect(route!.test(path)).toBe(true);
    for (const path of ['/', '/admin', '/admin/provisioning/help', '/help/admin/provisioning', '/admin/provisioningx']) expect(route!.test(path)).toBe(false);
    const starred = toAdapter({ ...ACME, path: '/org/*/scim' }).routes[0]!;
    expect(starred.test('/org/acme-42/scim')).toBe(true);
    expect(starred.test('/org/a/b/scim')).toBe(false);
    expect(toAdapter({ ...ACME, path: '/a.b' }).routes[0]!.test('/aXb')).toBe(false); // typed text, not a pattern
    expect(adapter.trigger?.locators).toEqual([{ role: ['button', 'link'], name: /^Create a new token:?$/i }]);
    expect(toAdapter({ ...ACME, generate: undefined }).trigger).toBeUndefined();
  });

  it('hands the IdP a bare token when the page shows a header value', () => {
    expect(bareToken('Bearer abc123def456ghi789')).toBe('abc123def456ghi789');
    expect(bareToken('  bearer   abc123def456ghi789 ')).toBe('abc123def456ghi789');
    expect(bareToken('abc123def456ghi789')).toBe('abc123def456ghi789');
  });
});

describe('registered scripts follow the granted sources', () => {
  function fakeApi(registered: string[], granted: string[]) {
    const calls: string[] = [];
    const api: ScriptingApi = {
      registeredIds: async () => registered,
      register: async (scripts) => void calls.push(`register ${scripts.map((s) => `${s.id}@${s.matches.join()}`).join(' ')}`),
      unregister: async (ids) => void calls.push(`unregister ${ids.join(' ')}`),
      granted: async (origins) => origins.every((o) => granted.includes(o)),
    };
    return { api, calls };
  }

  it('registers granted sources on their origin only, leaves ungranted ones dormant, and replaces old registrations', async () => {
    const other: CustomSource = { ...ACME, slug: 'other', origin: 'https://other.example' };
    const { api, calls } = fakeApi(['custom-source-gone', 'someone-else'], ['https://admin.acme-hr.example/*']);
    expect(await syncCustomSourceScripts([ACME, other], api)).toEqual(['custom-source-acme-hr']);
    expect(calls).toEqual(['unregister custom-source-gone', 'register custom-source-acme-hr@https://admin.acme-hr.example/*']);
  });

  it('registers nothing when no source is left', async () => {
    const { api, calls } = fakeApi(['custom-source-acme-hr'], []);
    expect(await syncCustomSourceScripts([], api)).toEqual([]);
    expect(calls).toEqual(['unregister custom-source-acme-hr']);
  });
});
