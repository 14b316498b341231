// Acting on a page as a person's input would: the value goes through the element's native setter followed by
// the input and change events frameworks listen to, and every click is a full pointer sequence.

type TextField = HTMLInputElement | HTMLTextAreaElement;

export function isTextField(el: Element): el is TextField {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
}

export function readField(el: Element): string {
  return isTextField(el) ? el.value : (el.textContent ?? '');
}

/**
 * Types a value into a field so that React-style controlled inputs take it into their state: the prototype's
 * setter bypasses any instance-level value tracker, and the input event makes the framework read the new value.
 */
export function typeInto(el: TextField, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  el.focus();
  el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  el.blur();
}

/** A person's click: pointer and mouse events in order, then click. */
export function press(el: Element): void {
  const rect = el.getBoundingClientRect();
  const at = { bubbles: true, cancelable: true, composed: true, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
  el.dispatchEvent(new PointerEvent('pointerdown', { ...at, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new MouseEvent('mousedown', at));
  if (el instanceof HTMLElement) el.focus();
  el.dispatchEvent(new PointerEvent('pointerup', { ...at, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new MouseEvent('mouseup', at));
  if (el instanceof HTMLElement) el.click();
  else el.dispatchEvent(new MouseEvent('click', at));
}

export function isChecked(el: Element): boolean {
  if (el instanceof HTMLInputElement) return el.checked;
  return el.getAttribute('aria-checked') === 'true';
}

/** The text of an element as a person sees it, without hidden icons and without an open list of options inside. */
function shownText(el: Element): string {
  let text = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest('[aria-hidden="true"], [role=listbox], option')) text += ` ${node.textContent}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** What a choice control shows as chosen: a select's selected option, a combobox's value, a group's checked radio. */
export function shownChoice(el: Element): string {
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.text.trim() ?? '';
  if (el instanceof HTMLInputElement) return el.value.trim();
  const checked = el.querySelector('input[type=radio]:checked, [role=radio][aria-checked=true]');
  if (checked) return radioName(checked);
  return shownText(el);
}

function radioName(radio: Element): string {
  const label = radio instanceof HTMLInputElement ? radio.labels?.[0] : undefined;
  return (radio.getAttribute('aria-label') ?? label?.textContent ?? radio.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Chooses an option of a native select as a person's choice does: the option becomes selected through the
 * prototype's setter, then the input and change events frameworks listen to fire. False when no option matches.
 */
export function selectNative(select: HTMLSelectElement, option: RegExp): boolean {
  const wanted = Array.from(select.options).find((o) => !o.disabled && option.test(o.text.trim()));
  if (!wanted) return false;
  select.focus();
  const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')?.set;
  if (setter) setter.call(select, wanted.value);
  else select.value = wanted.value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  select.blur();
  return true;
}

/** The radio of a group (radiogroup, fieldset) whose name matches, if any. */
export function radioIn(group: Element, option: RegExp): Element | undefined {
  return Array.from(group.querySelectorAll('input[type=radio], [role=radio]')).find((radio) => option.test(radioName(radio)));
}

/** The options a combobox offers: in the list it controls or owns, else any list open in the document (a callout). */
export function optionsOf(combobox: Element): Element[] {
  const doc = combobox.ownerDocument;
  const ids = `${combobox.getAttribute('aria-controls') ?? ''} ${combobox.getAttribute('aria-owns') ?? ''}`.trim().split(/\s+/);
  const lists = ids.map((id) => (id ? doc.getElementById(id) : null)).filter((list): list is HTMLElement => !!list);
  const roots: ParentNode[] = lists.length ? lists : [doc];
  return roots.flatMap((root) => Array.from(root.querySelectorAll('[role=option]')));
}
