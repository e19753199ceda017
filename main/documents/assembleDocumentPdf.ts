import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Result } from '../../core/result';

/**
 * One page of a document as stored: a processed scan (JPEG/PNG) or page `page` of an imported PDF.
 * Pages of one PDF name the same `source` (its digest) and may share the same `bytes`.
 */
export type AssemblyPage =
  | { readonly kind: 'image'; readonly mediaType: 'image/jpeg' | 'image/png'; readonly bytes: Uint8Array; readonly widthPx: number; readonly heightPx: number; readonly dpi: number }
  | { readonly kind: 'pdf'; readonly source: string; readonly bytes: Uint8Array; readonly page: number };

export interface AssemblyInput {
  readonly pages: readonly AssemblyPage[];
  /** Footer on every page, e.g. "Жарғы · ABC123-20261123-0001"; drawn with the embedded font so Kazakh letters survive. */
  readonly footer: string;
  /** Document title in the PDF metadata. */
  readonly title: string;
  /** Fixed creation time, so the same pages always give the same bytes and the same SHA-256. */
  readonly createdAt: Date;
  readonly fontBytes: Uint8Array;
}

export type AssemblyError = { readonly kind: 'no-pages' } | { readonly kind: 'corrupt-page'; readonly index: number };

const A4 = { width: 595.28, height: 841.89 };
const FOOTER_PT = 7;
const MARGIN_PT = 14;

/**
 * Assembles the pages of one document into one PDF: each scan on an A4 page at its true size
 * where it fits (scaled down otherwise), imported PDF pages copied as they are, a small footer on
 * each page. Each imported PDF is loaded once and all the pages taken from it are copied in one
 * pass, so what they share (an image on every page, fonts) is in the result once. Deterministic for
 * identical input: metadata dates are fixed and the producer is named.
 */
/** `pageCount` goes into the signed payload next to the PDF's SHA-256. */
export async function assembleDocumentPdf(input: AssemblyInput): Promise<Result<{ bytes: Uint8Array; pageCount: number }, AssemblyError>> {
  if (input.pages.length === 0) return { ok: false, error: { kind: 'no-pages' } };
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(input.fontBytes, { subset: true });
  const total = input.pages.length;
  const copies = await copyPdfPages(pdf, input.pages);
  if (!copies.ok) return copies;

  for (const [index, page] of input.pages.entries()) {
    try {
      if (page.kind === 'pdf') {
        const copied = copies.value.get(index)!;
        pdf.addPage(copied);
        drawFooter(copied, font, `${input.footer} · ${index + 1}/${total}`);
        continue;
      }
      const image = page.mediaType === 'image/jpeg' ? await pdf.embedJpg(page.bytes) : await pdf.embedPng(page.bytes);
      const target = pdf.addPage([A4.width, A4.height]);
      // True size in points at the scan's resolution, shrunk to fit inside the margins.
      const natural = { width: (page.widthPx / page.dpi) * 72, height: (page.heightPx / page.dpi) * 72 };
      const room = { width: A4.width, height: A4.height - MARGIN_PT };
      const scale = Math.min(1, room.width / natural.width, room.height / natural.height);
      const width = natural.width * scale;
      const height = natural.height * scale;
      target.drawImage(image, { x: (A4.width - width) / 2, y: MARGIN_PT + (room.height - height) / 2, width, height });
      drawFooter(target, font, `${input.footer} · ${index + 1}/${total}`);
    } catch {
      return { ok: false, error: { kind: 'corrupt-page', index } };
    }
  }

  pdf.setTitle(input.title);
  pdf.setProducer('PSC Workstation');
  pdf.setCreator('PSC Workstation');
  pdf.setCreationDate(input.createdAt);
  pdf.setModificationDate(input.createdAt);
  return { ok: true, value: { bytes: await pdf.save({ useObjectStreams: true }), pageCount: pdf.getPageCount() } };
}

/**
 * The imported PDF pages of the document, copied into `pdf` by position in `pages`: per source,
 * one load and one copy of all its pages (a page used twice is copied once more).
 */
async function copyPdfPages(pdf: PDFDocument, pages: readonly AssemblyPage[]): Promise<Result<Map<number, PDFPage>, AssemblyError>> {
  const bySource = new Map<string, { bytes: Uint8Array; positions: { index: number; page: number }[] }>();
  pages.forEach((page, index) => {
    if (page.kind !== 'pdf') return;
    const entry = bySource.get(page.source) ?? { bytes: page.bytes, positions: [] };
    entry.positions.push({ index, page: page.page });
    bySource.set(page.source, entry);
  });
  const copies = new Map<number, PDFPage>();
  for (const { bytes, positions } of bySource.values()) {
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(bytes, { updateMetadata: false });
    } catch {
      return { ok: false, error: { kind: 'corrupt-page', index: positions[0]!.index } };
    }
    // Rounds of distinct page numbers: usually one round holds them all.
    let remaining = positions;
    while (remaining.length > 0) {
      const seen = new Set<number>();
      const round = remaining.filter((p) => !seen.has(p.page) && seen.add(p.page));
      remaining = remaining.filter((p) => !round.includes(p));
      try {
        const copied = await pdf.copyPages(source, round.map((p) => p.page));
        round.forEach((p, i) => copies.set(p.index, copied[i]!));
      } catch {
        return { ok: false, error: { kind: 'corrupt-page', index: round[0]!.index } };
      }
    }
  }
  return { ok: true, value: copies };
}

function drawFooter(page: ReturnType<PDFDocument['addPage']>, font: PDFFont, text: string): void {
  const width = font.widthOfTextAtSize(text, FOOTER_PT);
  page.drawText(text, { x: Math.max(4, (page.getWidth() - width) / 2), y: 4, size: FOOTER_PT, font, color: rgb(0.35, 0.35, 0.35) });
}
