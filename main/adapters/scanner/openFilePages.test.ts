import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectFileFormat } from './detectFileFormat';
import { openFilePages } from './openFilePages';
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

  it('splits a multi-page TIFF into single-page TIFFs', async () => {
    const opened = await openFilePages(await sampleTiff(3));
    expect(opened.ok && opened.value.pageCount).toBe(3);
    if (!opened.ok) return;
    for (let n = 0; n < 3; n += 1) {
      const page = await opened.value.page(n);
      expect(page.format).toBe('tiff');
      const meta = await sharp(page.bytes).metadata();
      expect(meta.pages ?? 1).toBe(1);
      expect([meta.width, meta.height]).toEqual([100, 140]);
      // Each page keeps its own colour: red, green, blue.
      const { dominant } = await sharp(page.bytes).stats();
      expect([dominant.r > 150, dominant.g > 150, dominant.b > 150]).toEqual([n === 0, n === 1, n === 2]);
    }
  });

  it('splits a PDF into single-page PDFs sized in points', async () => {
    const opened = await openFilePages(await samplePdf([[595, 842], [842, 595]]));
    expect(opened.ok && opened.value.pageCount).toBe(2);
    if (!opened.ok) return;
    const second = await opened.value.page(1);
    expect(second).toMatchObject({ format: 'pdf', widthPx: 842, heightPx: 595, dpi: 72 });
    expect((await PDFDocument.load(second.bytes)).getPageCount()).toBe(1);
  });

  it.each([
    ['a truncated JPEG', truncatedJpeg, { kind: 'corrupt-file' }],
    ['a truncated PDF', async () => (await samplePdf([[100, 100]])).subarray(0, 300), { kind: 'corrupt-file' }],
    ['a truncated multi-page TIFF', async () => (await sampleTiff(3)).subarray(0, 400), { kind: 'corrupt-file' }],
    ['a PNG header with nothing after it', async () => (await samplePng()).subarray(0, 40), { kind: 'corrupt-file' }],
    ['an encrypted PDF', encryptedPdf, { kind: 'unsupported-file', reason: 'encrypted' }],
    ['a text file', async () => new TextEncoder().encode('not an image'), { kind: 'unsupported-file', reason: 'unknown-format' }],
  ] as const)('refuses %s', async (_name, make, error) => {
    expect(await openFilePages(await make())).toEqual({ ok: false, error });
  });
});
