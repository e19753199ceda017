import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanRequest, ScannedPage } from '../../ports/Scanner';
import { FileImportScanner, type ImportFile } from './FileImportScanner';
import { sampleJpeg, samplePdf, samplePng, sampleTiff, truncatedJpeg } from './testSupport/sampleFiles';

const request: ScanRequest = { deviceId: 'import', source: 'flatbed', resolutionDpi: 300, mode: 'color' };

function importer(files: readonly ImportFile[] | null, maxFileBytes?: number) {
  return new FileImportScanner({ pickFiles: async () => files, ...(maxFileBytes ? { maxFileBytes } : {}) });
}
const collect = () => {
  const pages: ScannedPage[] = [];
  return { pages, onPage: async (p: ScannedPage) => void pages.push(p) };
};

describe('FileImportScanner', () => {
  it('delivers JPEG, multi-page TIFF and PDF pages in the chosen order, indexed across files', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-import-'));
    const tiffPath = path.join(dir, 'scan.tif');
    await writeFile(tiffPath, await sampleTiff(3));
    const files: ImportFile[] = [
      { name: 'photo.jpg', bytes: await sampleJpeg() },
      { name: 'scan.tif', path: tiffPath },
      { name: 'form.pdf', bytes: await samplePdf([[595, 842], [595, 842]]) },
    ];
    const { pages, onPage } = collect();
    const result = await importer(files).scan(request, { onPage });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 6, endedBy: 'complete' } });
    expect(pages.map((p) => [p.index, p.format])).toEqual([
      [0, 'jpeg'],
      [1, 'tiff'],
      [2, 'tiff'],
      [3, 'tiff'],
      [4, 'pdf'],
      [5, 'pdf'],
    ]);
  });

  it('refuses a corrupt file before delivering anything, naming the file', async () => {
    const files: ImportFile[] = [
      { name: 'good.png', bytes: await samplePng() },
      { name: '/home/operator/Desktop/broken.jpg', bytes: await truncatedJpeg() },
    ];
    const { pages, onPage } = collect();
    expect(await importer(files).scan(request, { onPage })).toEqual({
      ok: false,
      error: { kind: 'corrupt-file', fileIndex: 1, fileName: 'broken.jpg', pagesDelivered: 0 },
    });
    expect(pages).toEqual([]);
  });

  it('refuses a file that is not an image or PDF whatever its name, and one over the size limit', async () => {
    const notImage: ImportFile[] = [{ name: 'document.pdf', bytes: new TextEncoder().encode('PK\u0003\u0004 a zip') }];
    expect(await importer(notImage).scan(request, collect())).toEqual({
      ok: false,
      error: { kind: 'unsupported-file', fileIndex: 0, fileName: 'document.pdf', reason: 'unknown-format', pagesDelivered: 0 },
    });
    const big: ImportFile[] = [{ name: 'big.png', bytes: await samplePng() }];
    expect(await importer(big, 100).scan(request, collect())).toMatchObject({ ok: false, error: { kind: 'unsupported-file', reason: 'too-large' } });
  });

  it('treats an empty choice as cancelled and an unreadable path as an I/O error', async () => {
    expect(await importer(null).scan(request, collect())).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 0 } });
    expect(await importer([{ name: 'gone.png', path: '/nonexistent/gone.png' }]).scan(request, collect())).toEqual({
      ok: false,
      error: { kind: 'io-error', pagesDelivered: 0 },
    });
  });

  it('stops at maxPages and on abort', async () => {
    const files: ImportFile[] = [{ name: 'scan.tif', bytes: await sampleTiff(3) }];
    expect(await importer(files).scan({ ...request, maxPages: 2 }, collect())).toEqual({ ok: true, value: { pagesDelivered: 2, endedBy: 'complete' } });
    const controller = new AbortController();
    const result = await importer(files).scan(request, { signal: controller.signal, onPage: async () => controller.abort() });
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 1 } });
  });

  it('has a single device with nothing to configure', async () => {
    const scanner = importer([]);
    expect(await scanner.listDevices()).toEqual({ ok: true, value: [{ id: 'import', vendor: '', model: 'File import', type: 'file import', adapter: 'import' }] });
    expect(await scanner.capabilities('import')).toEqual({ ok: true, value: { sources: [], resolutionsDpi: [], modes: [], maxAreaMm: null } });
    expect(await scanner.capabilities('x')).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'x' } });
  });
});
