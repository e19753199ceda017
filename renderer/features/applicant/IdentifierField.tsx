import type { ReactNode, RefObject } from 'react';
import type { ApplicantKind } from '../../../core/catalog/catalogSchema';
import { useTranslator } from '../../i18n/useTranslator';
import type { IdentifierFeedback } from './applicantSelectors';
import { identifierFeedbackText } from './identifierFeedbackMessage';

/** The 12-digit IIN/BIN box with its hint and live check (digits, length, check digit). */
export function IdentifierField({
  kind,
  value,
  feedback,
  inputRef,
  action,
  onChange,
}: {
  readonly kind: ApplicantKind;
  readonly value: string;
  readonly feedback: IdentifierFeedback;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  /** Shown beside the input (the Lookup button), so it follows the input in tab order. */
  readonly action: ReactNode;
  readonly onChange: (value: string) => void;
}) {
  const { t, render } = useTranslator();
  const text = identifierFeedbackText(feedback);
  const isError = text?.tone === 'error';
  return (
    <div className="field">
      <label className="field__label" htmlFor="applicant-identifier">
        {t(kind === 'individual' ? 'applicant.iin' : 'applicant.bin')}
      </label>
      <div className="field__row">
        <input
          ref={inputRef}
          id="applicant-identifier"
          className="field__input field__input--identifier"
          data-testid="applicant-id"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-invalid={isError}
          aria-describedby="applicant-identifier-hint applicant-identifier-feedback"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        {action}
      </div>
      <p id="applicant-identifier-hint" className="field__hint">
        {t(kind === 'individual' ? 'applicant.iinHint' : 'applicant.binHint')}
      </p>
      <p
        id="applicant-identifier-feedback"
        className={`field__feedback field__feedback--${text?.tone ?? 'none'}`}
        data-testid={isError ? 'applicant-id-error' : undefined}
        aria-live="polite"
      >
        {text ? render(text.message) : ''}
      </p>
    </div>
  );
}
