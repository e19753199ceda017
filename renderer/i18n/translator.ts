import type { Language } from '../../core/contract';
import { en } from './messages.en';
import { kk } from './messages.kk';
import { ru } from './messages.ru';
import { PLURAL_CATEGORIES, type Message, type MessageCatalog, type MessageKey, type MessageParams, type PluralBase } from './messageCatalog';

export const CATALOGS: Readonly<Record<Language, MessageCatalog>> = { kk, ru, en };

/** BCP 47 tags for Intl; Kazakhstan's conventions (decimal comma, DD.MM.YYYY) for kk and ru. */
const LOCALE_TAGS: Readonly<Record<Language, string>> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

export interface Translator {
  readonly language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  /** Renders a message chosen earlier (an error, a hint). */
  render(message: Message): string;
  /** Picks the plural form for `count` by the language's rules; `{count}` is filled in. */
  plural(base: PluralBase, count: number, params?: MessageParams): string;
  formatNumber(value: number): string;
  /** `YYYY-MM-DD` as DD.MM.YYYY, the way dates are printed on Kazakhstan's ID documents. */
  formatDate(isoDate: string): string;
  /** An ISO instant as local DD.MM.YYYY HH:MM. */
  formatDateTime(isoDateTime: string): string;
  /** An ISO instant as local HH:MM, or HH:MM:SS with `seconds`. */
  formatTime(isoDateTime: string, options?: { readonly seconds?: boolean }): string;
  formatBytes(bytes: number): string;
}

function fill(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

export function createTranslator(language: Language): Translator {
  const catalog = CATALOGS[language];
  const locale = LOCALE_TAGS[language];
  const pluralRules = new Intl.PluralRules(locale);
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  const translator: Translator = {
    language,
    t: (key, params) => fill(catalog[key], params),
    render: (message) => fill(catalog[message.key], message.params),
    plural(base, count, params) {
      const rule = pluralRules.select(count);
      const category = PLURAL_CATEGORIES.find((candidate) => candidate === rule) ?? 'other';
      return fill(catalog[`${base}.${category}`], { ...params, count: numberFormat.format(count) });
    },
    formatNumber: (value) => numberFormat.format(value),
    formatDate(isoDate) {
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
      return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDate;
    },
    formatDateTime(isoDateTime) {
      const date = new Date(isoDateTime);
      if (Number.isNaN(date.getTime())) return isoDateTime;
      return `${pad2(date.getDate())}.${pad2(date.getMonth() + 1)}.${date.getFullYear()} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
    },
    formatTime(isoDateTime, options) {
      const date = new Date(isoDateTime);
      if (Number.isNaN(date.getTime())) return isoDateTime;
      const minutes = `${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
      return options?.seconds === true ? `${minutes}:${pad2(date.getSeconds())}` : minutes;
    },
    formatBytes(bytes) {
      if (bytes < 1024) return fill(catalog['units.bytes'], { value: numberFormat.format(bytes) });
      if (bytes < 1024 * 1024) return fill(catalog['units.kilobytes'], { value: numberFormat.format(bytes / 1024) });
      return fill(catalog['units.megabytes'], { value: numberFormat.format(bytes / (1024 * 1024)) });
    },
  };
  return translator;
}
