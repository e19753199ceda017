/**
 * The provider's result document as PDF: a licence, a re-issued licence, a duplicate (new number,
 * «Телнұсқа» in the upper right corner) or a reasoned refusal letter, Kazakh and Russian on the
 * page, DejaVu embedded. Deterministic: the metadata dates are the decision time, so the same
 * application always yields the same bytes and the same SHA-256 (the status view cites it).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { drawLicence } from './buildLicencePdf';
import { drawRefusalLetter } from './buildRefusalLetterPdf';
import type { ResultDocumentData } from './resultData';
import type { ResultFonts } from './resultFonts';
import { ResultPage } from './resultPage';
import { RESULT_WORDS } from './resultWords';

/** ASCII file name of the result, e.g. `licence-KZ26LAA00000123.pdf` or `refusal-LIC-2026-000123.pdf`. */
export function resultFileName(data: Pick<ResultDocumentData, 'decision' | 'registrationNumber'>): string {
  const { decision } = data;
  const name = decision.outcome === 'issued' ? `${decision.document}-${decision.licenceNumber}` : `refusal-${data.registrationNumber}`;
  return `${name.replace(/[^A-Za-z0-9-]/g, '_')}.pdf`;
}

export async function buildResultPdf(data: ResultDocumentData, fontBytes: ResultFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const fonts = {
    regular: await pdf.embedFont(fontBytes.regular, { subset: true, customName: 'DejaVuSans' }),
    bold: await pdf.embedFont(fontBytes.bold, { subset: true, customName: 'DejaVuSans-Bold' }),
  };
  const page = new ResultPage(pdf, fonts, [...RESULT_WORDS.footer, data.applicationId]);
  const { decision } = data;
  if (decision.outcome === 'issued') drawLicence(page, data, decision);
  else drawRefusalLetter(page, data, decision);

  const decidedAt = new Date(decision.decidedAt);
  pdf.setTitle(decision.outcome === 'issued' ? `ЛИЦЕНЗИЯ ${decision.licenceNumber}` : `${RESULT_WORDS.refusalTitle.ru} ${data.registrationNumber}`);
  pdf.setLanguage('kk-KZ');
  pdf.setProducer('PSC reference licensing backend');
  pdf.setCreator('PSC reference licensing backend');
  pdf.setCreationDate(decidedAt);
  pdf.setModificationDate(decidedAt);
  return pdf.save({ useObjectStreams: true });
}
