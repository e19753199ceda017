/**
 * The fake image pipeline: what main decides from a file's bytes (never its name), reduced to
 * what renderer tests need, plus builders for such files. PDF pages are counted by their page
 * objects and kept as PDF; PNG sizes come from the IHDR chunk; a truncated JPEG or PDF is corrupt.
 * Blank-page detection is stood in for by a marker in the fake image's body.
 */
import { MAX_DOCUMENT_PAGES, MAX_PAGE_PIXELS } from '../../core/contract/limits';
import { err, ok, type Result } from '../../core/result';

export interface FakeFilePage {
  readonly kind: 'image' | 'pdf';
  readonly widthPx: number | null;
  readonly heightPx: number | null;
  readonly blank: boolean;
}

export type FakeOpenError =
  | { readonly kind: 'unsupported-type' }
  | { readonly kind: 'corrupt-file' }
  | { readonly kind: 'too-many-pixels'; readonly page: number; readonly widthPx: number; readonly heightPx: number; readonly maxPixels: number }
  | { readonly kind: 'too-many-pages'; readonly pages: number; readonly maxPages: number };

/** As main (core/contract/limits.ts MAX_PAGE_PIXELS): more than an A4 page at 600 dpi needs. */
export const FAKE_PIXEL_LIMIT = MAX_PAGE_PIXELS;

/** A4 at 150 dpi: the size the fake gives images whose header it does not read. */
const A4_150 = { widthPx: 1240, heightPx: 1754 } as const;

const BLANK_MARKER = 'fake:blank-page';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const latin1 = (bytes: Uint8Array): string => Array.from(bytes, (byte) => String.fromCharCode(byte)).join('');
const fromLatin1 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);

export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(latin1(bytes));
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  return fromLatin1(atob(base64));
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

const readUint32 = (bytes: Uint8Array, offset: number): number =>
  (((bytes[offset] ?? 0) << 24) | ((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0)) >>> 0;

function openPng(bytes: Uint8Array): Result<FakeFilePage[], FakeOpenError> {
  if (latin1(bytes.subarray(12, 16)) !== 'IHDR') return err({ kind: 'corrupt-file' });
  const widthPx = readUint32(bytes, 16);
  const heightPx = readUint32(bytes, 20);
  if (widthPx === 0 || heightPx === 0) return err({ kind: 'corrupt-file' });
  if (widthPx * heightPx > FAKE_PIXEL_LIMIT) return err({ kind: 'too-many-pixels', page: 1, widthPx, heightPx, maxPixels: FAKE_PIXEL_LIMIT });
  return ok([{ kind: 'image', widthPx, heightPx, blank: latin1(bytes).includes(BLANK_MARKER) }]);
}

/** Splits a file as main's import does: one page per PDF or TIFF page, one for JPEG and PNG. */
export function openFakeFile(bytes: Uint8Array): Result<FakeFilePage[], FakeOpenError> {
  const text = latin1(bytes);
  if (text.startsWith('%PDF-')) {
    if (!text.includes('%%EOF')) return err({ kind: 'corrupt-file' });
    const pageCount = Math.max(1, (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length);
    if (pageCount > MAX_DOCUMENT_PAGES) return err({ kind: 'too-many-pages', pages: pageCount, maxPages: MAX_DOCUMENT_PAGES });
    return ok(Array.from({ length: pageCount }, () => ({ kind: 'pdf' as const, widthPx: null, heightPx: null, blank: false })));
  }
  if (startsWith(bytes, PNG_SIGNATURE)) return openPng(bytes);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const isComplete = bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9;
    return isComplete ? ok([{ kind: 'image', ...A4_150, blank: text.includes(BLANK_MARKER) }]) : err({ kind: 'corrupt-file' });
  }
  if (text.startsWith('II*\u0000') || text.startsWith('MM\u0000*')) {
    const pageCount = Math.max(1, (text.match(/IFD/g) ?? []).length);
    return ok(Array.from({ length: pageCount }, () => ({ kind: 'image' as const, ...A4_150, blank: false })));
  }
  return err({ kind: 'unsupported-type' });
}

/** A small JPEG data URL naming the page and its rotation, so a test sees a thumbnail change. */
export function fakeThumbnailDataUrl(pageId: string, rotationDegrees: number): string {
  return `data:image/jpeg;base64,${btoa(`\u00ff\u00d8\u00ff fake thumbnail ${pageId} ${rotationDegrees}\u00ff\u00d9`)}`;
}

// Builders of files the fake opens as main would.

export function fakePdf(pageCount = 1, note = 'synthetic test document'): string {
  const pages = Array.from({ length: pageCount }, (_, index) => `${index + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj\n`).join('');
  return `%PDF-1.7\n% ${note}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages >> endobj\n${pages}%%EOF\n`;
}

export function fakePng(options: { readonly widthPx?: number; readonly heightPx?: number; readonly blank?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const size = (value: number) => [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  const header = [...PNG_SIGNATURE, 0, 0, 0, 13, ...fromLatin1('IHDR'), ...size(options.widthPx ?? 1240), ...size(options.heightPx ?? 1754), 8, 0, 0, 0, 0];
  return Uint8Array.from([...header, ...fromLatin1(options.blank ? BLANK_MARKER : 'fake image data')]);
}

export function fakeJpeg(options: { readonly truncated?: boolean; readonly blank?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const body = [0xff, 0xd8, 0xff, 0xe0, ...fromLatin1(options.blank ? BLANK_MARKER : 'fake jpeg data')];
  return Uint8Array.from(options.truncated ? body : [...body, 0xff, 0xd9]);
}

export function fakeTiff(pageCount: number): Uint8Array<ArrayBuffer> {
  return fromLatin1(`II*\u0000${'IFD page '.repeat(pageCount)}`);
}
