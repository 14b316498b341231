// Acting on a page as a person's input would: the value goes through the element's native setter followed by
// the input and change events frameworks listen to, and every click is a full pointer sequence. What a probe
// learnt about the page is void once we acted on it (task-memo.ts).
import { actedOnPage } from './task-memo';

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
 * `stillTheField` runs once the field has focus, before the value goes in: a page that turns the field into
 * something else on focus (hidden, moved away, unreadable) gets nothing. Returns whether the value went in.
 */
export function typeInto(el: TextField, value: string, stillTheField: () => boolean = () => true): boolean {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  el.focus();
  el.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  actedOnPage();
  const typing = stillTheField();
  if (typing) {
    if (setter) setter.call(el, value);
    else el.value = value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText' }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  el.blur();
  actedOnPage();
  return typing;
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
  actedOnPage();
}

export function isChecked(el: Element): boolean {
  if (el instanceof HTMLInputElement) return el.checked;
  return el.getAttribute('aria-checked') === 'true';
}
