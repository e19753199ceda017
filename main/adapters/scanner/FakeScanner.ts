import sharp from 'sharp';
import { err, ok, type Result } from '../../../core/result';
import type {
  ScanError,
  ScanFailure,
  ScanHandlers,
  ScanMode,
  ScanRequest,
  ScanSummary,
  Scanner,
  ScannerCapabilities,
  ScannerDevice,
  ScannedPage,
} from '../../ports/Scanner';
import { realSleep, type Sleep } from './sleep';

/** A failure to play back: `error` happens when page `afterPages + 1` would start (0 = before any page). */
export interface FakeScanFailure {
  readonly error: ScanError;
  readonly afterPages: number;
}

export interface FakeScannerOptions {
  readonly devices?: readonly ScannerDevice[];
  readonly capabilities?: ScannerCapabilities;
  /** Sheets in the feeder per scan, like the SANE test device's 10. */
  readonly feederCapacity?: number;
  /** Time each page takes, so the UI's progress and cancel can be seen and tested. */
  readonly pageDelayMs?: number;
  readonly failure?: FakeScanFailure | null;
  readonly sleep?: Sleep;
}

export const FAKE_DEVICE: ScannerDevice = { id: 'fake:0', vendor: 'PSC', model: 'Demo scanner', type: 'virtual device', adapter: 'sane' };
const FAKE_CAPABILITIES: ScannerCapabilities = {
  sources: ['flatbed', 'adf'],
  resolutionsDpi: [75, 150, 200, 300],
  modes: ['color', 'gray', 'lineart'],
  maxAreaMm: { widthMm: 215.9, heightMm: 297 },
};
const A4_MM = { width: 210, height: 297 } as const;
const SHADES = ['#f4efe1', '#e1ecf4', '#e9f4e1', '#f4e1e8'] as const;

/** Renders a recognisable A4 page: a paper shade and `index + 1` bars, so pages can be told apart without fonts. */
async function renderPage(index: number, dpi: number, mode: ScanMode): Promise<ScannedPage> {
  const widthPx = Math.round((A4_MM.width / 25.4) * dpi);
  const heightPx = Math.round((A4_MM.height / 25.4) * dpi);
  const bar = Math.max(1, Math.round(dpi / 10));
  const bars = Array.from({ length: index + 1 }, (_, i) => `<rect x="${bar * 2}" y="${bar * (2 + i * 2)}" width="${Math.round(widthPx / 2)}" height="${bar}" fill="#203040"/>`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}">${bars.join('')}</svg>`;
  // Two passes: sharp composites last in its pipeline, so colour conversion must run on the flattened result.
  const drawn = await sharp({ create: { width: widthPx, height: heightPx, channels: 3, background: SHADES[index % SHADES.length] ?? '#ffffff' } })
    .composite([{ input: Buffer.from(svg) }])
    .raw()
    .toBuffer({ resolveWithObject: true });
  let image = sharp(drawn.data, { raw: drawn.info }).removeAlpha().withDensity(dpi);
  if (mode !== 'color') image = image.grayscale().toColourspace('b-w');
  if (mode === 'lineart') image = image.threshold(160);
  const bytes = await image.png({ compressionLevel: 1 }).toBuffer();
  return { index, bytes, format: 'png', widthPx, heightPx, dpi };
}

/**
 * A scanner for tests and the demo mode: generated page images, a feeder that empties after
 * `feederCapacity` sheets, optional delays and scripted failures (jam after N pages, cover open, …).
 */
export class FakeScanner implements Scanner {
  private failure: FakeScanFailure | null;
  private readonly sleep: Sleep;

  constructor(private readonly options: FakeScannerOptions = {}) {
    this.failure = options.failure ?? null;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Changes the failure played back by the next scans (demo mode toggles it at runtime). */
  setFailure(failure: FakeScanFailure | null): void {
    this.failure = failure;
  }

  async listDevices(): Promise<Result<ScannerDevice[], ScanError>> {
    return ok([...(this.options.devices ?? [FAKE_DEVICE])]);
  }

  async capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>> {
    if (!this.knows(deviceId)) return err({ kind: 'device-not-found', deviceId });
    return ok(this.options.capabilities ?? FAKE_CAPABILITIES);
  }

  async scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
    if (!this.knows(request.deviceId)) return err({ kind: 'device-not-found', deviceId: request.deviceId, pagesDelivered: 0 });
    const caps = this.options.capabilities ?? FAKE_CAPABILITIES;
    if (!caps.sources.includes(request.source)) return err({ kind: 'unsupported-setting', setting: 'source', requested: request.source, pagesDelivered: 0 });

    const sheets = request.source === 'flatbed' ? 1 : (this.options.feederCapacity ?? 10);
    const wanted = request.maxPages ?? (request.source === 'flatbed' ? 1 : Number.POSITIVE_INFINITY);
    const failure = this.failure;
    const delay = this.options.pageDelayMs ?? 0;
    let delivered = 0;
    while (delivered < wanted) {
      if (failure && failure.afterPages === delivered) return err({ ...failure.error, pagesDelivered: delivered });
      if (request.source === 'adf' && delivered >= sheets) {
        return delivered === 0 ? err({ kind: 'feeder-empty', pagesDelivered: 0 }) : ok({ pagesDelivered: delivered, endedBy: 'feeder-empty' });
      }
      for (const percent of [0, 50]) {
        if (handlers.signal?.aborted) return err({ kind: 'cancelled', pagesDelivered: delivered });
        handlers.onProgress?.({ pagesDone: delivered, currentPagePercent: percent });
        await this.sleep(delay / 2, handlers.signal);
      }
      if (handlers.signal?.aborted) return err({ kind: 'cancelled', pagesDelivered: delivered });
      await handlers.onPage(await renderPage(delivered, request.resolutionDpi, request.mode));
      delivered += 1;
      handlers.onProgress?.({ pagesDone: delivered });
    }
    return ok({ pagesDelivered: delivered, endedBy: 'complete' });
  }

  private knows(deviceId: string): boolean {
    return (this.options.devices ?? [FAKE_DEVICE]).some((d) => d.id === deviceId);
  }
}
