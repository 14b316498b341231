// WXT's fake browser has no i18n: this plays Chrome's getMessage on our English messages.json, placeholders and
// all, so unit tests read the sentences users read.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export interface LocaleMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
export type LocaleMessages = Record<string, LocaleMessage>;

export const LOCALES_DIR = resolve(import.meta.dirname, '../../public/_locales');

export function readLocale(locale: string): LocaleMessages {
  return JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as LocaleMessages;
}

/** Chrome's rules: $name$ → the placeholder's content, whose $1…$9 take the substitutions; $$ is a dollar. */
export function format(entry: LocaleMessage | undefined, substitutions: string[]): string {
  if (!entry) return '';
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    })
    .replace(/\$\$/g, '$');
}

const english = readLocale('en');
(fakeBrowser.i18n as unknown as { getMessage: (key: string, subs?: string | string[]) => string }).getMessage = (key, subs) =>
  format(english[key], subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
(fakeBrowser.i18n as unknown as { getUILanguage: () => string }).getUILanguage = () => 'en';
