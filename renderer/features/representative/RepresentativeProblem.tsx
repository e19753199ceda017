import type { RepresentativeError } from '../../../core/contract';
import { powerOfAttorneyProblemMessage, representativeErrorMessage } from '../../i18n/contractErrorMessages';
import { useTranslator } from '../../i18n/useTranslator';
import { Notice } from '../../ui/Notice';
import { ApplicationStopped } from '../applicant/ApplicationStopped';

/**
 * Why the representative was not accepted. A person or notarised PoA missing from the registry is
 * the regulation's terminal "data cannot be obtained" stop ([14] W3-F covers both); an invalid PoA
 * can be corrected or the representative removed; the other answers explain themselves.
 */
export function RepresentativeProblem({
  error,
  onCorrectPoaNumber,
  onRemove,
}: {
  readonly error: RepresentativeError;
  readonly onCorrectPoaNumber: () => void;
  readonly onRemove: () => void;
}) {
  const { t, render, formatDate } = useTranslator();
  const text = render(representativeErrorMessage(error, (problem) => render(powerOfAttorneyProblemMessage(problem, formatDate))));

  if (error.kind === 'not-found' || error.kind === 'power-of-attorney-not-found') {
    return <ApplicationStopped reason={text} testId="representative-error" />;
  }
  const canRemove = error.kind === 'power-of-attorney-invalid' || error.kind === 'same-as-applicant' || error.kind === 'representative-not-eligible';
  return (
    <Notice tone="error" testId="representative-error">
      <p className="notice__title">{text}</p>
      {error.kind === 'power-of-attorney-invalid' && <p>{t('error.representative.poaInvalidNext')}</p>}
      {canRemove && (
        <div className="notice__actions">
          {error.kind === 'power-of-attorney-invalid' && (
            <button type="button" className="button" data-testid="poa-correct" onClick={onCorrectPoaNumber}>
              {t('representative.correctPoa')}
            </button>
          )}
          <button type="button" className="button" data-testid="representative-remove" onClick={onRemove}>
            {t('representative.remove')}
          </button>
        </div>
      )}
    </Notice>
  );
}
