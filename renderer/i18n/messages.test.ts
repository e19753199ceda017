import { describe, expect, it } from 'vitest';
import { en } from './messages.en';
import { kk } from './messages.kk';
import { ru } from './messages.ru';
import { PLURAL_CATEGORIES } from './messageCatalog';

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogs', () => {
  const kkKeys = Object.keys(kk).sort();

  it.each([
    ['ru', ru],
    ['en', en],
  ] as const)('%s has exactly the Kazakh keys', (_name, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(kkKeys);
  });

  it.each(kkKeys)('%s uses the same placeholders in kk, ru and en', (key) => {
    const k = key as keyof typeof kk;
    expect(placeholdersOf(ru[k])).toEqual(placeholdersOf(kk[k]));
    expect(placeholdersOf(en[k])).toEqual(placeholdersOf(kk[k]));
  });

  it('has no empty or padded text in any language', () => {
    for (const catalog of [kk, ru, en]) {
      for (const text of Object.values(catalog)) {
        expect(text.trim()).toBe(text);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  it('gives every plural family all four forms', () => {
    const families = kkKeys.filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -'.one'.length));
    expect(families.length).toBeGreaterThan(0);
    for (const family of families) {
      for (const category of PLURAL_CATEGORIES) expect(kkKeys).toContain(`${family}.${category}`);
    }
  });

  it('writes the Kazakh catalog in Kazakh, not as a copy of Russian', () => {
    expect(Object.values(kk).join(' ')).toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
    // Words Kazakh shares with Russian (Логин, Оператор, Сервер, Файл, units); anything else identical is a missed translation.
    const sharedOnPurpose = new Set([
      'about.backend.configured', 'login.username', 'header.operator', 'units.bytes', 'units.kilobytes', 'units.megabytes',
      'units.seconds', 'units.minutes', 'hint.unit.branch', 'scanner.title', 'scanner.device', 'scanner.dpi',
    ]);
    const identical = kkKeys.filter((key) => kk[key as keyof typeof kk] === ru[key as keyof typeof kk]);
    expect(identical.filter((key) => !sharedOnPurpose.has(key))).toEqual([]);
  });

  it('quotes the regulation for a registry miss: data cannot be obtained', () => {
    expect(kk['error.lookup.notFound']).toBe('Деректерді алу мүмкін емес.');
    expect(ru['error.lookup.notFound']).toBe('Получение данных невозможно.');
    expect(en['error.lookup.notFound']).toBe('The data cannot be obtained.');
  });
});
