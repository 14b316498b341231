// A choice made as a person makes it, whatever the control: a native select, an ARIA combobox whose options open
// in a list (Fluent UI's Dropdown puts it in a callout at the end of <body>), or a radio group. The choice counts
// only when the control shows it afterwards.
// Only Entra's script carries it (its entrypoint hands `choose` to the engine): the other sites have no choices,
// and every content script must stay under 20 KB gzip.
import { press } from '../dom/act';
import { accessibleName, spokenText } from '../dom/locate';
import { actedOnPage } from '../dom/task-memo';
import { isRendered, whyUnusable } from '../dom/usable';
import { waitFor } from '../dom/wait';

/** What a choice control shows as chosen: a select's selected option, a combobox's value, a group's checked radio. */
export function shownChoice(el: Element): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text.trim() ?? '';
  if (el instanceof HTMLInputElement) return el.value.trim();
  const checked = el.querySelector('input[type=radio]:checked, [role=radio][aria-checked=true]');
  // An open list of options inside a dropdown is not what it shows as chosen.
  return checked ? accessibleName(checked) : spokenText(el, '[aria-hidden="true"], [role=listbox]');
}

/**
 * Chooses an option of a native select as a person's choice does: the option becomes selected through the
 * prototype's setter, then the input and change events frameworks listen to fire. False when no option matches.
 */
function selectNative(select: HTMLSelectElement, option: RegExp): boolean {
  const wanted = Array.from(select.options).find((o) => !o.disabled && option.test(o.text.trim()));
  if (!wanted) return false;
  select.focus();
  Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, wanted.value);
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  select.blur();
  actedOnPage();
  return true;
}

/** The radio of a group (radiogroup, fieldset) whose name matches, if any. */
function radioIn(group: Element, option: RegExp): Element | undefined {
  return Array.from(group.querySelectorAll('input[type=radio], [role=radio]')).find((radio) => option.test(accessibleName(radio)));
}

export type ChoiceResult = 'chosen' | 'no-option' | 'not-shown';

export const CHOICE_SETTLE_MS = 3_000; // a dropdown's list opens, and its value shows, within a moment

/** Is `option` what the control shows now? */
export function isChosen(control: Element, option: RegExp): boolean {
  return option.test(shownChoice(control));
}

export async function choose(control: Element, option: RegExp, opts: { signal: AbortSignal; ownUi?: Element }): Promise<ChoiceResult> {
  if (isChosen(control, option)) return 'chosen';
  const shown = () => (isChosen(control, option) ? true : undefined);
  if (control instanceof HTMLSelectElement) {
    if (!selectNative(control, option)) return 'no-option';
  } else if (control.matches('[role=radiogroup], fieldset')) {
    const radio = radioIn(control, option);
    if (!radio) return 'no-option';
    const label = radio instanceof HTMLInputElement ? radio.labels?.[0] : undefined;
    // Styled radios hide the input: a person clicks whichever of input and label is visible.
    press([radio, label].find((el) => el && !whyUnusable(el, { ownUi: opts.ownUi })) ?? radio);
  } else {
    const nameOf = (el: Element) => (el.textContent?.replace(/\s+/g, ' ').trim() || el.getAttribute('aria-label') || el.getAttribute('title')) ?? '';
    const usable = (el: Element) => isRendered(el) && option.test(nameOf(el));
    if (control.getAttribute('aria-expanded') !== 'true') press(control);
    // Fluent renders the open list in a callout at the end of <body>: look for it in the whole document.
    const item = await waitFor(() => Array.from(document.querySelectorAll('[role=option]')).find(usable), { signal: opts.signal, timeoutMs: CHOICE_SETTLE_MS });
    if (!item) return 'no-option';
    press(item);
  }
  return (await waitFor(shown, { signal: opts.signal, timeoutMs: CHOICE_SETTLE_MS })) ? 'chosen' : 'not-shown';
}

/** The choice-making the engine is handed by the entrypoints of sites whose forms have choices (TargetDeps). */
export interface Chooser {
  choose: typeof choose;
  shown: typeof shownChoice;
}

export const chooser: Chooser = { choose, shown: shownChoice };
