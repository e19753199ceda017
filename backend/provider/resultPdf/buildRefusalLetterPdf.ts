import { formatKzDate } from './buildLicencePdf';
import type { ResultDocumentData } from './resultData';
import { GREY, type ResultPage } from './resultPage';
import { RESULT_WORDS as W } from './resultWords';

type Refused = Extract<ResultDocumentData['decision'], { outcome: 'refused' }>;

/** The provider's reasoned refusal letter: to whom, which application and service, and why, in both languages. */
export function drawRefusalLetter(page: ResultPage, data: ResultDocumentData, decision: Refused): void {
  const { bold, regular } = page.fonts;
  page.centred(data.service.provider.kk, 11, bold);
  page.centred(data.service.provider.ru, 10, regular, GREY);
  page.y -= 6;
  page.rule();
  page.y -= 28;
  page.centred(W.refusalTitle.kk, 15, bold);
  page.centred(W.refusalTitle.ru, 13, bold);
  page.y -= 16;

  const id = data.licensee.kind === 'individual' ? W.iin : W.bin;
  page.field(W.date, [{ text: formatKzDate(decision.decidedAt) }]);
  page.field(W.addressee, [{ text: data.licensee.name, bold: true }, { text: `${id.kk} / ${id.ru}: ${data.licensee.identifier}` }]);
  const application = W.applicationOf(data.registrationNumber, formatKzDate(data.registeredAt));
  page.field(W.application, [{ text: application.kk, bold: true }, { text: application.ru, secondary: true }]);
  page.field(W.service, [{ text: data.service.title.kk }, { text: data.service.title.ru, secondary: true }]);

  page.y -= 6;
  page.paragraph(W.reasonKk, { bold: true });
  page.paragraph(decision.reason.kk);
  page.y -= 8;
  page.paragraph(W.reasonRu, { bold: true });
  page.paragraph(decision.reason.ru);
  page.y -= 14;
  page.paragraph(W.reapply.kk, { size: 9 });
  page.paragraph(W.reapply.ru, { size: 9, color: GREY });
}
