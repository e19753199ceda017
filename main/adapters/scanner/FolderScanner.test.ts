import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScanRequest, ScannedPage } from '../../ports/Scanner';
import { FolderScanner } from './FolderScanner';
import { samplePdf, samplePng, sampleTiff, truncatedJpeg } from './testSupport/sampleFiles';

const request: ScanRequest = { deviceId: 'mfp', source: 'adf', resolutionDpi: 300, mode: 'color' };

/** Virtual time: every poll sleep advances the clock and runs the test's step for that tick. */
function virtualTime(step: (tick: number) => void | Promise<void>) {
  let now = 0;
  let tick = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      tick += 1;
      await step(tick);
    },
  };
}

async function watchedFolder() {
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-folder-'));
  return { dir, folders: [{ id: 'mfp', name: 'MFP 2nd floor', path: dir }] };
}

describe('FolderScanner', () => {
  it('takes a file only after it stopped growing for the stability window, and only once', async () => {
    const { dir, folders } = await watchedFolder();
    const png = await samplePng();
    await writeFile(path.join(dir, 'scan0001.png'), png.subarray(0, 100));
    const controller = new AbortController();
    const time = virtualTime(async (tick) => {
      if (tick === 1) await appendFile(path.join(dir, 'scan0001.png'), png.subarray(100));
      if (tick === 10) controller.abort();
    });
    const deliveries: { at: number; page: ScannedPage }[] = [];
    const scanner = new FolderScanner({ folders, pollIntervalMs: 100, stabilityWindowMs: 250, ...time });
    const result = await scanner.scan(request, { signal: controller.signal, onPage: async (page) => void deliveries.push({ at: time.now(), page }) });

    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 1 } });
    // Last change seen at t=100; stable from t=350; the next poll is t=400.
    expect(deliveries.map((d) => d.at)).toEqual([400]);
    expect(Buffer.from(deliveries[0]?.page.bytes ?? []).equals(png)).toBe(true);
    expect(await readdir(path.join(dir, 'processed'))).toEqual(['scan0001.png']);
    expect(await readdir(path.join(dir, 'rejected'))).toEqual([]);
  });

  it('delivers oldest first (mtime, then name), moves files to processed/, and never again after a restart', async () => {
    const { dir, folders } = await watchedFolder();
    for (const [name, colour, mtime] of [['c.png', 2, 2000], ['a.png', 1, 2000], ['b.png', 0, 1000]] as const) {
      await writeFile(path.join(dir, name), await samplePng(colour));
      await utimes(path.join(dir, name), mtime, mtime);
    }
    await mkdir(path.join(dir, 'processed'));
    await writeFile(path.join(dir, 'processed', 'a.png'), 'delivered yesterday');
    const order: Buffer[] = [];
    const scanner = new FolderScanner({ folders, pollIntervalMs: 100, stabilityWindowMs: 100, ...virtualTime(() => undefined) });
    const first = await scanner.scan({ ...request, maxPages: 3 }, { onPage: async (p) => void order.push(Buffer.from(p.bytes)) });
    expect(first).toEqual({ ok: true, value: { pagesDelivered: 3, endedBy: 'complete' } });
    // b (oldest), then a before c (same mtime, by name); each sample colour is a distinct file.
    expect(order).toEqual(await Promise.all([0, 1, 2].map((c) => samplePng(c))));
    expect((await readdir(path.join(dir, 'processed'))).sort()).toEqual(['a-1.png', 'a.png', 'b.png', 'c.png']);

    const controller = new AbortController();
    const again = new FolderScanner({ folders, pollIntervalMs: 100, stabilityWindowMs: 100, ...virtualTime((t) => (t === 5 ? controller.abort() : undefined)) });
    expect(await again.scan(request, { signal: controller.signal, onPage: async () => expect.fail('re-delivered') })).toEqual({
      ok: false,
      error: { kind: 'cancelled', pagesDelivered: 0 },
    });
  });

  it('splits multi-page TIFF and PDF files, rejects unsupported and corrupt ones, ignores temp files', async () => {
    const { dir, folders } = await watchedFolder();
    const files: [string, Uint8Array, number][] = [
      ['1.tif', await sampleTiff(3), 1000],
      ['2.pdf', await samplePdf([[595, 842], [595, 842]]), 1001],
      ['3.jpg', new TextEncoder().encode('not really a jpeg'), 1002],
      ['4.jpg', await truncatedJpeg(), 1003],
      ['.~lock.5.png', await samplePng(), 1004],
      ['6.png.tmp', await samplePng(), 1005],
    ];
    for (const [name, bytes, mtime] of files) {
      await writeFile(path.join(dir, name), bytes);
      await utimes(path.join(dir, name), mtime, mtime);
    }
    const controller = new AbortController();
    const formats: string[] = [];
    const scanner = new FolderScanner({ folders, pollIntervalMs: 100, stabilityWindowMs: 0, ...virtualTime((t) => (t === 3 ? controller.abort() : undefined)) });
    const result = await scanner.scan(request, { signal: controller.signal, onPage: async (p) => void formats.push(p.format) });
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 5 } });
    expect(formats).toEqual(['tiff', 'tiff', 'tiff', 'pdf', 'pdf']);
    expect((await readdir(path.join(dir, 'rejected'))).sort()).toEqual(['3.jpg', '4.jpg']);
    expect((await readdir(dir)).sort()).toEqual(['.~lock.5.png', '6.png.tmp', 'processed', 'rejected']);
  });

  it('moves a file whose delivery was cut short by a cancel to processed/, so the next applicant never gets it', async () => {
    const { dir, folders } = await watchedFolder();
    await writeFile(path.join(dir, 'multi.tif'), await sampleTiff(3));
    const controller = new AbortController();
    const scanner = new FolderScanner({ folders, pollIntervalMs: 100, stabilityWindowMs: 0, ...virtualTime(() => undefined) });
    const result = await scanner.scan(request, { signal: controller.signal, onPage: async () => controller.abort() });
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 1 } });
    expect(await readdir(path.join(dir, 'processed'))).toEqual(['multi.tif']);
  });

  it('reports a missing folder without creating it, and unknown ids', async () => {
    const missing = path.join(tmpdir(), 'psc-folder-not-mounted', 'share');
    const scanner = new FolderScanner({ folders: [{ id: 'mfp', name: 'MFP', path: missing }] });
    expect(await scanner.scan(request, { onPage: async () => undefined })).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'mfp', pagesDelivered: 0 } });
    expect(existsSync(missing)).toBe(false);
    expect(await scanner.capabilities('mfp')).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'mfp' } });
    expect(await scanner.capabilities('other')).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'other' } });
    expect(await scanner.listDevices()).toEqual({
      ok: true,
      value: [{ id: 'mfp', vendor: 'Network folder', model: 'MFP', type: 'watched folder', adapter: 'folder' }],
    });
  });
});
