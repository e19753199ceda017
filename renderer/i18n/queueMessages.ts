/**
 * What the operator reads when an action on a queued application did not happen. Switches end in
 * assertNever, so an error kind added to the queue contract fails to compile here until it has its
 * own text in kk, ru and en.
 */
import { assertNever } from '../../core/result';
import type { QueueActionFailure } from '../features/queue/queueSlice';
import type { Message } from './messageCatalog';
import { signingProblemMessage, type SigningDateFormats } from './signingMessages';

export function queueActionFailureMessage(failure: QueueActionFailure, formats: SigningDateFormats): Message {
  const { error } = failure;
  switch (error.kind) {
    case 'not-found':
      return { key: 'error.queue.notFound' };
    case 'not-pending':
      return { key: 'error.queue.notPending' };
    case 'not-signed-payload':
      return { key: 'error.queue.notSignedPayload' };
    // The key's own words (wrong password, expired, revoked…), as when signing at the counter.
    case 'signing-failed':
      return signingProblemMessage(error.problem, formats);
    default:
      return assertNever(error);
  }
}
