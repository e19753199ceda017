import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ScanRequest, ScannedPage } from '../../ports/Scanner';
import { FakeScanner } from './FakeScanner';

const adf: ScanRequest = { deviceId: 'fake:0', source: 'adf', resolutionDpi: 50, mode: 'gray' };
const collect = () => {
  const pages: ScannedPage[] = [];
  return { pages, onPage: async (p: ScannedPage) => void pages.push(p) };
};

describe('FakeScanner', () => {
  it('delivers decodable A4 pages until the feeder is empty', async () => {
    const { pages, onPage } = collect();
    const result = await new FakeScanner({ feederCapacity: 3 }).scan(adf, { onPage });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 3, endedBy: 'feeder-empty' } });
    expect(pages.map((p) => p.index)).toEqual([0, 1, 2]);
    const meta = await sharp(pages[0]?.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['png', 413, 585, 1]);
  });

  it('makes pages that differ from each other', async () => {
    const { pages, onPage } = collect();
    await new FakeScanner().scan({ ...adf, maxPages: 2 }, { onPage });
    expect(Buffer.from(pages[0]?.bytes ?? []).equals(Buffer.from(pages[1]?.bytes ?? []))).toBe(false);
  });

  it('scans one page from the flatbed', async () => {
    expect(await new FakeScanner().scan({ ...adf, source: 'flatbed' }, collect())).toEqual({ ok: true, value: { pagesDelivered: 1, endedBy: 'complete' } });
  });

  it('plays back a jam after N pages, an empty feeder and an open cover', async () => {
    const jam = new FakeScanner({ failure: { error: { kind: 'paper-jam' }, afterPages: 2 } });
    expect(await jam.scan(adf, collect())).toEqual({ ok: false, error: { kind: 'paper-jam', pagesDelivered: 2 } });
    expect(await new FakeScanner({ feederCapacity: 0 }).scan(adf, collect())).toEqual({ ok: false, error: { kind: 'feeder-empty', pagesDelivered: 0 } });
    const cover = new FakeScanner();
    cover.setFailure({ error: { kind: 'cover-open' }, afterPages: 0 });
    expect(await cover.scan(adf, collect())).toEqual({ ok: false, error: { kind: 'cover-open', pagesDelivered: 0 } });
  });

  it('honours delays, progress and cancel', async () => {
    const waits: number[] = [];
    const controller = new AbortController();
    const progress: unknown[] = [];
    const scanner = new FakeScanner({ pageDelayMs: 100, sleep: async (ms) => void waits.push(ms) });
    const result = await scanner.scan(adf, {
      signal: controller.signal,
      onProgress: (p) => progress.push(p),
      onPage: async (page) => {
        if (page.index === 1) controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 2 } });
    expect(waits).toEqual([50, 50, 50, 50]);
    expect(progress.slice(0, 3)).toEqual([{ pagesDone: 0, currentPagePercent: 0 }, { pagesDone: 0, currentPagePercent: 50 }, { pagesDone: 1 }]);
  });

  it('knows only its own devices', async () => {
    const scanner = new FakeScanner();
    expect(await scanner.capabilities('other')).toEqual({ ok: false, error: { kind: 'device-not-found', deviceId: 'other' } });
    expect(await scanner.scan({ ...adf, deviceId: 'other' }, collect())).toMatchObject({ ok: false, error: { kind: 'device-not-found' } });
  });
});
