// A choice made as a person makes it, whatever the control: a native select, an ARIA combobox whose options open
// in a list (Fluent UI's Dropdown puts it in a callout at the end of <body>), or a radio group. The choice counts
// only when the control shows it afterwards.
import { optionsOf, press, radioIn, selectNative, shownChoice } from '../dom/act';
import { isRendered, whyUnusable } from '../dom/usable';
import { waitFor } from '../dom/wait';

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
    const item = await waitFor(() => optionsOf(control).find(usable), { signal: opts.signal, timeoutMs: CHOICE_SETTLE_MS });
    if (!item) return 'no-option';
    press(item);
  }
  return (await waitFor(shown, { signal: opts.signal, timeoutMs: CHOICE_SETTLE_MS })) ? 'chosen' : 'not-shown';
}
