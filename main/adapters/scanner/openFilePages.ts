import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { err, ok, type Result } from '../../../core/result';
import type { ScannedPage } from '../../ports/Scanner';
import { detectFileFormat } from './detectFileFormat';

export type PageImage = Omit<ScannedPage, 'index'>;

/** A validated file, split into pages on demand. */
export interface FilePages {
  readonly pageCount: number;
  /** Page `n` (0-based) as a single-page image or PDF. */
  page(n: number): Promise<PageImage>;
}

export type FileProblem = { readonly kind: 'unsupported-file'; readonly reason: 'unknown-format' | 'encrypted' | 'too-large' } | { readonly kind: 'corrupt-file' };

/** Used when an image does not record its resolution (phone photos, screenshots); also PDF's unit. */
const DEFAULT_DPI = 72;

function problemFromSharp(error: unknown): FileProblem {
  // sharp's default limitInputPixels guards against decompression bombs.
  const message = error instanceof Error ? error.message : '';
  return /pixel limit/i.test(message) ? { kind: 'unsupported-file', reason: 'too-large' } : { kind: 'corrupt-file' };
}

async function openRaster(bytes: Uint8Array, format: 'jpeg' | 'png' | 'tiff'): Promise<Result<FilePages, FileProblem>> {
  let pageCount: number;
  try {
    pageCount = format === 'tiff' ? ((await sharp(bytes).metadata()).pages ?? 1) : 1;
    // Decode every page now (failOn 'error' includes truncation), so a damaged file is refused before any of its pages is delivered.
    for (let n = 0; n < pageCount; n += 1) await sharp(bytes, { page: n, failOn: 'error' }).raw().toBuffer();
  } catch (error) {
    return err(problemFromSharp(error));
  }
  const page = async (n: number): Promise<PageImage> => {
    // A single page is passed on untouched; a page of a multi-page TIFF becomes its own TIFF.
    const pageBytes = pageCount === 1 ? bytes : await sharp(bytes, { page: n }).tiff({ compression: 'deflate' }).toBuffer();
    const meta = await sharp(bytes, { page: n }).metadata();
    return { bytes: pageBytes, format, widthPx: meta.width, heightPx: meta.height, dpi: Math.round(meta.density ?? DEFAULT_DPI) };
  };
  return ok({ pageCount, page });
}

async function openPdf(bytes: Uint8Array): Promise<Result<FilePages, FileProblem>> {
  let source: PDFDocument;
  try {
    // throwOnInvalidObject: refuse a damaged file instead of logging and guessing. Encryption is checked
    // on the loaded document: pdf-lib's EncryptedPDFError cannot be told apart by instanceof or name.
    source = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false, ignoreEncryption: true });
  } catch {
    return err({ kind: 'corrupt-file' });
  }
  if (source.isEncrypted) return err({ kind: 'unsupported-file', reason: 'encrypted' });
  const pageCount = source.getPageCount();
  if (pageCount === 0) return err({ kind: 'corrupt-file' });
  const page = async (n: number): Promise<PageImage> => {
    const single = await PDFDocument.create({ updateMetadata: false });
    const [copied] = await single.copyPages(source, [n]);
    if (!copied) throw new Error(`PDF page ${n} missing`);
    single.addPage(copied);
    const { width, height } = copied.getSize();
    return { bytes: await single.save(), format: 'pdf', widthPx: Math.round(width), heightPx: Math.round(height), dpi: DEFAULT_DPI };
  };
  // Copy every page once now (cheap: no save), so a damaged page tree is refused before delivery too.
  try {
    await (await PDFDocument.create()).copyPages(source, source.getPageIndices());
  } catch {
    return err({ kind: 'corrupt-file' });
  }
  return ok({ pageCount, page });
}

/** Recognises a JPEG, PNG, TIFF or PDF by content and checks that every page decodes. */
export async function openFilePages(bytes: Uint8Array): Promise<Result<FilePages, FileProblem>> {
  const format = detectFileFormat(bytes);
  if (format === null) return err({ kind: 'unsupported-file', reason: 'unknown-format' });
  return format === 'pdf' ? openPdf(bytes) : openRaster(bytes, format);
}
