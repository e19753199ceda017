import { noiseJpeg, pdfWithSharedImage } from '../../test/support/hostilePdfs';
import { execFileSync } from 'node:child_process';
import { requireSystemTool } from '../../test/support/requireSystemTool';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDocumentPdf, type AssemblyPage } from './assembleDocumentPdf';

const FONT = path.join(process.cwd(), 'resources/fonts/DejaVuSans.ttf');
let fontBytes: Uint8Array;
beforeAll(async () => {
  fontBytes = new Uint8Array(await readFile(FONT));
});

async function scanPage(label: string): Promise<AssemblyPage> {
  // A 150-dpi A4 page, small enough for a fast test.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1240" height="1754"><rect width="100%" height="100%" fill="white"/>
    <text x="100" y="200" font-size="60" font-family="DejaVu Sans">${label}</text></svg>`;
  const bytes = new Uint8Array(await sharp(Buffer.from(svg)).grayscale().jpeg({ quality: 75 }).toBuffer());
  return { kind: 'image', mediaType: 'image/jpeg', bytes, widthPx: 1240, heightPx: 1754, dpi: 150 };
}

async function writeTemp(bytes: Uint8Array): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-pdf-')), 'doc.pdf');
  await writeFile(file, bytes);
  return file;
}

describe('assembleDocumentPdf', () => {
  it('builds one valid A4 PDF from scans and an imported PDF page, with a Kazakh footer that pdftotext reads back', async () => {
    requireSystemTool('qpdf', 'qpdf', ['--version']);
    requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
    const imported = await PDFDocument.create();
    imported.addPage([595.28, 841.89]);
    const pages = [await scanPage('Page one'), await scanPage('Page two'), { kind: 'pdf' as const, source: 'imported', bytes: await imported.save(), page: 0 }];
    const result = await assembleDocumentPdf({ pages, footer: 'Жарғы · ӘҒҚҢӨҰҮҺІ', title: 'Жарғы', createdAt: new Date('2026-11-23T05:00:00Z'), fontBytes });
    if (!result.ok) throw new Error(result.error.kind);
    const file = await writeTemp(result.value.bytes);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Жарғы · ӘҒҚҢӨҰҮҺІ · 1/3');
    expect(text).toContain('3/3');
    const parsed = await PDFDocument.load(result.value.bytes);
    expect(result.value.pageCount).toBe(parsed.getPageCount());
    expect(parsed.getPageCount()).toBe(3);
    expect(parsed.getTitle()).toBe('Жарғы');
  });

  it('copies what the pages of one imported PDF share once: 300 pages drawing one image stay about the size of that image', async () => {
    requireSystemTool('qpdf', 'qpdf', ['--version']);
    const image = await noiseJpeg(1200, 1200);
    const imported = await pdfWithSharedImage(300, image);
    const pages = Array.from({ length: 300 }, (_, page) => ({ kind: 'pdf' as const, source: 'the-import', bytes: imported, page }));
    const result = await assembleDocumentPdf({ pages, footer: 'Жарғы', title: 'Жарғы', createdAt: new Date('2026-11-23T05:00:00Z'), fontBytes });
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.value.pageCount).toBe(300);
    expect(result.value.bytes.byteLength).toBeLessThan(image.byteLength * 2);
    expect(execFileSync('qpdf', ['--check', await writeTemp(result.value.bytes)], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  }, 60_000);

  it('gives the same bytes, hence the same SHA-256, for the same pages', async () => {
    const pages = [await scanPage('same')];
    const input = { pages, footer: 'x', title: 't', createdAt: new Date('2026-11-23T05:00:00Z'), fontBytes };
    const [a, b] = await Promise.all([assembleDocumentPdf(input), assembleDocumentPdf(input)]);
    if (!a.ok || !b.ok) throw new Error('assembly failed');
    expect(createHash('sha256').update(a.value.bytes).digest('hex')).toBe(createHash('sha256').update(b.value.bytes).digest('hex'));
  });

  it('refuses an empty document and names a corrupt page instead of producing a broken PDF', async () => {
    expect(await assembleDocumentPdf({ pages: [], footer: 'x', title: 't', createdAt: new Date(), fontBytes })).toEqual({ ok: false, error: { kind: 'no-pages' } });
    const broken: AssemblyPage = { kind: 'image', mediaType: 'image/jpeg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0x00, 1, 2, 3]), widthPx: 10, heightPx: 10, dpi: 150 };
    const result = await assembleDocumentPdf({ pages: [await scanPage('ok'), broken], footer: 'x', title: 't', createdAt: new Date(), fontBytes });
    expect(result).toEqual({ ok: false, error: { kind: 'corrupt-page', index: 1 } });
  });
});
