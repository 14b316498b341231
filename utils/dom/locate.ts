// Finds page controls the way a person does: by label, role and visible text first, stable names and ids second.
// Adapters describe controls as ordered locator alternatives; this module interprets them.
import { captionsMatching, indexedRoles, inDocumentOrder, keptNames } from './captions';
import { docOf, probeMemo } from './probe-memo';
import { labelText, normaliseText } from './text';

export { labelText, normaliseText };

export type Role = 'button' | 'link' | 'checkbox' | 'textbox' | 'heading' | 'alert' | 'dialog' | 'tab' | 'combobox' | 'option' | 'radiogroup';

export type Locator = (
  /** A form field by its label: <label>, aria-label(ledby), a nearby caption, or placeholder. */
  | { label: RegExp }
  /** An element by role and accessible name. */
  | { role: Role | readonly Role[]; name: RegExp }
  /** A stable attribute hook (name, id, data-*) seen on the real page. Never generated class names. */
  | { css: string }
) & {
  /** Only matches under a heading with these words: "Edit" means the Integration's Edit, not General's. */
  near?: RegExp;
};

export interface ControlSpec {
  /** How the control is named in messages to the user, e.g. "API Token field". */
  name: string;
  kind: 'field' | 'button' | 'checkbox' | 'region' | 'text' | 'choice';
  locators: readonly Locator[];
}

const ROLE_SELECTORS: Record<Role, string> = {
  button: 'button, input[type=button], input[type=submit], input[type=reset], [role=button]',
  link: 'a[href], [role=link]',
  checkbox: 'input[type=checkbox], [role=checkbox], [role=switch]',
  textbox:
    'input:not([type]), input[type=text], input[type=password], input[type=url], input[type=email], input[type=search], textarea, [role=textbox]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading], legend',
  alert: '[role=alert], [role=status], [aria-live=assertive], [aria-live=polite], output',
  dialog: 'dialog, [role=dialog], [role=alertdialog], [aria-modal=true]',
  tab: '[role=tab]',
  combobox: 'select, [role=combobox]',
  option: 'option, [role=option]',
  radiogroup: '[role=radiogroup], fieldset',
};

const KIND_ROLES: Record<ControlSpec['kind'], readonly Role[]> = {
  field: ['textbox'],
  button: ['button', 'link'],
  checkbox: ['checkbox'],
  region: ['dialog', 'heading'],
  text: ['textbox'],
  choice: ['combobox', 'radiogroup'],
};

function textOfIds(ids: string, doc: Document): string {
  return ids
    .split(/\s+/)
    .map((id) => normaliseText(doc.getElementById(id)?.textContent))
    .join(' ')
    .trim();
}

/** Text content as a screen reader speaks it: icons marked aria-hidden (or what `unspoken` names) are not part of it. */
export function spokenText(el: Element, unspoken = '[aria-hidden="true"]'): string {
  const only = el.firstChild;
  // Most buttons and links hold one text node: no walk needed.
  if (only && only === el.lastChild && only.nodeType === Node.TEXT_NODE) {
    return el.closest(unspoken) ? '' : normaliseText(only.textContent);
  }
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(unspoken)) text += ` ${node.textContent}`;
  }
  return normaliseText(text);
}

/** A pragmatic accessible name: aria-labelledby, aria-label, <label>, button text or value, title, placeholder. */
export function accessibleName(el: Element): string {
  return nameWith(el, keptNames(el));
}

/** `kept`: the document's kept names, asked once for all the elements of one search (each asking costs a little). */
function nameWith(el: Element, kept: Map<Element, string> | undefined): string {
  const names = kept ?? probeMemo(el.ownerDocument).names;
  const known = names.get(el);
  if (known !== undefined) return known;
  const name = nameOf(el);
  if (!kept || nameIsLocal(el)) names.set(el, name);
  return name;
}

/**
 * Whether nameOf reads only the element's attributes, its text and the aria-hidden around it: no label found by id
 * elsewhere in the page, and no value a script can set without touching the DOM. Only such names are kept between
 * probes; the others are read again each time while indexing, and once per probe otherwise.
 */
function nameIsLocal(el: Element): boolean {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return false;
  return !el.id && !el.hasAttribute('aria-labelledby') && !el.closest('label');
}

function nameOf(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = textOfIds(labelledBy, el.ownerDocument);
    if (text) return text;
  }
  const ariaLabel = normaliseText(el.getAttribute('aria-label'));
  if (ariaLabel) return ariaLabel;
  if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return normaliseText(el.value);
  // Only an id or an enclosing <label> can associate a label; asking `labels` otherwise walks the whole document.
  const labels = el.id || el.closest('label') ? (el as HTMLInputElement).labels : null;
  if (labels && labels.length) {
    const text = Array.from(labels, (l) => normaliseText(l.textContent)).join(' ').trim();
    if (text) return text;
  }
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
    const text = spokenText(el);
    if (text) return text;
  }
  return normaliseText(el.getAttribute('title') ?? el.getAttribute('placeholder'));
}

export function matchesRole(el: Element, role: Role): boolean {
  return el.matches(ROLE_SELECTORS[role]);
}

/** Is the element, or anything in it, of the role? */
export function holdsRole(el: Element, role: Role): boolean {
  return el.matches(ROLE_SELECTORS[role]) || !!el.querySelector(ROLE_SELECTORS[role]);
}

/**
 * The elements of these roles under `root`, in no particular order: kept from the mutation records while indexing
 * (captions.ts: one query of a big console's thousands of buttons took milliseconds, for every probe), else asked.
 */
export function withRoles(root: ParentNode, roles: readonly Role[]): Element[] {
  const selector = roles.map((r) => ROLE_SELECTORS[r]).join(', ');
  return indexedRoles(root as Node, selector) ?? Array.from(root.querySelectorAll(selector));
}

function byRole(root: ParentNode, roles: readonly Role[], name: RegExp): Element[] {
  const kept = keptNames(root as Node);
  return withRoles(root, roles)
    .filter((el) => name.test(labelText(nameWith(el, kept))))
    .sort(inDocumentOrder);
}

const NEARBY_FIELD_LEVELS = 4; // a caption and its field share a form row within a few wrappers

/** The single field of the given roles that belongs to a caption without a `for`: the one in its nearest row. */
function fieldNear(caption: Element, roles: readonly Role[]): Element | undefined {
  let row: Element | null = caption;
  for (let level = 0; level < NEARBY_FIELD_LEVELS && row; level++, row = row.parentElement) {
    const fields = withRoles(row, roles);
    if (fields.length === 1) return fields[0];
    if (fields.length > 1) return undefined; // ambiguous: the row holds several fields
  }
  return undefined;
}

/** For read-only text shown beside a caption (<dt>/<dd>, label + div): the element right after the caption. */
function valueBeside(caption: Element): Element | undefined {
  return caption.nextElementSibling ?? caption.parentElement?.nextElementSibling ?? undefined;
}

function byLabel(root: ParentNode, label: RegExp, kind: ControlSpec['kind']): Element[] {
  const roles = KIND_ROLES[kind];
  const direct = byRole(root, roles, label);
  const near: Element[] = [];
  for (const caption of captionsMatching(root, label)) {
    const field = caption instanceof HTMLLabelElement && caption.control ? caption.control : fieldNear(caption, roles);
    if (field && roles.some((r) => matchesRole(field, r))) near.push(field);
    else if (kind === 'text') {
      const beside = valueBeside(caption);
      if (beside) near.push(beside);
    }
  }
  return [...direct, ...near];
}

/** A selector a user typed may be invalid: that finds nothing rather than stopping the page's script. */
function bySelector(root: ParentNode, css: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(css));
  } catch {
    return [];
  }
}

/** Every element any locator of the spec finds, in locator order, without duplicates. */
export function candidates(root: ParentNode, spec: ControlSpec): Element[] {
  const memo = probeMemo(docOf(root as Node)).candidates;
  const bySpec = memo.get(root as Node) ?? memo.set(root as Node, new WeakMap()).get(root as Node)!;
  const known = bySpec.get(spec);
  if (known) return [...known];
  const found = locateAll(root, spec);
  bySpec.set(spec, found);
  return [...found];
}

function locateAll(root: ParentNode, spec: ControlSpec): Element[] {
  const out: Element[] = [];
  for (const locator of spec.locators) {
    let found: Element[];
    if ('label' in locator) found = byLabel(root, locator.label, spec.kind);
    else if ('role' in locator) found = byRole(root, typeof locator.role === 'string' ? [locator.role] : locator.role, locator.name);
    else found = bySelector(root, locator.css);
    if (locator.near) found = found.filter((el) => locator.near!.test(sectionHeading(el)));
    for (const el of found) if (!out.includes(el)) out.push(el);
  }
  return out;
}

/** The text of the closest heading before the element in document order: the section a person reads it in. */
export function sectionHeading(el: Element): string {
  const doc = el.ownerDocument;
  const memo = probeMemo(doc).headings;
  const headings = memo.get(doc) ?? memo.set(doc, Array.from(doc.querySelectorAll(ROLE_SELECTORS.heading))).get(doc)!;
  let last = '';
  for (const heading of headings) {
    if (heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING || heading.contains(el)) {
      last = normaliseText(heading.textContent);
    } else break;
  }
  return last;
}
