import type { kk } from './messages.kk';

export type MessageKey = keyof typeof kk;

/** A translation: exactly the Kazakh keys, no more, no fewer. */
export type MessageCatalog = Readonly<Record<MessageKey, string>>;

export type MessageParams = Readonly<Record<string, string | number>>;

/** A message chosen by logic (e.g. for an error kind) and rendered later in the current language. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export const PLURAL_CATEGORIES = ['one', 'few', 'many', 'other'] as const;
type PluralCategory = (typeof PLURAL_CATEGORIES)[number];
type PluralBaseOf<K> = K extends `${infer Base}.one` ? Base : never;

/** Message families that have every plural form, e.g. 'deadline.workingDays'. */
export type PluralBase = {
  [Base in PluralBaseOf<MessageKey>]: `${Base}.${PluralCategory}` extends MessageKey ? Base : never;
}[PluralBaseOf<MessageKey>];
