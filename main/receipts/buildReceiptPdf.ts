/**
 * The receipt (тізілімдеме / расписка, [14] W7) as a one-page A4 PDF: who accepted the application
 * and where, the service, subtype and regulation, the applicant (and representative), the accepted
 * documents with their page counts, the acceptance date and time, the planned result date, the
 * number (registration, or local with a note that the registration number follows) and a QR code
 * of the application id, drawn module by module. DejaVu is embedded (Kazakh letters need it).
 * Deterministic: the same data gives the same bytes (metadata dates are the acceptance time).
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { ApplicationSubtype } from '../../core/backendApi/wire';
import type { ReceiptLanguage } from '../../core/contract/receipts';
import { RECEIPT_WORDS, formatKzDateTime, formatLocalDate, type ReceiptWords } from './receiptText';

export interface ReceiptData {
  readonly language: ReceiptLanguage;
  readonly applicationId: string;
  /** The PSC (or licensing body) as the backend names the operator's workplace. */
  readonly workplaceName: string;
  readonly workplaceKind: 'psc' | 'provider';
  readonly operatorName: string;
  readonly service: {
    readonly title: string;
    readonly subtype: ApplicationSubtype;
    readonly provider: string;
    /** The act and annex the service follows, already cited in the receipt's language. */
    readonly regulation: string;
    readonly workingDays: number | null;
    /** False where the regulation says the acceptance day does not count ([14]); null where it is silent. */
    readonly acceptanceDayCounts: boolean | null;
  };
  readonly applicant: { readonly kind: 'individual' | 'legal-entity'; readonly identifier: string; readonly name: string };
  readonly representative: {
    readonly iin: string;
    readonly name: string;
    readonly powerOfAttorney: { readonly kind: 'notarised'; readonly number: string } | { readonly kind: 'other' };
  } | null;
  readonly documents: readonly { readonly title: string; readonly pageCount: number | null }[];
  /** ISO instant. */
  readonly acceptedAt: string;
  /** 'YYYY-MM-DD' (Kazakhstan) or null where the regulation states no deadline. */
  readonly plannedResultDate: string | null;
  readonly registrationNumber: string | null;
  readonly localNumber: string;
}

export interface ReceiptFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const LABEL_WIDTH = 150;
const VALUE_X = MARGIN + LABEL_WIDTH + 12;
const VALUE_WIDTH = A4.width - MARGIN - VALUE_X;
const QR_SIZE = 88;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.6, 0.6, 0.6);

interface Fonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Control characters would break a text line; nothing the registries return should contain them. */
const clean = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();

/** Splits text into lines no wider than `width`; a word longer than a line is cut by characters. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => font.widthOfTextAtSize(candidate, size) <= width;
  for (const word of clean(text).split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (rest.length > 1 && !fits(rest)) {
      let cut = rest.length - 1;
      while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** Where the next line goes; starts a new page when the current one is full. */
class Cursor {
  page: PDFPage;
  y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
    private readonly footer: string,
  ) {
    this.page = this.newPage();
    this.y = A4.height - MARGIN;
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage([A4.width, A4.height]);
    const width = this.fonts.regular.widthOfTextAtSize(this.footer, 7);
    page.drawText(this.footer, { x: (A4.width - width) / 2, y: 24, size: 7, font: this.fonts.regular, color: GREY });
    return page;
  }

  ensureRoom(height: number): void {
    if (this.y - height >= MARGIN + 10) return;
    this.page = this.newPage();
    this.y = A4.height - MARGIN;
  }

  text(text: string, options: { x: number; size: number; font: PDFFont; color?: ReturnType<typeof rgb> }): void {
    this.page.drawText(clean(text), { x: options.x, y: this.y, size: options.size, font: options.font, color: options.color ?? BLACK });
  }

  centred(text: string, size: number, font: PDFFont, color = BLACK): void {
    const width = font.widthOfTextAtSize(clean(text), size);
    this.text(text, { x: (A4.width - width) / 2, size, font, color });
  }

  rule(y = this.y): void {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.6, color: RULE });
  }
}

function drawQrCode(page: PDFPage, text: string, x: number, top: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const module = size / count;
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col++;
      // One rectangle per run of dark modules, slightly overlapping so no hairline gaps show at low resolutions.
      page.drawRectangle({ x: x + start * module, y: top - (row + 1) * module, width: (col - start) * module + 0.05, height: module + 0.05, color: BLACK });
    }
  }
}

/** A label on the left, a (wrapped) value on the right; returns nothing, moves the cursor down. */
function field(cursor: Cursor, fonts: Fonts, label: string, values: readonly { text: string; bold?: boolean; small?: boolean }[]): void {
  const labelLines = wrapText(label, fonts.regular, 9, LABEL_WIDTH);
  const valueLines = values.flatMap((value) => {
    const size = value.small ? 8 : 10;
    const font = value.bold ? fonts.bold : fonts.regular;
    return wrapText(value.text, font, size, VALUE_WIDTH).map((line) => ({ line, size, font, small: value.small === true }));
  });
  const height = Math.max(labelLines.length * 11, valueLines.reduce((sum, v) => sum + (v.small ? 10 : 13), 0));
  cursor.ensureRoom(height + 4);
  const top = cursor.y;
  for (const line of labelLines) {
    cursor.text(line, { x: MARGIN, size: 9, font: fonts.regular, color: GREY });
    cursor.y -= 11;
  }
  cursor.y = top;
  for (const value of valueLines) {
    cursor.text(value.line, { x: VALUE_X, size: value.size, font: value.font, color: value.small ? GREY : BLACK });
    cursor.y -= value.small ? 10 : 13;
  }
  cursor.y = top - height - 5;
}

function identifierLine(words: ReceiptWords, kind: 'individual' | 'legal-entity', identifier: string): string {
  return `${kind === 'individual' ? words.iin : words.bin} ${identifier}`;
}

function drawHeader(cursor: Cursor, fonts: Fonts, data: ReceiptData, words: ReceiptWords): void {
  const top = cursor.y;
  drawQrCode(cursor.page, data.applicationId, A4.width - MARGIN - QR_SIZE, top, QR_SIZE);
  const qrCaptionX = A4.width - MARGIN - QR_SIZE;
  const captionLines = [words.qrCaption, data.applicationId.slice(0, 19), data.applicationId.slice(19)];
  captionLines.forEach((line, i) => {
    cursor.page.drawText(line, { x: qrCaptionX, y: top - QR_SIZE - 14 - i * 7.5, size: 6, font: fonts.regular, color: GREY });
  });

  cursor.y = top - 22;
  cursor.centred(words.title, 20, fonts.bold);
  cursor.y -= 16;
  cursor.centred(words.subtitle, 9, fonts.regular, GREY);
  cursor.y -= 28;
  const isRegistered = data.registrationNumber !== null;
  cursor.centred(isRegistered ? words.registrationNumber : words.localNumber, 9, fonts.regular, GREY);
  cursor.y -= 18;
  cursor.centred(data.registrationNumber ?? data.localNumber, 15, fonts.bold);
  cursor.y -= 14;
  if (isRegistered) {
    cursor.centred(`${words.localNumber}: ${data.localNumber}`, 8, fonts.regular, GREY);
    cursor.y -= 10;
  } else {
    for (const line of wrapText(words.registrationFollows, fonts.regular, 8, 290)) {
      cursor.centred(line, 8, fonts.regular, GREY);
      cursor.y -= 10;
    }
  }
  cursor.y = Math.min(cursor.y, top - QR_SIZE - 36) - 4;
  cursor.rule();
  cursor.y -= 18;
}

function drawDocuments(cursor: Cursor, fonts: Fonts, data: ReceiptData, words: ReceiptWords): void {
  const numberX = MARGIN + 4;
  const titleX = MARGIN + 28;
  const pagesRight = A4.width - MARGIN - 4;
  const titleWidth = pagesRight - 80 - titleX;
  const rightAligned = (text: string, font: PDFFont, size: number) => pagesRight - font.widthOfTextAtSize(text, size);

  cursor.ensureRoom(60);
  cursor.y -= 6;
  cursor.text(words.documents, { x: MARGIN, size: 11, font: fonts.bold });
  cursor.y -= 16;
  cursor.text('№', { x: numberX, size: 9, font: fonts.bold });
  cursor.text(words.documentColumn, { x: titleX, size: 9, font: fonts.bold });
  cursor.text(words.pagesColumn, { x: rightAligned(words.pagesColumn, fonts.bold, 9), size: 9, font: fonts.bold });
  cursor.rule(cursor.y - 4);
  cursor.y -= 16;

  let total = 0;
  data.documents.forEach((document, index) => {
    const lines = wrapText(document.title, fonts.regular, 10, titleWidth);
    cursor.ensureRoom(lines.length * 12 + 6);
    const pages = document.pageCount === null ? '—' : String(document.pageCount);
    total += document.pageCount ?? 0;
    cursor.text(`${index + 1}.`, { x: numberX, size: 10, font: fonts.regular });
    cursor.text(pages, { x: rightAligned(pages, fonts.regular, 10), size: 10, font: fonts.regular });
    for (const line of lines) {
      cursor.text(line, { x: titleX, size: 10, font: fonts.regular });
      cursor.y -= 12;
    }
    cursor.rule(cursor.y + 7);
    cursor.y -= 6;
  });
  cursor.ensureRoom(16);
  const totalText = String(total);
  cursor.text(words.totalPages, { x: titleX, size: 10, font: fonts.bold });
  cursor.text(totalText, { x: rightAligned(totalText, fonts.bold, 10), size: 10, font: fonts.bold });
  cursor.y -= 24;
}

function drawSignatures(cursor: Cursor, fonts: Fonts, data: ReceiptData, words: ReceiptWords): void {
  cursor.ensureRoom(80);
  for (const line of wrapText(words.bringBack, fonts.bold, 10, CONTENT_WIDTH)) {
    cursor.text(line, { x: MARGIN, size: 10, font: fonts.bold });
    cursor.y -= 13;
  }
  cursor.y -= 34;
  const columnWidth = (CONTENT_WIDTH - 40) / 2;
  const columns = [
    { x: MARGIN, label: words.operatorSignature, name: data.operatorName },
    { x: MARGIN + columnWidth + 40, label: words.applicantSignature, name: data.representative?.name ?? data.applicant.name },
  ];
  for (const column of columns) {
    cursor.page.drawLine({ start: { x: column.x, y: cursor.y }, end: { x: column.x + columnWidth, y: cursor.y }, thickness: 0.6, color: BLACK });
    cursor.page.drawText(clean(column.label), { x: column.x, y: cursor.y - 10, size: 8, font: fonts.regular, color: GREY });
    const name = wrapText(column.name, fonts.regular, 9, columnWidth)[0] ?? '';
    cursor.page.drawText(name, { x: column.x, y: cursor.y - 22, size: 9, font: fonts.regular });
  }
  cursor.y -= 30;
}

export async function buildReceiptPdf(data: ReceiptData, fontBytes: ReceiptFonts): Promise<Uint8Array> {
  const words = RECEIPT_WORDS[data.language];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await pdf.embedFont(fontBytes.regular, { subset: true, customName: 'DejaVuSans' }),
    bold: await pdf.embedFont(fontBytes.bold, { subset: true, customName: 'DejaVuSans-Bold' }),
  };
  const number = data.registrationNumber ?? data.localNumber;
  const cursor = new Cursor(pdf, fonts, `${words.title} · ${number} · ${data.applicationId}`);

  drawHeader(cursor, fonts, data, words);

  field(cursor, fonts, data.workplaceKind === 'psc' ? words.psc : words.acceptingBody, [{ text: data.workplaceName, bold: true }]);
  field(cursor, fonts, words.operator, [{ text: data.operatorName }]);
  field(cursor, fonts, words.service, [{ text: data.service.title }]);
  field(cursor, fonts, words.subtype, [{ text: words.subtypes[data.service.subtype] }]);
  field(cursor, fonts, words.provider, [{ text: data.service.provider }]);
  field(cursor, fonts, words.regulation, [{ text: data.service.regulation, small: true }]);
  field(cursor, fonts, words.applicant, [
    { text: data.applicant.name, bold: true },
    { text: identifierLine(words, data.applicant.kind, data.applicant.identifier) },
  ]);
  if (data.representative) {
    const poa = data.representative.powerOfAttorney;
    field(cursor, fonts, words.representative, [
      { text: data.representative.name, bold: true },
      { text: identifierLine(words, 'individual', data.representative.iin) },
      { text: poa.kind === 'notarised' ? words.poaNotarised(poa.number) : words.poaOther, small: true },
    ]);
  }
  field(cursor, fonts, words.acceptedAt, [{ text: `${formatKzDateTime(data.acceptedAt)} (${words.kzTime})`, bold: true }]);
  const planned =
    data.plannedResultDate === null
      ? [{ text: words.noDeadline }]
      : [
          {
            text: data.service.workingDays === null
              ? formatLocalDate(data.plannedResultDate)
              : `${formatLocalDate(data.plannedResultDate)} (${words.workingDays(data.service.workingDays)})`,
            bold: true,
          },
          ...(data.service.acceptanceDayCounts === false ? [{ text: words.acceptanceDayNotCounted, small: true }] : []),
        ];
  field(cursor, fonts, words.plannedResultDate, planned);
  cursor.y -= 4;
  cursor.rule();
  cursor.y -= 10;

  drawDocuments(cursor, fonts, data, words);
  drawSignatures(cursor, fonts, data, words);

  const acceptedAt = new Date(data.acceptedAt);
  pdf.setTitle(`${words.title} ${number}`);
  pdf.setLanguage(data.language === 'kk' ? 'kk-KZ' : 'ru-KZ');
  pdf.setProducer('PSC Workstation');
  pdf.setCreator('PSC Workstation');
  pdf.setCreationDate(acceptedAt);
  pdf.setModificationDate(acceptedAt);
  return pdf.save({ useObjectStreams: true });
}
