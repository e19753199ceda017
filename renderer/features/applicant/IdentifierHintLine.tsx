import type { ApplicantKind } from '../../../core/catalog/catalogSchema';
import { useTranslator } from '../../i18n/useTranslator';
import { localToday } from '../../ui/localToday';
import { describeIdentifierHint, formatIdentifierHint } from './identifierHints';

/** The digits' suggestion under an IIN/BIN field, marked as a hint; nothing while the number is not valid. */
export function IdentifierHintLine({ kind, value }: { readonly kind: ApplicantKind; readonly value: string }) {
  const translator = useTranslator();
  const hint = describeIdentifierHint(kind, value, localToday());
  if (hint === null) return null;
  return (
    <p className="field__hint field__hint--derived" data-testid="identifier-hint" title={translator.t('hint.disclaimer')}>
      {formatIdentifierHint(hint, translator)}
    </p>
  );
}
