/**
 * Imported PDFs lose their active content wherever it hides, keep their pages and text, pass
 * `qpdf --check`, store what their pages share once, and respect the page and image limits. The
 * licensing body's own inspection (backend/applications/pdfActiveContent.ts, written separately)
 * finds the active content in every generated original and nothing in what we keep.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf } from '../../backend/applications/pdfActiveContent';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { sanitizePdf } from './sanitizePdf';
import { ACTIVE_CONTENT_PLACES, noiseJpeg, pdfWithActiveContent, pdfWithImageBomb, pdfWithSharedImage } from '../../test/support/hostilePdfs';

const LIMITS = { maxPages: 500, maxImagePixels: 40_000_000 };

async function qpdfCheck(bytes: Uint8Array): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-sanitised-')), 'out.pdf');
  await writeFile(file, bytes);
  return execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
}

beforeAll(() => {
  requireSystemTool('qpdf', 'qpdf', ['--version']);
  requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
});

describe('sanitizePdf', () => {
  it.each(ACTIVE_CONTENT_PLACES)('removes %s: the original carries it, the result passes qpdf --check and keeps its pages and text', async (place) => {
    const original = await pdfWithActiveContent(place);
    expect((await inspectPdf(original)).kind).toBe('active-content');

    const sanitized = await sanitizePdf(original, LIMITS);
    if (!sanitized.ok) throw new Error(`refused: ${sanitized.error.kind}`);
    expect(sanitized.value.removed.length).toBeGreaterThan(0);
    expect(await inspectPdf(sanitized.value.bytes)).toEqual({ kind: 'clean', pageCount: 2 });
    expect(await qpdfCheck(sanitized.value.bytes)).toMatch(/No syntax or stream encoding errors/);
    const text = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(sanitized.value.bytes), encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    expect(text).toContain('Fee receipt, page 1');
    expect(text).toContain('Fee receipt, page 2');
    // What only the removed content used (the embedded executable, the scripts) is not in the file at all.
    const raw = Buffer.from(sanitized.value.bytes).toString('latin1');
    expect(raw).not.toContain('invoice.exe');
    expect(raw).not.toContain('app.alert');
  });

  it('keeps a clean PDF as it is, reporting nothing removed', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([595.28, 841.89]);
    const sanitized = await sanitizePdf(await doc.save(), LIMITS);
    expect(sanitized.ok && sanitized.value).toMatchObject({ pageCount: 1, removed: [] });
  });

  it('stores an image every page shares once: 300 pages cost the image once, not 300 times', async () => {
    const image = await noiseJpeg(1200, 1200);
    const original = await pdfWithSharedImage(300, image);
    const sanitized = await sanitizePdf(original, LIMITS);
    if (!sanitized.ok) throw new Error(sanitized.error.kind);
    expect(sanitized.value.pageCount).toBe(300);
    expect(sanitized.value.bytes.byteLength).toBeLessThan(image.byteLength * 2);
  });

  it('refuses more pages than a document may have', async () => {
    const original = await pdfWithSharedImage(12, await noiseJpeg(16, 16));
    expect(await sanitizePdf(original, { ...LIMITS, maxPages: 10 })).toEqual({ ok: false, error: { kind: 'too-many-pages', pages: 12, maxPages: 10 } });
  });

  it('refuses an image bomb inside a page from its declared size, naming the page, without decoding it', async () => {
    const result = await sanitizePdf(await pdfWithImageBomb(60_000, 60_000), LIMITS);
    expect(result).toEqual({ ok: false, error: { kind: 'too-many-pixels', page: 1, widthPx: 60_000, heightPx: 60_000, maxPixels: 40_000_000 } });
  });

  it('refuses a damaged file', async () => {
    const original = await pdfWithActiveContent('uri-link');
    expect(await sanitizePdf(original.subarray(0, 200), LIMITS)).toEqual({ ok: false, error: { kind: 'corrupt-file' } });
  });
});
