import { assertNever } from '../../../core/result';
import type { Message } from '../../i18n/messageCatalog';
import type { IdentifierFeedback } from './applicantSelectors';

export interface IdentifierFeedbackText {
  readonly tone: 'error' | 'progress' | 'valid';
  readonly message: Message;
}

/** Distinct text for each way a typed IIN/BIN can be wrong; null while the field is empty. */
export function identifierFeedbackText(feedback: IdentifierFeedback): IdentifierFeedbackText | null {
  switch (feedback.kind) {
    case 'empty':
      return null;
    case 'typing':
      return { tone: 'progress', message: { key: 'applicant.typing', params: { length: feedback.length } } };
    case 'valid':
      return { tone: 'valid', message: { key: 'identifier.valid' } };
    case 'not-digits':
      return { tone: 'error', message: { key: 'identifier.notDigits' } };
    case 'wrong-length':
      return { tone: 'error', message: { key: 'identifier.wrongLength', params: { length: feedback.length } } };
    case 'checksum-mismatch':
      return { tone: 'error', message: { key: 'identifier.checksumMismatch' } };
    case 'no-check-digit':
      return { tone: 'error', message: { key: 'identifier.noCheckDigit' } };
    default:
      return assertNever(feedback);
  }
}
