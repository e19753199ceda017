/**
 * The SANE adapter against the REAL `scanimage` and the SANE `test` device, configured by the
 * repo-owned test/sane.d (A4 geometry). Without scanimage these tests fail; they never skip.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import { requireSystemTool } from '../../../test/support/requireSystemTool';
import type { ScanRequest, ScannedPage } from '../../ports/Scanner';
import { SaneScanner, type SaneScannerOptions } from './SaneScanner';

const saneConfigDir = fileURLToPath(new URL('../../../test/sane.d', import.meta.url));
const adf: ScanRequest = { deviceId: 'test:0', source: 'adf', resolutionDpi: 75, mode: 'gray' };
const collect = () => {
  const pages: ScannedPage[] = [];
  return { pages, onPage: async (page: ScannedPage) => void pages.push(page) };
};
// Short grace periods: the test backend sometimes deadlocks after an injected error or a cancel (see runSaneBatch).
const scanner = (options: SaneScannerOptions = {}) => new SaneScanner({ saneConfigDir, exitGraceMs: 500, killGraceMs: 300, ...options });
const injected = (status: string) => scanner({ testOnlyExtraArgs: ['--read-return-value', `SANE_STATUS_${status}`] });

// Per test, so each one is reported failed (not skipped) where scanimage is missing.
beforeEach(() => requireSystemTool('scanimage', 'sane-utils', ['--version']));

describe('SaneScanner with the SANE test device', () => {
  it('lists test:0', async () => {
    const devices = await scanner().listDevices();
    expect(devices.ok && devices.value.find((d) => d.id === 'test:0')).toEqual({
      id: 'test:0',
      vendor: 'Noname',
      model: 'frontend-tester',
      type: 'virtual device',
      adapter: 'sane',
    });
  });

  it('reports a feeder and 300 dpi', async () => {
    const caps = await scanner().capabilities('test:0');
    expect(caps.ok).toBe(true);
    if (!caps.ok) return;
    expect(caps.value.sources).toEqual(['flatbed', 'adf']);
    expect(caps.value.resolutionsDpi).toContain(300);
    expect(caps.value.modes).toEqual(['color', 'gray', 'lineart']);
  });

  it('scans one A4 flatbed page at 150 dpi that sharp decodes', async () => {
    const { pages, onPage } = collect();
    const result = await scanner({ testOnlyExtraArgs: ['--test-picture', 'Grid'] }).scan({ ...adf, source: 'flatbed', resolutionDpi: 150 }, { onPage });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 1, endedBy: 'complete' } });
    const [page] = pages;
    expect(page).toMatchObject({ index: 0, format: 'tiff', dpi: 150 });
    expect(Math.abs((page?.widthPx ?? 0) - 1240)).toBeLessThanOrEqual(1);
    expect(Math.abs((page?.heightPx ?? 0) - 1754)).toBeLessThanOrEqual(1);
    const stats = await sharp(page?.bytes).stats();
    // The grid has black lines on white: both extremes are present.
    expect(stats.channels[0]?.min).toBe(0);
    expect(stats.channels[0]?.max).toBe(255);
  });

  it('scans a 300-dpi A4 colour page at full size', async () => {
    const { pages, onPage } = collect();
    const result = await scanner({ testOnlyExtraArgs: ['--test-picture', 'Color pattern'] }).scan(
      { ...adf, source: 'flatbed', resolutionDpi: 300, mode: 'color' },
      { onPage },
    );
    expect(result.ok).toBe(true);
    expect(pages[0]).toMatchObject({ widthPx: 2480, heightPx: 3507, dpi: 300 });
    expect((await sharp(pages[0]?.bytes).metadata()).channels).toBe(3);
  });

  it('hands over an ADF batch of 3 one by one, awaiting each onPage before reading the next', async () => {
    const tempRoot = await mkdtemp(path.join(tmpdir(), 'psc-sane-it-'));
    const log: string[] = [];
    let inFlight = 0;
    const result = await scanner({ tempRoot }).scan(
      { ...adf, maxPages: 3 },
      {
        onPage: async (page) => {
          inFlight += 1;
          log.push(`start ${page.index}`);
          expect(inFlight).toBe(1);
          await new Promise((r) => setTimeout(r, 80));
          log.push(`end ${page.index}`);
          inFlight -= 1;
        },
      },
    );
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 3, endedBy: 'complete' } });
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  it('ends a feeder scan when the feeder runs empty (10 pages on the test device)', async () => {
    const { pages, onPage } = collect();
    const result = await scanner().scan({ ...adf, resolutionDpi: 25 }, { onPage });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 10, endedBy: 'feeder-empty' } });
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('scans a 10-page gray feeder batch at 300 dpi', async () => {
    const { pages, onPage } = collect();
    const result = await scanner().scan({ ...adf, resolutionDpi: 300 }, { onPage });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 10, endedBy: 'feeder-empty' } });
    expect(pages[9]).toMatchObject({ widthPx: 2480, heightPx: 3507 });
  });

  it.each([
    ['JAMMED', 'paper-jam'],
    ['NO_DOCS', 'feeder-empty'],
    ['COVER_OPEN', 'cover-open'],
    ['DEVICE_BUSY', 'device-busy'],
  ] as const)('maps an injected %s to %s', async (status, kind) => {
    const result = await injected(status).scan({ ...adf, maxPages: 3 }, collect());
    expect(result).toEqual({ ok: false, error: { kind, pagesDelivered: 0 } });
  });

  it('reports an unknown device as device-not-found', async () => {
    expect(await scanner().capabilities('nosuch:0')).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'nosuch:0' } });
    expect(await scanner().scan({ ...adf, deviceId: 'nosuch:0' }, collect())).toEqual({
      ok: false,
      error: { kind: 'device-not-found', deviceId: 'nosuch:0', pagesDelivered: 0 },
    });
  });

  it('cancels mid-batch: the process is stopped and the delivered pages are counted', async () => {
    const tempRoot = await mkdtemp(path.join(tmpdir(), 'psc-sane-it-'));
    // ≈0.2 s per page: a full feeder (10 pages) would take ≈2 s; the cancel lands during page 3.
    const slow = scanner({ tempRoot, testOnlyExtraArgs: ['--read-delay=yes', '--read-delay-duration=200000'] });
    const controller = new AbortController();
    const { pages, onPage } = collect();
    const started = performance.now();
    const result = await slow.scan(
      { ...adf, resolutionDpi: 25 },
      {
        signal: controller.signal,
        onPage: async (page) => {
          await onPage(page);
          if (page.index === 1) controller.abort();
        },
      },
    );
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 2 } });
    expect(pages).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1200);
    expect(await readdir(tempRoot)).toEqual([]);
  });
});
