// User-defined token sources: any SaaS admin page that shows a one-time SCIM token, described by the user (origin,
// the page's path, its generate button, where the token and the SCIM URL appear), validated here, stored versioned
// in storage.local (no secrets), and turned into the same declarative SourceAdapter the built-in InVision source is.
import { arrayOf, isString, matches, oneOf, optional } from '../check';
import type { Locator } from '../dom/locate';
import type { SourceAdapter } from '../adapters/types';

export const CUSTOM_SOURCES_KEY = 'customSources';
/** The fixtures that prove the user-defined source format (tests/fixtures/…). */
export const CUSTOM_SOURCE_FIXTURES = ['custom/acme-hr-token.html'];
export const CUSTOM_SCRIPT_PREFIX = 'custom-source-';
/** The built content script every user-defined source runs (entrypoints/custom-source.content.ts). */
export const CUSTOM_SCRIPT_FILE = 'content-scripts/custom-source.js';
export const MAX_CUSTOM_SOURCES = 20; // a handful of SaaS per admin; bounds the registered scripts
export const CSS_FORBIDDEN = /[{}<>]/; // a selector, never a style block or markup
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,23}$/;
/** Lengths after trimming: a product name, a caption beside a value, a selector, a host name. */
export const LIMITS = {
  name: { min: 2, max: 60 },
  caption: { min: 2, max: 80 },
  selector: { min: 1, max: 200 },
  origin: { max: 253 },
  path: { min: 1, max: 200 },
};
/** A page path as typed: starts with "/", no query or fragment, "*" for any run of characters within one segment. */
export const PATH_PATTERN = /^\/[^\s?#]*$/;

/** Where a value appears: beside a caption with these words (e.g. "API token"), or in the element a selector names. */
export type PlaceSpec = { by: 'label'; text: string } | { by: 'css'; selector: string };

export interface CustomSource {
  /** Lower-case slug; the adapter id is "custom-<slug>". */
  slug: string;
  label: string;
  origin: string;
  /**
   * The path of the page that shows the token (e.g. /admin/scim; a star stands for any part of one segment): a
   * token elsewhere on the origin is never captured. Absent only in a source saved before pages were named (version 1): it captures
   * nothing until the user names the page, and the options page says so.
   */
  path?: string;
  /** The words of the button that generates the token, where the product has one: only a click on it counts. */
  generate?: string;
  token: PlaceSpec;
  scimUrl: PlaceSpec;
  /** How the app is named in the IdP (defaults to the label): only that app is filled without asking. */
  appName?: string;
}

export interface CustomSourcesSettings {
  version: 2;
  sources: CustomSource[];
}

export const NO_CUSTOM_SOURCES: CustomSourcesSettings = { version: 2, sources: [] };

/** https, a plain host name (no port, credentials, path or punycode): the same rules the built-in hosts follow. */
export function isPlainHttpsOrigin(raw: string): boolean {
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
}

/** A string whose trimmed form is within `limits` and passes `rule` (the zod schema trims the same way). */
const trimmed = (limits: { min?: number; max: number }, rule: (text: string) => boolean = () => true) =>
  isString((raw) => {
    const text = raw.trim();
    return text.length >= (limits.min ?? 0) && text.length <= limits.max && rule(text);
  });

const PLACES = {
  label: { by: oneOf(['label']), text: trimmed(LIMITS.caption) },
  css: { by: oneOf(['css']), selector: trimmed(LIMITS.selector, (selector) => !CSS_FORBIDDEN.test(selector)) },
};

function readPlace(raw: unknown): PlaceSpec | undefined {
  if (matches(raw, PLACES.label)) return { by: 'label', text: (raw.text as string).trim() };
  if (matches(raw, PLACES.css)) return { by: 'css', selector: (raw.selector as string).trim() };
  return undefined;
}

/** Version 1: before sources named their page and generate button. */
const SOURCE_V1 = {
  slug: isString((slug) => SLUG_PATTERN.test(slug)),
  label: trimmed(LIMITS.name),
  origin: trimmed(LIMITS.origin, isPlainHttpsOrigin),
  token: (raw: unknown) => !!readPlace(raw),
  scimUrl: (raw: unknown) => !!readPlace(raw),
  appName: optional(trimmed(LIMITS.name)),
};
const SOURCE = { ...SOURCE_V1, path: trimmed(LIMITS.path, (path) => PATH_PATTERN.test(path)), generate: optional(trimmed(LIMITS.caption)) };

function readSource(raw: unknown, version: 1 | 2): CustomSource | undefined {
  if (!matches(raw, version === 1 ? SOURCE_V1 : SOURCE)) return undefined;
  const source: CustomSource = {
    slug: raw.slug as string,
    label: (raw.label as string).trim(),
    origin: (raw.origin as string).trim(),
    token: readPlace(raw.token)!,
    scimUrl: readPlace(raw.scimUrl)!,
  };
  if (raw.path !== undefined) source.path = (raw.path as string).trim();
  if (raw.generate !== undefined) source.generate = (raw.generate as string).trim();
  if (raw.appName !== undefined) source.appName = (raw.appName as string).trim();
  return source;
}

/**
 * The stored list, read without zod (the content script reads it inside the source page). A corrupt or unknown
 * stored value means "no user-defined sources", never a half-trusted one. Version 1 sources come back without a
 * path (see CustomSource.path): kept, shown with a notice, capturing nothing.
 */
export function parseCustomSources(raw: unknown): CustomSourcesSettings {
  for (const version of [1, 2] as const) {
    const sources = arrayOf((source) => !!readSource(source, version), MAX_CUSTOM_SOURCES);
    if (matches(raw, { version: oneOf([version]), sources })) {
      return { version: 2, sources: Array.from(raw.sources as unknown[], (source) => readSource(source, version)!) };
    }
  }
  return NO_CUSTOM_SOURCES;
}

/** Saved before pages were named: shown with a notice in the options page, captures nothing. */
export const needsPath = (source: CustomSource) => source.path === undefined;

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

/** A URL on the source's own origin whose path names SCIM: the origin the user entered, never another host. */
const scimUrlOn = (origin: string) => new RegExp(`^${escapeRegExp(origin.replace(/\/$/, ''))}/\\S*scim\\S*$`, 'i');

/** The page path as typed, as a rule: "*" stands for any run of characters within one segment; a trailing "/" optional. */
export function routeFor(path: string): RegExp {
  const body = path.replace(/\/+$/, '').split('*').map(escapeRegExp).join('[^/]*');
  return new RegExp(`^${body}/?$`);
}

export function toAdapter(source: CustomSource): SourceAdapter {
  const host = new URL(source.origin).hostname;
  return {
    id: `custom-${source.slug}`,
    role: 'source',
    label: source.label,
    hosts: { suffixes: [], label: /^$/, exactHosts: [host] },
    matches: [matchPatternFor(source)],
    routes: source.path === undefined ? [] : [routeFor(source.path)],
    ...(source.generate ? { trigger: { name: `${source.label} “${source.generate}” button`, kind: 'button', locators: [{ role: ['button', 'link'], name: exactly(source.generate) }] } } : {}),
    panel: { name: `${source.label} page`, kind: 'region', locators: [{ css: 'body' }] },
    token: { name: `${source.label} token`, kind: 'text', locators: [locatorFor(source.token)] },
    scimUrl: { control: { name: 'SCIM URL', kind: 'text', locators: [locatorFor(source.scimUrl)] }, pattern: scimUrlOn(source.origin) },
    path: `the page on ${host} that shows the token`,
    // Whole words only ("Acme" is not "Acmeworks"); lookarounds, as a name may end in a bracket.
    idpAppName: new RegExp(`(?<!\\w)${escapeRegExp(source.appName ?? source.label)}(?!\\w)`, 'i'),
  };
}
