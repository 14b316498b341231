// Every locale has every key of the English source, with the same placeholders, and each sentence uses exactly
// the placeholders it declares: a missing or mistyped one would show users a raw "$NAME$" or an empty slot.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, format, readLocale, type LocaleMessage } from './i18n-fake';

const REQUIRED_LOCALES = ['en', 'de', 'fr', 'es', 'ja'];
const locales = readdirSync(LOCALES_DIR);
const english = readLocale('en');

function usedPlaceholders(entry: LocaleMessage): string[] {
  return [...new Set([...entry.message.matchAll(/\$([a-z0-9_]+)\$/gi)].map((m) => m[1]!.toLowerCase()))].sort();
}

function declared(entry: LocaleMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
}

describe('locales', () => {
  it('include English, German, French, Spanish and Japanese', () => {
    expect(locales).toEqual(expect.arrayContaining(REQUIRED_LOCALES));
  });

  describe.each(locales)('%s', (locale) => {
    const messages = readLocale(locale);
    it('has exactly the keys of the English source', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    });
    it.each(Object.keys(english))('%s: same placeholders as English, each used and none left raw', (key) => {
      const entry = messages[key]!;
      expect(entry.message.trim()).not.toBe('');
      expect(declared(entry)).toEqual(declared(english[key]!));
      expect(usedPlaceholders(entry)).toEqual(Object.keys(declared(entry)).sort());
      const subs = ['A1', 'B2', 'C3', 'D4'];
      expect(format(entry, subs)).not.toMatch(/\$[a-z0-9_]+\$/i);
    });
  });

  it('names in the manifest resolve', () => {
    const config = readFileSync(resolve(import.meta.dirname, '../../wxt.config.ts'), 'utf8');
    for (const [, key] of config.matchAll(/__MSG_(\w+)__/g)) expect(english).toHaveProperty(key!);
  });
});
