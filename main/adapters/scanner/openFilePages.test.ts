import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectFileFormat } from './detectFileFormat';
import { openFilePages } from './openFilePages';
import { pngBomb, tiffBomb, tiffOfPages } from '../../imaging/testSupport/hostileFixtures';
import { encryptedPdf, sampleJpeg, samplePdf, samplePng, sampleTiff, truncatedJpeg } from './testSupport/sampleFiles';

describe('detectFileFormat', () => {
  it('recognises files by content, not name', async () => {
    expect(detectFileFormat(await sampleJpeg())).toBe('jpeg');
    expect(detectFileFormat(await samplePng())).toBe('png');
    expect(detectFileFormat(await sampleTiff(1))).toBe('tiff');
    expect(detectFileFormat(await samplePdf([[100, 100]]))).toBe('pdf');
    expect(detectFileFormat(new TextEncoder().encode('junk\n%PDF-1.4\n'))).toBe('pdf');
    expect(detectFileFormat(new TextEncoder().encode('GIF89a....'))).toBeNull();
    expect(detectFileFormat(new Uint8Array())).toBeNull();
  });
});

describe('openFilePages', () => {
  it('passes a single JPEG or PNG through untouched, with its size and resolution', async () => {
    const png = await samplePng();
    const opened = await openFilePages(png);
    expect(opened.ok && opened.value.pageCount).toBe(1);
    if (!opened.ok) return;
    const page = await opened.value.page(0);
    expect(page).toMatchObject({ format: 'png', widthPx: 120, heightPx: 170, dpi: 150 });
    expect(Buffer.from(page.bytes).equals(png)).toBe(true);
  });

  it('opens a multi-page TIFF from its headers: each page is the whole file with its page number, decoded later', async () => {
    const tiff = await sampleTiff(3);
    const opened = await openFilePages(tiff);
    expect(opened.ok && opened.value.pageCount).toBe(3);
    if (!opened.ok) return;
    for (let n = 0; n < 3; n += 1) {
      const page = await opened.value.page(n);
      expect(page).toMatchObject({ format: 'tiff', page: n, widthPx: 100, heightPx: 140 });
      expect(page.bytes).toBe(tiff);
      // Each page keeps its own colour: red, green, blue.
      const { dominant } = await sharp(page.bytes, { page: n }).stats();
      expect([dominant.r > 150, dominant.g > 150, dominant.b > 150]).toEqual([n === 0, n === 1, n === 2]);
    }
  });

  it('keeps a PDF whole, sanitised once: every page is the same bytes with its page number, sized in points', async () => {
    const opened = await openFilePages(await samplePdf([[595, 842], [842, 595]]));
    expect(opened.ok && opened.value.pageCount).toBe(2);
    if (!opened.ok) return;
    const [first, second] = [await opened.value.page(0), await opened.value.page(1)];
    expect(second).toMatchObject({ format: 'pdf', page: 1, widthPx: 842, heightPx: 595, dpi: 72 });
    expect(second.bytes).toBe(first.bytes);
    expect((await PDFDocument.load(second.bytes)).getPageCount()).toBe(2);
    expect(opened.value.removedActiveContent).toEqual([]);
  });

  it('refuses from the headers alone, before decoding: pixel bombs (naming the page and its size) and too many pages', async () => {
    const limits = { maxPages: 500, maxPagePixels: 40_000_000 };
    expect(await openFilePages(await pngBomb(50_000, 50_000), { limits })).toEqual({ ok: false, error: { kind: 'too-many-pixels', page: 1, widthPx: 50_000, heightPx: 50_000, maxPixels: 40_000_000 } });
    expect(await openFilePages(await tiffBomb(200, 20_000, 20_000), { limits })).toEqual({ ok: false, error: { kind: 'too-many-pixels', page: 1, widthPx: 20_000, heightPx: 20_000, maxPixels: 40_000_000 } });
    // A bomb hidden behind innocent first pages is found on its own page.
    const mixed = await tiffOfPages([[1_000, 1_400], [1_000, 1_400], [30_000, 30_000]]);
    expect(await openFilePages(mixed, { limits })).toEqual({ ok: false, error: { kind: 'too-many-pixels', page: 3, widthPx: 30_000, heightPx: 30_000, maxPixels: 40_000_000 } });
    expect(await openFilePages(await tiffBomb(501, 10, 10), { limits })).toEqual({ ok: false, error: { kind: 'too-many-pages', pages: 501, maxPages: 500 } });
  });

  it('with verifyPixels decodes every page before delivering any, so a file damaged past its headers is refused', async () => {
    expect((await openFilePages(await truncatedJpeg())).ok).toBe(true);
    expect(await openFilePages(await truncatedJpeg(), { verifyPixels: true })).toEqual({ ok: false, error: { kind: 'corrupt-file' } });
  });

  it.each([
    ['a truncated PDF', async () => (await samplePdf([[100, 100]])).subarray(0, 300), { kind: 'corrupt-file' }],
    ['a truncated multi-page TIFF', async () => (await sampleTiff(3)).subarray(0, 400), { kind: 'corrupt-file' }],
    ['a PNG header with nothing after it', async () => (await samplePng()).subarray(0, 40), { kind: 'corrupt-file' }],
    ['an encrypted PDF', encryptedPdf, { kind: 'unsupported-file', reason: 'encrypted' }],
    ['a text file', async () => new TextEncoder().encode('not an image'), { kind: 'unsupported-file', reason: 'unknown-format' }],
  ] as const)('refuses %s', async (_name, make, error) => {
    expect(await openFilePages(await make())).toEqual({ ok: false, error });
  });
});
