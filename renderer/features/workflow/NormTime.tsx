import type { NormDuration } from '../../../core/catalog/catalogSchema';
import { useTranslator } from '../../i18n/useTranslator';
import { formatNormDuration } from './formatNormDuration';

/** A norm time in the interface language, with the regulation's printed words beneath it. */
export function NormTime({ norm, className }: { readonly norm: NormDuration; readonly className: string }) {
  const translator = useTranslator();
  return (
    <span className={className}>
      <span className={`${className}-value`}>{translator.t('step.norm', { duration: formatNormDuration(norm, translator) })}</span>
      <span className={`${className}-quote`}>{translator.t('step.normQuote', { quote: norm.quoteKk })}</span>
    </span>
  );
}
