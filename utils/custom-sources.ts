// User-defined token sources: any SaaS admin page that shows a one-time SCIM token, described by the user (origin,
// where the token appears, where the SCIM URL appears), validated here, stored versioned in storage.local (no
// secrets), and turned into the same declarative SourceAdapter the built-in InVision source is.
import * as z from 'zod/mini';
import type { Locator } from './dom/locate';
import type { SourceAdapter } from './adapters/types';

export const CUSTOM_SOURCES_KEY = 'customSources';
/** The fixtures that prove the user-defined source format (tests/fixtures/…). */
export const CUSTOM_SOURCE_FIXTURES = ['custom/acme-hr-token.html'];
export const CUSTOM_SCRIPT_PREFIX = 'custom-source-';
/** The built content script every user-defined source runs (entrypoints/custom-source.content.ts). */
export const CUSTOM_SCRIPT_FILE = 'content-scripts/custom-source.js';
export const MAX_CUSTOM_SOURCES = 20; // a handful of SaaS per admin; bounds the registered scripts
const CSS_FORBIDDEN = /[{}<>]/; // a selector, never a style block or markup

const PlaceSpec = z.discriminatedUnion('by', [
  /** The words of the caption beside the value, as shown on the page (e.g. "API token"). */
  z.strictObject({ by: z.literal('label'), text: z.string().check(z.trim(), z.minLength(2), z.maxLength(80)) }),
  /** A CSS selector for the element that holds the value. */
  z.strictObject({
    by: z.literal('css'),
    selector: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(200),
      z.refine((s) => !CSS_FORBIDDEN.test(s), 'A selector may not contain { } < or >.'),
    ),
  }),
]);
export type PlaceSpec = z.infer<typeof PlaceSpec>;

/** https, a plain host name (no port, credentials, path or punycode): the same rules the built-in hosts follow. */
const ORIGIN = z.string().check(
  z.trim(),
  z.maxLength(253),
  z.refine((raw) => {
    try {
      const url = new URL(raw);
      return (
        url.protocol === 'https:' &&
        url.origin === raw.replace(/\/$/, '') &&
        !url.port &&
        url.hostname.includes('.') &&
        !url.hostname.split('.').some((label) => label.startsWith('xn--'))
      );
    } catch {
      return false;
    }
  }, 'Enter the address as https://host.example.com (https, no port, no path).'),
);

export const CustomSource = z.strictObject({
  /** Lower-case slug; the adapter id is "custom-<slug>". */
  slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,23}$/)),
  label: z.string().check(z.trim(), z.minLength(2), z.maxLength(60)),
  origin: ORIGIN,
  token: PlaceSpec,
  scimUrl: PlaceSpec,
  /** How the app is named in the IdP (defaults to the label): only that app is filled without asking. */
  appName: z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(60))),
});
export type CustomSource = z.infer<typeof CustomSource>;

export const CustomSourcesSettings = z.strictObject({
  version: z.literal(1),
  sources: z.array(CustomSource).check(z.maxLength(MAX_CUSTOM_SOURCES)),
});
export type CustomSourcesSettings = z.infer<typeof CustomSourcesSettings>;

export const NO_CUSTOM_SOURCES: CustomSourcesSettings = { version: 1, sources: [] };

/** A corrupt or unknown stored value means "no user-defined sources", never a half-trusted one. */
export function parseCustomSources(raw: unknown): CustomSourcesSettings {
  const parsed = CustomSourcesSettings.safeParse(raw);
  return parsed.success ? parsed.data : NO_CUSTOM_SOURCES;
}

export function slugFor(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 24)
      .replace(/-+$/, '') || 'source'
  );
}

export const matchPatternFor = (source: Pick<CustomSource, 'origin'>) => `${source.origin.replace(/\/$/, '')}/*`;
export const scriptIdFor = (source: Pick<CustomSource, 'slug'>) => `${CUSTOM_SCRIPT_PREFIX}${source.slug}`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exactly = (text: string) => new RegExp(`^${escapeRegExp(text.trim())}:?$`, 'i');

function locatorFor(place: PlaceSpec): Locator {
  return place.by === 'label' ? { label: exactly(place.text) } : { css: place.selector };
}

/** Any https URL whose path names SCIM: a SCIM base URL always does, a random link on the page rarely. */
const SCIM_URL = /^https:\/\/[a-z0-9.-]+\/\S*scim\S*$/i;

export function toAdapter(source: CustomSource): SourceAdapter {
  const host = new URL(source.origin).hostname;
  return {
    id: `custom-${source.slug}`,
    role: 'source',
    label: source.label,
    hosts: { suffixes: [], label: /^$/, exactHosts: [host] },
    matches: [matchPatternFor(source)],
    panel: { name: `${source.label} page`, kind: 'region', locators: [{ css: 'body' }] },
    token: { name: `${source.label} token`, kind: 'text', locators: [locatorFor(source.token)] },
    scimUrl: { control: { name: 'SCIM URL', kind: 'text', locators: [locatorFor(source.scimUrl)] }, pattern: SCIM_URL },
    path: `the page on ${host} that shows the token`,
    // Whole words only ("Acme" is not "Acmeworks"); lookarounds, as a name may end in a bracket.
    idpAppName: new RegExp(`(?<!\\w)${escapeRegExp(source.appName ?? source.label)}(?!\\w)`, 'i'),
    fixtures: CUSTOM_SOURCE_FIXTURES,
  };
}
