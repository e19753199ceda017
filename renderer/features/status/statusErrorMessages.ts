/**
 * One operator message per error kind of the `status` area. Each switch ends in assertNever, so a
 * kind added to the contract fails to compile here until it has its own text in kk, ru and en.
 */
import type { HandOverError, ResultError, StatusError } from '../../../core/contract';
import { assertNever } from '../../../core/result';
import type { Message } from '../../i18n/messageCatalog';

/** status.refresh */
export function statusErrorMessage(error: StatusError): Message {
  switch (error.kind) {
    case 'not-signed-in':
      return { key: 'error.notSignedIn' };
    case 'not-found':
      return { key: 'status.error.notFound' };
    case 'not-registered':
      return { key: 'status.error.notRegistered' };
    case 'backend-unavailable':
      return { key: 'status.error.backendUnavailable' };
    default:
      return assertNever(error);
  }
}

/** status.result */
export function resultErrorMessage(error: ResultError): Message {
  switch (error.kind) {
    case 'no-result-yet':
      return { key: 'status.error.noResultYet' };
    case 'backend-unavailable':
      return { key: 'status.error.resultUnavailable' };
    case 'not-signed-in':
    case 'not-found':
    case 'not-registered':
      return statusErrorMessage(error);
    default:
      return assertNever(error);
  }
}

/** status.handOver; `formatTime` renders the earlier hand-over's time. */
export function handOverErrorMessage(error: HandOverError, formatTime: (iso: string) => string): Message {
  switch (error.kind) {
    case 'not-signed-in':
      return { key: 'error.notSignedIn' };
    case 'not-found':
      return { key: 'status.error.notFound' };
    case 'not-ready':
      return { key: 'handover.error.notReady' };
    case 'already-handed-over':
      return { key: 'handover.why.alreadyHandedOver', params: { time: formatTime(error.handedOverAt) } };
    default:
      return assertNever(error);
  }
}
