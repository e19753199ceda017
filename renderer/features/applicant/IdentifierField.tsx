import type { ReactNode, RefObject } from 'react';
import { useTranslator } from '../../i18n/useTranslator';
import type { IdentifierFeedback } from './applicantSelectors';
import { identifierFeedbackText } from './identifierFeedbackMessage';

/**
 * A 12-digit IIN/BIN box with its description, live check (digits, length, check digit) and, below,
 * whatever hint the caller derives from the digits. Used for the applicant and the representative.
 */
export function IdentifierField({
  inputId,
  testId,
  errorTestId,
  label,
  description,
  value,
  feedback,
  inputRef,
  action,
  hint,
  autoFocus = false,
  onChange,
}: {
  readonly inputId: string;
  readonly testId: string;
  /** Set on the feedback line while it reports an error. */
  readonly errorTestId: string;
  readonly label: string;
  readonly description: string;
  readonly value: string;
  readonly feedback: IdentifierFeedback;
  readonly inputRef?: RefObject<HTMLInputElement | null>;
  /** Shown beside the input (a Lookup button), so it follows the input in tab order. */
  readonly action?: ReactNode;
  readonly hint?: ReactNode;
  readonly autoFocus?: boolean;
  readonly onChange: (value: string) => void;
}) {
  const { render } = useTranslator();
  const text = identifierFeedbackText(feedback);
  const isError = text?.tone === 'error';
  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="field__row">
        <input
          ref={inputRef}
          id={inputId}
          className="field__input field__input--identifier"
          data-testid={testId}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-invalid={isError}
          aria-describedby={`${inputId}-description ${inputId}-feedback`}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
        {action}
      </div>
      <p id={`${inputId}-description`} className="field__hint">
        {description}
      </p>
      <p
        id={`${inputId}-feedback`}
        className={`field__feedback field__feedback--${text?.tone ?? 'none'}`}
        data-testid={isError ? errorTestId : undefined}
        aria-live="polite"
      >
        {text ? render(text.message) : ''}
      </p>
      {hint}
    </div>
  );
}
