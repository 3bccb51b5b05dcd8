import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../shared/schemas/themes';
import { ERROR_CODES } from '../../shared/errors';

const LOCALES = join(import.meta.dirname, '../../renderer/src/i18n/locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Each language's files merged, refusing a key defined in two files. */
function loadLanguage(lang: string): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const file of readdirSync(join(LOCALES, lang))) {
    const tree = JSON.parse(readFileSync(join(LOCALES, lang, file), 'utf8')) as Record<string, unknown>;
    for (const [key, value] of Object.entries(tree)) {
      if (key in merged) throw new Error(`${lang}/${file} redefines "${key}"`);
      merged[key] = value;
    }
  }
  return merged;
}

const locales = Object.fromEntries(readdirSync(LOCALES).map((lang) => [lang, loadLanguage(lang)]));
/** Plural forms differ by language (Arabic has six), so keys are compared without their plural suffix. */
const baseKeys = (lang: string) => new Set(keys(locales[lang]).map((k) => k.replace(PLURAL, '')));

describe('translations', () => {
  it('exist for English, French and Arabic, with the same files', () => {
    expect(Object.keys(locales).sort()).toEqual(['ar', 'en', 'fr']);
    const files = (lang: string) => readdirSync(join(LOCALES, lang)).sort();
    expect(files('fr')).toEqual(files('en'));
    expect(files('ar')).toEqual(files('en'));
  });

  it.each(['fr', 'ar'])('%s has every English key and no extra one', (lang) => {
    const en = baseKeys('en');
    const other = baseKeys(lang);
    expect([...en].filter((k) => !other.has(k))).toEqual([]);
    expect([...other].filter((k) => !en.has(k))).toEqual([]);
  });

  it.each(['en', 'fr', 'ar'])('%s has no empty string', (lang) => {
    const empty = keys(locales[lang]).filter((k) => {
      const value = k.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], locales[lang]);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('labels every theme and every error code', () => {
    const en = baseKeys('en');
    for (const theme of THEMES) expect(en.has(`themes.${theme}`), theme).toBe(true);
    for (const code of ERROR_CODES) expect(en.has(`errors.code.${code}`), code).toBe(true);
  });

  it('uses the same interpolation variables in every language', () => {
    const vars = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const enKeys = keys(locales['en']).filter((k) => !PLURAL.test(k));
    for (const lang of ['fr', 'ar']) {
      for (const key of enKeys) {
        const read = (l: string) => key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], locales[l]) as string;
        expect(vars(read(lang)), `${lang}:${key}`).toEqual(vars(read('en')));
      }
    }
  });

  it('gives Arabic all six plural forms wherever English has a plural', () => {
    const ar = new Set(keys(locales['ar']));
    const groups = new Set(keys(locales['en']).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    const incomplete = [...groups].filter((group) => ['zero', 'one', 'two', 'few', 'many', 'other'].some((form) => !ar.has(`${group}_${form}`)));
    expect(incomplete).toEqual([]);
  });

  it.each(['en', 'fr', 'ar'])('%s shows every {{count}} through plural rules', (lang) => {
    const read = (key: string) => key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], locales[lang]);
    const counted = keys(locales[lang]).filter((k) => String(read(k)).includes('{{count}}') && !PLURAL.test(k));
    expect(counted).toEqual([]);
  });
});
