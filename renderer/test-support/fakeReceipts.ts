/**
 * The fake receipts area: main's ReceiptService over the fake journal. It answers with a tiny but
 * valid one-page PDF (correct xref offsets) whose comment line names the language and the number the
 * receipt states, so a test can tell a Kazakh receipt from a Russian one and a reprint from the first.
 */
import type { ReceiptsApi } from '../../core/contract';
import { err, ok } from '../../core/result';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

/** A minimal valid PDF: catalog, pages, one empty A4 page, xref and trailer. ASCII only. */
export function tinyPdf(comment: string): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
  ];
  let body = `%PDF-1.4\n% ${comment.replace(/[^\x20-\x7e]/g, '?')}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj ${object} endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${body}trailer << /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

export function createFakeReceipts(main: FakeMain): ReceiptsApi {
  return {
    async forApplication(applicationId, language) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      const application = main.applications.find((candidate) => candidate.applicationId === applicationId);
      // Main finds no application whose personal data were purged (main/db/applications.ts findApplication).
      if (!application || application.purgedAt !== null) return err({ kind: 'not-found' });
      const number = application.registrationNumber ?? application.localNumber;
      return ok({
        fileName: `${language === 'kk' ? 'tizilimdeme' : 'raspiska'}-${number.replace(/[^0-9A-Za-z-]+/g, '_')}.pdf`,
        pdfBase64: btoa(tinyPdf(`receipt ${language} ${number}`)),
        numberShown: application.registrationNumber === null ? 'local' : 'registration',
      });
    },
  };
}
