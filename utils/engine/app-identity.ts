// Which app a target page is about, read as a person reads it: the document title (whatever its format), headings
// of any level, breadcrumbs and the page header. Reading only; the engine and the relay decide what follows.
import type { TargetAdapter } from '../adapters/types';
import { normaliseText } from '../dom/locate';
import { isRendered } from '../dom/usable';

/** `label` is '' when the page names no app at all: then the person is asked, never shown a placeholder. */
export interface AppIdentity {
  label: string;
  expected: boolean;
}

export const APP_LABEL_MAX_LENGTH = 120; // the protocol's bound for an app label
const NAME_MAX_LENGTH = 80; // a name is a few words; longer text is a sentence that merely mentions the app
/** Between the parts of a title or a heading: "Acme - InVision", "InVision | Provisioning", "Apps › InVision". */
const SEPARATORS = /\s+[-–—|·•:›»/>]\s+|\s*[|·•›»]\s*/;
const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role=heading]';
const BREADCRUMBS = '[aria-label*="breadcrumb" i], [class*="breadcrumb" i], [data-testid*="breadcrumb" i]';
const PAGE_HEADER = 'header, [role=banner]';
/** The crumb after which a console names the app: "Applications / InVision App". */
const APP_LIST_CRUMB = /^((enterprise |all )?applications?|apps)$/i;
/** Crumbs and title parts that name a place in a console, never an app. */
const NOT_A_NAME = /^(home|dashboard|apps?|provisioning|configuration|integration|settings|overview|admin(istration)?|sign.?in)$/i;

function parts(text: string): string[] {
  return normaliseText(text)
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => /[\p{L}\p{N}]/u.test(part) && part.length <= NAME_MAX_LENGTH);
}

/** The rendered elements `selector` finds that are not inside another one. */
function outermost(doc: Document, selector: string): Element[] {
  return Array.from(doc.querySelectorAll(selector)).filter((el) => !el.parentElement?.closest(selector) && isRendered(el));
}

/** The texts of a trail's or header's innermost elements, in order; else its text split at separators. */
function itemsOf(root: Element): string[] {
  const items = Array.from(root.querySelectorAll('*')).filter((el) => !el.firstElementChild && isRendered(el));
  return items.length ? items.flatMap((item) => parts(item.textContent ?? '')) : parts(root.textContent ?? '');
}

/** Where a console puts the app's own name, most telling first: each is a name of some app when present. */
function namedPlaces(doc: Document, adapter: TargetAdapter, trails: string[][]): string[] {
  const { title, heading, headingPattern, notNames } = adapter.appLabel;
  const isName = (text: string | undefined): text is string =>
    !!text && text.length <= NAME_MAX_LENGTH && !NOT_A_NAME.test(text) && !APP_LIST_CRUMB.test(text) && !notNames?.test(text);
  const fromHeadings = Array.from(doc.querySelectorAll(heading))
    .filter(isRendered)
    .map((el) => normaliseText(el.textContent))
    .map((text) => (headingPattern ? headingPattern.exec(text)?.[1]?.trim() : text));
  const fromTrails = trails.map((items) => items[items.findIndex((item) => APP_LIST_CRUMB.test(item)) + 1]);
  // A crumb or a heading names the app alone; a title mixes it with the org and the console.
  return [...fromTrails, ...fromHeadings, title.exec(normaliseText(doc.title))?.[1]?.trim()].filter(isName);
}

/**
 * The app this page is about. Any title part, heading, crumb or header text naming the source's app makes it that
 * app; otherwise the name in the console's usual places is another app's; when there is none, the label is ''.
 */
export function readAppIdentity(doc: Document, adapter: TargetAdapter, sourceApp: RegExp | undefined): AppIdentity {
  const trails = outermost(doc, BREADCRUMBS).map(itemsOf);
  const headings = Array.from(doc.querySelectorAll(HEADINGS))
    .filter(isRendered)
    .flatMap((el) => parts(el.textContent ?? ''));
  const everything = [...trails.flat(), ...headings, ...parts(doc.title), ...outermost(doc, PAGE_HEADER).flatMap(itemsOf)];
  const match = sourceApp && everything.find((text) => sourceApp.test(text));
  if (match) return { label: match.slice(0, APP_LABEL_MAX_LENGTH), expected: true };
  const named = namedPlaces(doc, adapter, trails)[0] ?? '';
  return { label: named.slice(0, APP_LABEL_MAX_LENGTH), expected: false };
}

/** A status report's app label: only a name the page shows, never a placeholder. */
export function labelled(app: AppIdentity): { appLabel?: string } {
  return app.label ? { appLabel: app.label } : {};
}
