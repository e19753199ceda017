import type { NormDuration } from '../../../core/catalog/catalogSchema';
import type { Translator } from '../../i18n/translator';

type Unit = 'units.seconds' | 'units.minutes';

function unitOf(seconds: number): { readonly unit: Unit; readonly value: number } {
  return seconds < 60 ? { unit: 'units.seconds', value: seconds } : { unit: 'units.minutes', value: seconds / 60 };
}

/**
 * The norm in the interface language: «30 сек», «1,5 мин», «10–15 сек», «30 сек – 5 мин». The
 * regulation's own words are in `norm.quoteKk`; the step bar shows both.
 */
export function formatNormDuration(norm: NormDuration, translator: Pick<Translator, 't' | 'formatNumber'>): string {
  const from = unitOf(norm.minSeconds);
  if (norm.maxSeconds === norm.minSeconds) return translator.t(from.unit, { value: translator.formatNumber(from.value) });
  const to = unitOf(norm.maxSeconds);
  if (from.unit === to.unit) {
    return translator.t(from.unit, { value: `${translator.formatNumber(from.value)}–${translator.formatNumber(to.value)}` });
  }
  const fromText = translator.t(from.unit, { value: translator.formatNumber(from.value) });
  const toText = translator.t(to.unit, { value: translator.formatNumber(to.value) });
  return `${fromText} – ${toText}`;
}
