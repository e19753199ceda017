import type { PrintError, PrintFailureReason, PrintOutcome } from '../../../core/contract';
import type { Message, MessageKey } from '../../i18n/messageCatalog';

const FAILURE_KEYS: Readonly<Record<PrintFailureReason, MessageKey>> = {
  'printer-not-found': 'print.failed.printerNotFound',
  'printer-stopped': 'print.failed.printerStopped',
  'printer-offline': 'print.failed.printerOffline',
  'no-paper': 'print.failed.noPaper',
  'paper-jam': 'print.failed.paperJam',
  'door-open': 'print.failed.doorOpen',
  'toner-empty': 'print.failed.tonerEmpty',
  'not-accepting': 'print.failed.notAccepting',
  'print-system-unavailable': 'print.failed.systemUnavailable',
  'job-failed': 'print.failed.jobFailed',
};

export function printFailureMessage(reason: PrintFailureReason, printer: string): Message {
  return { key: FAILURE_KEYS[reason], params: { printer } };
}

/** What the operator is told after a print: null when the dialog takes over (it speaks for itself). */
export function printOutcomeMessage(outcome: PrintOutcome): Message | null {
  switch (outcome.kind) {
    case 'printed':
      return { key: 'print.done', params: { printer: outcome.printer } };
    case 'queued':
      return { key: 'print.queued', params: { printer: outcome.printer } };
    case 'use-dialog':
      return null;
  }
}

export function printErrorMessage(error: Exclude<PrintError, { kind: 'not-signed-in' }>): Message {
  return error.kind === 'print-failed' ? printFailureMessage(error.reason, error.printer) : { key: 'print.failed.notFound' };
}
