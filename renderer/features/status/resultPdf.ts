/**
 * The result PDF as a blob: URL for the in-app viewer (an iframe; the CSP allows `frame-src blob:`).
 * Whoever creates one revokes it: the viewer on close, resetCitizenData() on logout, lock or a new
 * applicant, so no applicant's licence or refusal stays reachable in renderer memory.
 */
import { base64ToBytes } from '../receipts/receiptOutput';

export function createResultUrl(pdfBase64: string): string {
  return URL.createObjectURL(new Blob([base64ToBytes(pdfBase64)], { type: 'application/pdf' }));
}

export function revokeResultUrl(url: string): void {
  URL.revokeObjectURL(url);
}
