import type { Translator } from '../../i18n/translator';
import type { NormDuration } from './regulationNorms';

type Unit = 'units.seconds' | 'units.minutes';

function unitOf(seconds: number): { readonly unit: Unit; readonly value: number } {
  return seconds < 60 ? { unit: 'units.seconds', value: seconds } : { unit: 'units.minutes', value: seconds / 60 };
}

/** «30 сек», «1,5 мин», «10–15 сек», «30 сек – 5 мин»: the way the regulations print them. */
export function formatNormDuration(norm: NormDuration, translator: Pick<Translator, 't' | 'formatNumber'>): string {
  const from = unitOf(norm.fromSeconds);
  if (norm.toSeconds === undefined) return translator.t(from.unit, { value: translator.formatNumber(from.value) });
  const to = unitOf(norm.toSeconds);
  if (from.unit === to.unit) {
    return translator.t(from.unit, { value: `${translator.formatNumber(from.value)}–${translator.formatNumber(to.value)}` });
  }
  const fromText = translator.t(from.unit, { value: translator.formatNumber(from.value) });
  const toText = translator.t(to.unit, { value: translator.formatNumber(to.value) });
  return `${fromText} – ${toText}`;
}
