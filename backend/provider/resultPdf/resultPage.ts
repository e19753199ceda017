/**
 * A4 layout for the provider's result documents: a top-down cursor that starts a new page when
 * one is full, centred lines, and bilingual label/value fields. Copied in spirit from
 * main/receipts/buildReceiptPdf.ts (backend/ may not import main/).
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 56;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const LABEL_WIDTH = 160;
const VALUE_X = MARGIN + LABEL_WIDTH + 12;
const VALUE_WIDTH = A4.width - MARGIN - VALUE_X;
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.6, 0.6, 0.6);

export interface PageFonts {
  readonly regular: PDFFont;
  readonly bold: PDFFont;
}

/** Control characters would break a text line; nothing the registries return should contain them. */
export const clean = (text: string): string => text.replace(/\p{Cc}+/gu, ' ').trim();

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

export interface FieldValue {
  readonly text: string;
  readonly bold?: boolean;
  /** Smaller and grey: the second language or a note. */
  readonly secondary?: boolean;
}

/** Where the next line goes on the current page. */
export class ResultPage {
  page: PDFPage;
  y: number;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: PageFonts,
    /** Printed at the foot of every page. */
    private readonly footer: readonly string[],
  ) {
    this.page = this.newPage();
    this.y = A4.height - MARGIN;
  }

  private newPage(): PDFPage {
    const page = this.pdf.addPage([A4.width, A4.height]);
    this.footer.forEach((line, i) => {
      const text = clean(line);
      const width = this.fonts.regular.widthOfTextAtSize(text, 7);
      page.drawText(text, { x: (A4.width - width) / 2, y: 24 + (this.footer.length - 1 - i) * 9, size: 7, font: this.fonts.regular, color: GREY });
    });
    return page;
  }

  ensureRoom(height: number): void {
    if (this.y - height >= MARGIN + 20) return;
    this.page = this.newPage();
    this.y = A4.height - MARGIN;
  }

  text(text: string, options: { x: number; size: number; font: PDFFont; color?: ReturnType<typeof rgb> }): void {
    this.page.drawText(clean(text), { x: options.x, y: this.y, size: options.size, font: options.font, color: options.color ?? BLACK });
  }

  /** Centred, wrapped to the content width; moves the cursor below it. */
  centred(text: string, size: number, font: PDFFont, color = BLACK): void {
    for (const line of wrapText(text, font, size, CONTENT_WIDTH)) {
      this.ensureRoom(size + 4);
      const width = font.widthOfTextAtSize(line, size);
      this.text(line, { x: (A4.width - width) / 2, size, font, color });
      this.y -= size + 4;
    }
  }

  /** A full-width paragraph; moves the cursor below it. */
  paragraph(text: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb> } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrapText(text, font, size, CONTENT_WIDTH)) {
      this.ensureRoom(size + 4);
      this.text(line, { x: MARGIN, size, font, color: options.color });
      this.y -= size + 4;
    }
  }

  /** A bilingual label on the left, wrapped values on the right. */
  field(label: { kk: string; ru: string }, values: readonly FieldValue[]): void {
    const labelLines = [
      ...wrapText(label.kk, this.fonts.regular, 9, LABEL_WIDTH),
      ...wrapText(label.ru, this.fonts.regular, 9, LABEL_WIDTH),
    ];
    const valueLines = values.flatMap((value) => {
      const size = value.secondary ? 9 : 11;
      const font = value.bold ? this.fonts.bold : this.fonts.regular;
      return wrapText(value.text, font, size, VALUE_WIDTH).map((line) => ({ line, size, font, secondary: value.secondary === true }));
    });
    const height = Math.max(labelLines.length * 11, valueLines.reduce((sum, v) => sum + v.size + 3, 0));
    this.ensureRoom(height + 6);
    const top = this.y;
    for (const line of labelLines) {
      this.text(line, { x: MARGIN, size: 9, font: this.fonts.regular, color: GREY });
      this.y -= 11;
    }
    this.y = top;
    for (const value of valueLines) {
      this.text(value.line, { x: VALUE_X, size: value.size, font: value.font, color: value.secondary ? GREY : BLACK });
      this.y -= value.size + 3;
    }
    this.y = top - height - 8;
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4.width - MARGIN, y: this.y }, thickness: 0.6, color: RULE });
  }
}
