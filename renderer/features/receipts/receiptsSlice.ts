import type { Language, Receipt, ReceiptError, ReceiptLanguage } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

/** The receipt is printed in Kazakh or Russian; an operator working in English hands out the Russian one. */
export function receiptLanguageFor(language: Language): ReceiptLanguage {
  return language === 'kk' ? 'kk' : 'ru';
}

export interface ReceiptsActions {
  /**
   * Asks main for the receipt of an application, in the interface's language. Nothing is kept in the
   * store: the PDF is handed to the printer or saved at once, and asked for again on a reprint (so a
   * reprint after registration shows the registration number).
   */
  fetchReceipt(applicationId: string): Promise<Result<Receipt, ReceiptError>>;
}

export type ReceiptsSlice = ReceiptsActions;

export const createReceiptsSlice: SliceCreator<ReceiptsSlice> = ({ get, api }) => ({
  async fetchReceipt(applicationId) {
    const result = await api.receipts.forApplication(applicationId, receiptLanguageFor(get().language));
    if (!result.ok && result.error.kind === 'not-signed-in') get().endExpiredSession();
    return result;
  },
});
