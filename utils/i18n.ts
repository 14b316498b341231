// Every user-visible string goes through the browser's own i18n (public/_locales): no library, nothing added to
// content-script bundles but this wrapper. English (en) is the source locale.
import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/** The message for `key` in the browser's language, with $1…$9 filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // A missing key shows itself rather than an empty string, so a gap is visible and reported.
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** The language the messages are in (each messages.json names its own), for <html lang>. */
export function messagesLocale(): string {
  return t('htmlLang');
}
