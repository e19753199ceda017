/**
 * The eSCL adapter against AirSane (a real eSCL server, built from ../shared/tools/airsane) with
 * SANE's `test` device behind it, on 127.0.0.1 only (issue 15 item 2).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saneConfigFor, startAirsane, type RunningAirsane } from '../../../test/support/airsane';
import type { ScannedPage } from '../../ports/Scanner';
import { EsclScanner } from './EsclScanner';

const DEVICE = 'escl:airsane';

describe('EsclScanner against AirSane', () => {
  let airsane: RunningAirsane;
  let scanner: EsclScanner;
  beforeAll(async () => {
    airsane = await startAirsane();
    scanner = new EsclScanner({ scanners: [{ id: 'airsane', name: 'AirSane test', url: airsane.url }] });
  }, 30_000);
  afterAll(async () => airsane?.stop());

  it('reads sources, modes and resolutions from the capabilities', async () => {
    expect(await scanner.listDevices()).toEqual({ ok: true, value: [expect.objectContaining({ id: DEVICE, model: 'AirSane test', adapter: 'escl' })] });
    const caps = await scanner.capabilities(DEVICE);
    expect(caps).toEqual({ ok: true, value: { sources: ['flatbed', 'adf'], resolutionsDpi: [75, 150, 300, 600, 1200], modes: ['color', 'gray', 'lineart'], maxAreaMm: { widthMm: 300, heightMm: 300 } } });
  });

  it('scans three feeder pages one at a time, each whole, and ends the job', async () => {
    const pages: ScannedPage[] = [];
    const progress: number[] = [];
    const result = await scanner.scan(
      { deviceId: DEVICE, source: 'adf', resolutionDpi: 150, mode: 'gray', maxPages: 3 },
      { onPage: async (page) => void pages.push(page), onProgress: (p) => progress.push(p.pagesDone) },
    );
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 3, endedBy: 'complete' } });
    expect(pages.map((p) => [p.index, p.format, p.widthPx, p.heightPx, p.dpi])).toEqual([0, 1, 2].map((i) => [i, 'jpeg', 1240, 1753, 150]));
    expect(progress).toEqual([1, 2, 3]);
  });

  it('scans the feeder until it is empty (the test device holds ten sheets)', async () => {
    let count = 0;
    const result = await scanner.scan({ deviceId: DEVICE, source: 'adf', resolutionDpi: 75, mode: 'gray' }, { onPage: async () => void (count += 1) });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 10, endedBy: 'feeder-empty' } });
    expect(count).toBe(10);
  });

  it('scans one flatbed page in colour', async () => {
    const pages: ScannedPage[] = [];
    const result = await scanner.scan({ deviceId: DEVICE, source: 'flatbed', resolutionDpi: 75, mode: 'color' }, { onPage: async (page) => void pages.push(page) });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 1, endedBy: 'complete' } });
    expect(pages[0]).toMatchObject({ format: 'jpeg', widthPx: 620, heightPx: 876 });
  });

  it('cancel stops the feeder mid-way, keeps the pages delivered and deletes the job', async () => {
    const controller = new AbortController();
    let count = 0;
    const result = await scanner.scan(
      { deviceId: DEVICE, source: 'adf', resolutionDpi: 75, mode: 'gray' },
      {
        signal: controller.signal,
        onPage: async () => {
          count += 1;
          if (count === 2) controller.abort();
        },
      },
    );
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 2 } });
    const status = await (await fetch(`${airsane.url}/ScannerStatus`)).text();
    // The job is no longer running on the scanner (AirSane records a deleted job as aborted/cancelled).
    expect(status).not.toMatch(/<pwg:JobState>(Processing|Pending)<\/pwg:JobState>/);
  });

  it('an empty feeder is feeder-empty, the same message as SANE', async () => {
    const empty = await startAirsane(await saneConfigFor('SANE_STATUS_NO_DOCS'));
    try {
      const adapter = new EsclScanner({ scanners: [{ id: 'empty', name: 'Empty', url: empty.url }] });
      expect(await adapter.scan({ deviceId: 'escl:empty', source: 'adf', resolutionDpi: 75, mode: 'gray' }, { onPage: async () => undefined })).toEqual({
        ok: false,
        error: { kind: 'feeder-empty', pagesDelivered: 0 },
      });
    } finally {
      await empty.stop();
    }
  }, 30_000);

  it('a scanner that stops mid-page (a jam behind AirSane) ends the scan with a failure and no broken page', async () => {
    const jammed = await startAirsane(await saneConfigFor('SANE_STATUS_JAMMED'));
    try {
      const adapter = new EsclScanner({ scanners: [{ id: 'jam', name: 'Jam', url: jammed.url }] });
      const pages: ScannedPage[] = [];
      const result = await adapter.scan({ deviceId: 'escl:jam', source: 'adf', resolutionDpi: 75, mode: 'gray' }, { onPage: async (page) => void pages.push(page) });
      expect(result.ok).toBe(false);
      expect(!result.ok && ['io-error', 'paper-jam'].includes(result.error.kind)).toBe(true);
      expect(pages).toEqual([]);
    } finally {
      await jammed.stop();
    }
  }, 30_000);
});
