import { rgb, type PDFFont } from 'pdf-lib';
import { kazakhstanDate } from '../../applications/kazakhstanTime';
import type { ResultDocumentData } from './resultData';
import { A4, GREY, MARGIN, type ResultPage } from './resultPage';
import { RESULT_WORDS as W } from './resultWords';

type Issued = Extract<ResultDocumentData['decision'], { outcome: 'issued' }>;

/** 'DD.MM.YYYY', the Kazakhstan local date of an ISO instant. */
export function formatKzDate(iso: string): string {
  const [year, month, day] = kazakhstanDate(new Date(iso)).split('-');
  return `${day}.${month}.${year}`;
}

const MARK_RED = rgb(0.7, 0.05, 0.05);

/** The «Телнұсқа» / «Дубликат» stamp in the upper right corner of a duplicate (regulations: new number, mark top right). */
function drawDuplicateMark(page: ResultPage): void {
  const { bold, regular } = page.fonts;
  const width = 108;
  const x = A4.width - MARGIN - width;
  const top = A4.height - MARGIN + 22;
  page.page.drawRectangle({ x, y: top - 40, width, height: 40, borderColor: MARK_RED, borderWidth: 1.4 });
  const centre = (text: string, font: PDFFont, size: number, y: number) =>
    page.page.drawText(text, { x: x + (width - font.widthOfTextAtSize(text, size)) / 2, y, size, font, color: MARK_RED });
  centre(W.duplicateMark.kk, bold, 14, top - 19);
  centre(W.duplicateMark.ru, regular, 10, top - 33);
}

/** A licence, a re-issued licence or a duplicate, on one A4 page, both languages. */
export function drawLicence(page: ResultPage, data: ResultDocumentData, decision: Issued): void {
  const { bold, regular } = page.fonts;
  if (decision.document === 'duplicate') drawDuplicateMark(page);
  // Below the mark's box, so the corner stays free for it.
  page.y -= 34;
  page.centred(W.country, 9, regular, GREY);
  page.y -= 30;
  page.centred(W.licenceTitle, 24, bold);
  if (decision.document === 'reissued-licence') page.centred(W.reissued, 12, bold);
  if (decision.document === 'duplicate') page.centred(W.duplicateSubtitle, 12, bold);
  page.y -= 12;
  page.centred(`${W.number} ${decision.licenceNumber}`, 18, bold);
  page.y -= 2;
  page.centred(`${W.issuedOn.kk} / ${W.issuedOn.ru}: ${formatKzDate(decision.decidedAt)}`, 10, regular);
  page.y -= 14;
  page.rule();
  page.y -= 22;

  const id = data.licensee.kind === 'individual' ? W.iin : W.bin;
  page.field(W.licensee, [{ text: data.licensee.name, bold: true }, { text: `${id.kk} / ${id.ru}: ${data.licensee.identifier}` }]);
  page.field(W.activity, [{ text: data.service.title.kk }, { text: data.service.title.ru, secondary: true }]);
  page.field(W.licensor, [{ text: data.service.provider.kk }, { text: data.service.provider.ru, secondary: true }]);
  page.field(W.validity, [{ text: `${W.indefinite.kk} / ${W.indefinite.ru}` }]);
  const application = W.applicationOf(data.registrationNumber, formatKzDate(data.registeredAt));
  page.field(W.application, [{ text: application.kk }, { text: application.ru, secondary: true }]);

  const note = decision.document === 'reissued-licence' ? W.reissuedNote : decision.document === 'duplicate' ? W.duplicateNote : null;
  if (note) {
    page.y -= 6;
    page.paragraph(note.kk, { size: 9 });
    page.paragraph(note.ru, { size: 9, color: GREY });
  }
}
