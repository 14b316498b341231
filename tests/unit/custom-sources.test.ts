// User-defined sources: what the settings accept (the zod-free reader agrees with the form's zod schema), the
// adapter they become, and which scripts get registered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { syncCustomSourceScripts, type ScriptingApi } from '../../utils/custom-source-scripts';
import { MAX_CUSTOM_SOURCES, NO_CUSTOM_SOURCES, parseCustomSources, slugFor, toAdapter, type CustomSource } from '../../utils/custom-sources';
import { CustomSourceSchema } from '../../utils/custom-sources-schema';
import { checkHost } from '../../utils/hosts';
import { bareToken } from '../../utils/token';
import { assertSameResults, candidates, nearMisses, zodResult } from './zod-agreement';

const ACME: CustomSource = {
  slug: 'acme-hr',
  label: 'Acme HR',
  origin: 'https://admin.acme-hr.example',
  token: { by: 'label', text: 'API token' },
  scimUrl: { by: 'css', selector: '#endpoint' },
};

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
  ])('rejects %s', (_name, patch) => {
    expect(CustomSourceSchema.safeParse({ ...ACME, ...patch }).success).toBe(false);
  });

  it('accepts a plain https origin and falls back to no sources on anything stored wrongly', () => {
    expect(CustomSourceSchema.safeParse(ACME).success).toBe(true);
    expect(parseCustomSources({ version: 1, sources: [ACME] }).sources).toHaveLength(1);
    expect(parseCustomSources({ version: 2, sources: [ACME] }).sources).toEqual([]);
    expect(parseCustomSources({ version: 1, sources: [{ ...ACME, origin: 'http://x.example' }] }).sources).toEqual([]);
  });

  it('the zod-free reader agrees with the form’s zod schema, trimming included', () => {
    const StoredSources = z.strictObject({ version: z.literal(1), sources: z.array(CustomSourceSchema).check(z.maxLength(MAX_CUSTOM_SOURCES)) });
    const spec = (raw: unknown) => zodResult(StoredSources)(raw) ?? NO_CUSTOM_SOURCES;
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
        token: place,
        scimUrl: place,
        appName: padded(fc.constantFrom('Acme', 'Acme (SCIM)', 'x')),
      },
      { requiredKeys: ['slug', 'label', 'origin', 'token', 'scimUrl'] },
    );
    const sourcePiece = fc.oneof(piece, nearMisses(place, placeKeys, piece));
    const source = fc.oneof(typedSource, nearMisses(typedSource, ['slug', 'label', 'origin', 'token', 'scimUrl', 'appName', 'extra'], sourcePiece));
    // Mostly short lists with at most one doubtful entry, sometimes one entry too many.
    const sources = fc.oneof(
      fc.tuple(fc.array(typedSource, { maxLength: 3 }), source).map(([valid, last]) => [...valid, last]),
      fc.array(typedSource, { minLength: MAX_CUSTOM_SOURCES, maxLength: MAX_CUSTOM_SOURCES + 1 }),
    );
    const stored = fc.record({ version: fc.constant(1), sources });
    assertSameResults(spec, parseCustomSources, candidates(stored, ['version', 'sources', 'extra'], piece), 2000);
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

  it('takes a SCIM URL only when its path names SCIM, and knows its app in the IdP by name', () => {
    expect(adapter.scimUrl.pattern.test('https://admin.acme-hr.example/scim/v2')).toBe(true);
    expect(adapter.scimUrl.pattern.test('https://admin.acme-hr.example/help')).toBe(false);
    expect(adapter.idpAppName?.test('Acme HR')).toBe(true);
    expect(adapter.idpAppName?.test('InVision')).toBe(false);
    expect(toAdapter({ ...ACME, appName: 'Acme (SCIM)' }).idpAppName?.test('Acme (SCIM)')).toBe(true); // escaped
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
