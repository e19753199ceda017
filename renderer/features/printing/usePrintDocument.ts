import { useCallback } from 'react';
import type { PrintDocument, PrintedDocument } from '../../../core/contract';
import type { Message } from '../../i18n/messageCatalog';
import { useWorkstation } from '../../store/StoreProvider';
import { base64ToBytes, printPdf } from '../receipts/receiptOutput';
import { printErrorMessage, printOutcomeMessage } from './printMessages';

export type PrintFeedback =
  | { readonly kind: 'none' }
  | { readonly kind: 'done'; readonly message: Message }
  /** The job failed: the message says why; `document` can still be saved. */
  | { readonly kind: 'failed'; readonly message: Message; readonly document: PrintedDocument | null };

/**
 * One key prints (issue 15 item 1): main prints on the counter's printer; where it answers
 * `use-dialog` (no print system, or no printer chosen) the browser's print dialog opens instead.
 */
export function usePrintDocument(): (document: PrintDocument) => Promise<PrintFeedback> {
  const printDocument = useWorkstation((state) => state.printDocument);
  return useCallback(
    async (document: PrintDocument) => {
      const outcome = await printDocument(document);
      if (!outcome.ok) {
        if (outcome.error.kind === 'not-signed-in') return { kind: 'none' };
        return { kind: 'failed', message: printErrorMessage(outcome.error), document: outcome.error.kind === 'print-failed' ? outcome.error.document : null };
      }
      if (outcome.value.kind === 'use-dialog') {
        printPdf(base64ToBytes(outcome.value.document.pdfBase64));
        return { kind: 'none' };
      }
      const message = printOutcomeMessage(outcome.value);
      return message ? { kind: 'done', message } : { kind: 'none' };
    },
    [printDocument],
  );
}
