import { saveBlob } from '../receipts/receiptOutput';

/**
 * Hands a CSV from main to the disk as receipts are saved. The text already carries main's BOM, so
 * spreadsheet programs in kk/ru locales read it as UTF-8.
 */
export function saveCsv(csv: string, fileName: string, doc: Document = document): void {
  saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName, doc);
}
