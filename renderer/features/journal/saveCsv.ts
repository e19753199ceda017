/**
 * Hands a CSV from main to the disk through an `<a download>` on a blob URL, as receipts are saved
 * (receipts/receiptOutput.ts). The text already carries main's BOM, so spreadsheet programs in
 * kk/ru locales read it as UTF-8.
 */
export function saveCsv(csv: string, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
