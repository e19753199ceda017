/**
 * Training mode on paper (issue 15 item 3): wraps the two contract methods that hand a printable
 * PDF to the renderer (and to the printer), so every receipt and result a training workstation
 * gives out — printed, saved or viewed — carries the training mark. Outside training mode the
 * composition root does not wrap them.
 */
import type { ReceiptsApi } from '../../core/contract/receipts';
import type { StatusApi } from '../../core/contract/status';
import { ok } from '../../core/result';

export type PdfStamp = (pdf: Uint8Array) => Promise<Uint8Array>;

async function stampBase64(pdfBase64: string, stamp: PdfStamp): Promise<string> {
  return Buffer.from(await stamp(Buffer.from(pdfBase64, 'base64'))).toString('base64');
}

export function markTrainingReceipts(receipts: ReceiptsApi, stamp: PdfStamp): ReceiptsApi {
  return {
    async forApplication(applicationId, language) {
      const receipt = await receipts.forApplication(applicationId, language);
      if (!receipt.ok) return receipt;
      return ok({ ...receipt.value, pdfBase64: await stampBase64(receipt.value.pdfBase64, stamp) });
    },
  };
}

/** Only `result` hands out a PDF; every other status method is passed through unchanged. */
export function markTrainingResults(status: StatusApi, stamp: PdfStamp): StatusApi {
  return {
    refresh: (...args) => status.refresh(...args),
    find: (...args) => status.find(...args),
    handOver: (...args) => status.handOver(...args),
    async result(applicationId) {
      const document = await status.result(applicationId);
      if (!document.ok) return document;
      return ok({ ...document.value, pdfBase64: await stampBase64(document.value.pdfBase64, stamp) });
    },
  };
}
