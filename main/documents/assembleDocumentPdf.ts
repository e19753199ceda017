import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import type { Result } from '../../core/result';

/** One page of a document as stored: a processed scan (JPEG/PNG) or a page of an imported PDF. */
export type AssemblyPage =
  | { readonly kind: 'image'; readonly mediaType: 'image/jpeg' | 'image/png'; readonly bytes: Uint8Array; readonly widthPx: number; readonly heightPx: number; readonly dpi: number }
  | { readonly kind: 'pdf'; readonly bytes: Uint8Array };

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
 * each page. Deterministic for identical input: metadata dates are fixed and the producer is named.
 */
/** `pageCount` goes into the signed payload next to the PDF's SHA-256. */
export async function assembleDocumentPdf(input: AssemblyInput): Promise<Result<{ bytes: Uint8Array; pageCount: number }, AssemblyError>> {
  if (input.pages.length === 0) return { ok: false, error: { kind: 'no-pages' } };
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(input.fontBytes, { subset: true });
  const total = input.pages.length;

  for (const [index, page] of input.pages.entries()) {
    try {
      if (page.kind === 'pdf') {
        const source = await PDFDocument.load(page.bytes, { updateMetadata: false });
        for (const copied of await pdf.copyPages(source, source.getPageIndices())) {
          pdf.addPage(copied);
          drawFooter(copied, font, `${input.footer} · ${index + 1}/${total}`);
        }
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

function drawFooter(page: ReturnType<PDFDocument['addPage']>, font: PDFFont, text: string): void {
  const width = font.widthOfTextAtSize(text, FOOTER_PT);
  page.drawText(text, { x: Math.max(4, (page.getWidth() - width) / 2), y: 4, size: FOOTER_PT, font, color: rgb(0.35, 0.35, 0.35) });
}
