import type { RefObject } from 'react';
import { assertNever } from '../../../core/result';
import type { Message } from '../../i18n/messageCatalog';
import { useTranslator } from '../../i18n/useTranslator';
import { useWorkstation, useWorkstationShallow } from '../../store/StoreProvider';
import { selectPoaKind, selectPoaNumberFeedback, selectPoaNumberInput, type PoaNumberFeedback } from './representativeSelectors';
import type { PoaKind } from './representativeSlice';

const KINDS: readonly PoaKind[] = ['notarised', 'other'];

function poaNumberError(feedback: PoaNumberFeedback): Message | null {
  switch (feedback.kind) {
    case 'empty':
    case 'valid':
      return null;
    case 'required':
      return { key: 'poaNumber.required' };
    case 'too-long':
      return { key: 'poaNumber.tooLong', params: { length: feedback.length, max: feedback.max } };
    case 'invalid-characters':
      return { key: 'poaNumber.invalidCharacters' };
    default:
      return assertNever(feedback);
  }
}

/**
 * [14] W2: «сенімхат нотариалды түрде расталған кезде» the PoA data are entered (here its number,
 * looked up in БНАЖ); «сенімхат басқаша расталған кезде сенімхаттың деректері толтырылмайды».
 */
export function PowerOfAttorneyFields({ numberRef }: { readonly numberRef: RefObject<HTMLInputElement | null> }) {
  const { t, render } = useTranslator();
  const kind = useWorkstation(selectPoaKind);
  const number = useWorkstation(selectPoaNumberInput);
  const feedback = useWorkstationShallow(selectPoaNumberFeedback);
  const choosePoaKind = useWorkstation((state) => state.choosePoaKind);
  const editPoaNumber = useWorkstation((state) => state.editPoaNumber);
  const error = poaNumberError(feedback);

  return (
    <fieldset className="poa">
      <legend className="field__label">{t('representative.poaKindLabel')}</legend>
      <div className="poa__kinds">
        {KINDS.map((option) => (
          <label key={option} className="radio">
            <input
              type="radio"
              name="poa-kind"
              data-testid={`poa-kind-${option}`}
              checked={kind === option}
              onChange={() => choosePoaKind(option)}
            />
            <span>{t(option === 'notarised' ? 'representative.poaKind.notarised' : 'representative.poaKind.other')}</span>
          </label>
        ))}
      </div>
      {kind === 'notarised' ? (
        <div className="field">
          <label className="field__label" htmlFor="poa-number">
            {t('representative.poaNumber')}
          </label>
          <input
            ref={numberRef}
            id="poa-number"
            className="field__input field__input--poa"
            data-testid="poa-number"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby="poa-number-description poa-number-feedback"
            value={number}
            onChange={(event) => editPoaNumber(event.target.value)}
          />
          <p id="poa-number-description" className="field__hint">
            {t('representative.poaNumberHint')}
          </p>
          <p
            id="poa-number-feedback"
            className={`field__feedback field__feedback--${error ? 'error' : 'none'}`}
            data-testid={error ? 'poa-number-error' : undefined}
            aria-live="polite"
          >
            {error ? render(error) : ''}
          </p>
        </div>
      ) : (
        <p className="field__hint" data-testid="poa-other-explained">
          {t('representative.poaOtherExplained')}
        </p>
      )}
    </fieldset>
  );
}
