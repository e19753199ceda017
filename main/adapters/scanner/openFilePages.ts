import sharp, { type Metadata } from 'sharp';
import { MAX_DOCUMENT_PAGES, MAX_PAGE_PIXELS } from '../../../core/contract/limits';
import { err, ok, type Result } from '../../../core/result';
import type { ActiveContentKind } from '../../documents/pdfActiveContent';
import { sanitizePdf } from '../../documents/sanitizePdf';
import type { ScannedPage } from '../../ports/Scanner';
import { detectFileFormat, type FileFormat } from './detectFileFormat';

export type PageImage = Omit<ScannedPage, 'index'>;

/** What a file may hold, checked from its headers before any pixel is decoded. */
export interface FileLimits {
  readonly maxPages: number;
  /** Per page (width × height as declared), and per image inside a PDF page. */
  readonly maxPagePixels: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = { maxPages: MAX_DOCUMENT_PAGES, maxPagePixels: MAX_PAGE_PIXELS };

export interface OpenFileOptions {
  readonly limits?: FileLimits;
  /**
   * Decode every page now (one at a time, each within the pixel limit), so a file damaged past its
   * headers is refused before any page is delivered. Adapters that deliver pages to a scan job ask
   * for it; the draft's import decodes each page once in the image pipeline instead and takes back
   * the pages of a file that fails part-way.
   */
  readonly verifyPixels?: boolean;
}

/** A validated file, split into pages on demand. */
export interface FilePages {
  readonly format: FileFormat;
  readonly pageCount: number;
  /** What sanitising a PDF removed (JavaScript, actions, embedded files…); empty otherwise. */
  readonly removedActiveContent: readonly ActiveContentKind[];
  /**
   * Page `n` (0-based). A single-page image is passed on untouched; a page of a multi-page TIFF
   * is the whole file with `page` set (decoded in the image worker, never re-encoded here); a page of
   * a PDF is the whole sanitised PDF with `page` set, the same bytes for every page, so it is
   * stored once however many pages share its resources.
   */
  page(n: number): Promise<PageImage>;
}

export type FileProblem =
  | { readonly kind: 'unsupported-file'; readonly reason: 'unknown-format' | 'encrypted' | 'too-large' }
  | { readonly kind: 'corrupt-file' }
  | { readonly kind: 'too-many-pages'; readonly pages: number; readonly maxPages: number }
  /** `page` counts from 1. */
  | { readonly kind: 'too-many-pixels'; readonly page: number; readonly widthPx: number; readonly heightPx: number; readonly maxPixels: number };

/** Used when an image does not record its resolution (phone photos, screenshots); also PDF's unit. */
const DEFAULT_DPI = 72;

/** Header only: sharp reads the declared size without decoding pixels (no pixel limit needed for that). */
async function headerOf(bytes: Uint8Array, page: number): Promise<Metadata> {
  return sharp(bytes, { page, limitInputPixels: false }).metadata();
}

function orientedSize(meta: Metadata): { widthPx: number; heightPx: number } {
  return { widthPx: meta.autoOrient?.width ?? meta.width ?? 0, heightPx: meta.autoOrient?.height ?? meta.height ?? 0 };
}

async function openRaster(bytes: Uint8Array, format: 'jpeg' | 'png' | 'tiff', limits: FileLimits, verify: boolean): Promise<Result<FilePages, FileProblem>> {
  const sizes: { widthPx: number; heightPx: number; dpi: number }[] = [];
  try {
    const first = await headerOf(bytes, 0);
    const pageCount = format === 'tiff' ? (first.pages ?? 1) : 1;
    if (pageCount > limits.maxPages) return err({ kind: 'too-many-pages', pages: pageCount, maxPages: limits.maxPages });
    for (let n = 0; n < pageCount; n += 1) {
      const meta = n === 0 ? first : await headerOf(bytes, n);
      const size = orientedSize(meta);
      if (size.widthPx <= 0 || size.heightPx <= 0) return err({ kind: 'corrupt-file' });
      if (size.widthPx * size.heightPx > limits.maxPagePixels) return err({ kind: 'too-many-pixels', page: n + 1, ...size, maxPixels: limits.maxPagePixels });
      sizes.push({ ...size, dpi: Math.round(meta.density ?? DEFAULT_DPI) });
    }
    if (verify) {
      // One page at a time, each within the limit just checked (failOn 'error' includes truncation).
      for (let n = 0; n < pageCount; n += 1) await sharp(bytes, { page: n, failOn: 'error', limitInputPixels: limits.maxPagePixels }).raw().toBuffer();
    }
  } catch {
    return err({ kind: 'corrupt-file' });
  }
  const pageCount = sizes.length;
  return ok({
    format,
    pageCount,
    removedActiveContent: [],
    async page(n) {
      const size = sizes[n];
      if (!size) throw new Error(`page ${n} of ${pageCount} does not exist`);
      return pageCount === 1 ? { bytes, format, ...size } : { bytes, format, page: n, ...size };
    },
  });
}

async function openPdf(bytes: Uint8Array, limits: FileLimits): Promise<Result<FilePages, FileProblem>> {
  const sanitized = await sanitizePdf(bytes, { maxPages: limits.maxPages, maxImagePixels: limits.maxPagePixels });
  if (!sanitized.ok) {
    const problem = sanitized.error;
    return err(problem.kind === 'encrypted' ? { kind: 'unsupported-file', reason: 'encrypted' } : problem);
  }
  const { bytes: clean, pageCount, pageSizes, removed } = sanitized.value;
  return ok({
    format: 'pdf',
    pageCount,
    removedActiveContent: removed,
    async page(n) {
      const size = pageSizes[n];
      if (!size) throw new Error(`page ${n} of ${pageCount} does not exist`);
      return { bytes: clean, format: 'pdf', page: n, widthPx: Math.round(size.width), heightPx: Math.round(size.height), dpi: DEFAULT_DPI };
    },
  });
}

/**
 * Recognises a JPEG, PNG, TIFF or PDF by content and checks its pages against the limits from
 * their headers (page count; declared pixels of every page, and of every image in a PDF) before
 * anything is decoded. A PDF is sanitised (see sanitizePdf.ts) here, once.
 */
export async function openFilePages(bytes: Uint8Array, options: OpenFileOptions = {}): Promise<Result<FilePages, FileProblem>> {
  const limits = options.limits ?? DEFAULT_FILE_LIMITS;
  const format = detectFileFormat(bytes);
  if (format === null) return err({ kind: 'unsupported-file', reason: 'unknown-format' });
  return format === 'pdf' ? openPdf(bytes, limits) : openRaster(bytes, format, limits, options.verifyPixels ?? false);
}
