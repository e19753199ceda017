/**
 * eSCL (AirScan, Mopria) network scanners configured by URL (DESIGN.md §6, issue 15 item 2): the
 * same Scanner port as SANE, so pages stream into the same pipeline, slots and progress bar.
 *
 * A scan is: capabilities (cached) → POST ScanJobs → GET NextDocument, one page at a time, each
 * handed to `onPage` and awaited before the next is asked for → until 404 (no more pages), the
 * requested count (then DELETE), cancel (DELETE) or a failure. A page is delivered only whole
 * (readCompleteImageHeader); a body cut short, an abort or a time-out ends the scan with every
 * earlier page kept. What went wrong is asked of ScannerStatus and mapped to the same operator
 * messages as SANE: feeder empty, jam, cover open, busy. No discovery (mDNS) here: scanners are
 * named in config.json, so nothing is ever announced or probed on the network.
 */
import { err, ok, type Result } from '../../../core/result';
import type { ScanError, ScanFailure, ScanHandlers, ScanRequest, ScanSummary, Scanner, ScannerCapabilities, ScannerDevice, ScanMode } from '../../ports/Scanner';
import { EsclClient, type EsclAnswer } from './EsclClient';
import { colorModeFor, parseCapabilities, parseStatus, scanSettingsXml, type EsclCapabilities, type EsclInputCaps, type EsclStatus } from './esclXml';
import { readCompleteImageHeader } from './scannedImageHeader';

export interface EsclScannerConfig {
  /** Short stable id (config.json); the device id is `escl:<id>`. */
  readonly id: string;
  /** What the operator sees, e.g. "MFP 2nd floor". */
  readonly name: string;
  /** The eSCL root, e.g. `http://192.0.2.10/eSCL`. */
  readonly url: string;
}

export interface EsclScannerOptions {
  readonly scanners: readonly EsclScannerConfig[];
  readonly requestTimeoutMs?: number;
  readonly pageTimeoutMs?: number;
  /** How long a busy scanner (503) is waited for before the operator is told; default 20 s. */
  readonly busyWaitMs?: number;
  /** Pause between tries while busy, unless the scanner says Retry-After; default 1 s (NAPS2 waits 2). */
  readonly busyRetryMs?: number;
  /** Page cap for a feeder scan without `maxPages`, against a feeder that never reports empty. */
  readonly adfPageLimit?: number;
  /** After a cancel, how long the page in flight may still finish before its request is cut; default 10 s. */
  readonly cancelGraceMs?: number;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const ESCL_DEVICE_PREFIX = 'escl:';
/** A4 in 1/300 inch (210 × 297 mm). */
const A4 = { width: 2480, height: 3508 };

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/** The promise's value, or 'cancelled' as soon as `signal` aborts (the promise itself goes on). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | 'cancelled'> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve('cancelled');
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve('cancelled');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export class EsclScanner implements Scanner {
  private readonly clients = new Map<string, { config: EsclScannerConfig; client: EsclClient }>();
  private readonly caps = new Map<string, EsclCapabilities>();
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(private readonly options: EsclScannerOptions) {
    for (const config of options.scanners) {
      this.clients.set(`${ESCL_DEVICE_PREFIX}${config.id}`, {
        config,
        client: new EsclClient({
          url: config.url,
          ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
          ...(options.pageTimeoutMs !== undefined ? { pageTimeoutMs: options.pageTimeoutMs } : {}),
        }),
      });
    }
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** The configured scanners; listing asks none of them anything (a scanner that is off shows at its first use). */
  async listDevices(): Promise<Result<ScannerDevice[], ScanError>> {
    return ok(
      [...this.clients.entries()].map(([id, { config }]) => ({
        id,
        vendor: '',
        model: config.name,
        type: this.caps.get(id)?.makeAndModel ? `eSCL: ${this.caps.get(id)!.makeAndModel}` : 'eSCL network scanner',
        adapter: 'escl' as const,
      })),
    );
  }

  async capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>> {
    const caps = await this.loadCapabilities(deviceId);
    if (!caps.ok) return caps;
    const inputs = [caps.value.platen, caps.value.adf].filter((input): input is EsclInputCaps => input !== null);
    const resolutions = [...new Set(inputs.flatMap((input) => input.resolutions))].filter((dpi) => dpi >= 75).sort((a, b) => a - b);
    const modes = new Set<ScanMode>();
    for (const input of inputs) for (const mode of ['color', 'gray', 'lineart'] as const) if (colorModeFor(mode, input.colorModes)) modes.add(mode);
    const widest = inputs.reduce((max, input) => ({ w: Math.max(max.w, input.maxWidth), h: Math.max(max.h, input.maxHeight) }), { w: 0, h: 0 });
    return ok({
      sources: [...(caps.value.platen ? (['flatbed'] as const) : []), ...(caps.value.adf ? (['adf'] as const) : [])],
      resolutionsDpi: resolutions,
      modes: [...modes],
      maxAreaMm: widest.w > 0 ? { widthMm: Math.round((widest.w / 300) * 25.4), heightMm: Math.round((widest.h / 300) * 25.4) } : null,
    });
  }

  async scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
    const fail = (error: ScanError, pagesDelivered: number): Result<ScanSummary, ScanFailure> => err({ ...error, pagesDelivered });
    if (handlers.signal?.aborted) return fail({ kind: 'cancelled' }, 0);
    const entry = this.clients.get(request.deviceId);
    if (!entry) return fail({ kind: 'device-not-found', deviceId: request.deviceId }, 0);
    const caps = await this.loadCapabilities(request.deviceId, handlers.signal);
    if (!caps.ok) return fail(caps.error, 0);
    const input = request.source === 'adf' ? caps.value.adf : caps.value.platen;
    if (!input) return fail({ kind: 'unsupported-setting', setting: 'source', requested: request.source }, 0);
    if (!input.resolutions.includes(request.resolutionDpi)) return fail({ kind: 'unsupported-setting', setting: 'resolution', requested: String(request.resolutionDpi) }, 0);
    const colorMode = colorModeFor(request.mode, input.colorModes);
    if (!colorMode) return fail({ kind: 'unsupported-setting', setting: 'mode', requested: request.mode }, 0);
    const format = ['image/jpeg', 'image/png'].find((candidate) => input.formats.includes(candidate)) ?? 'image/jpeg';

    const { client } = entry;
    const settings = scanSettingsXml({
      source: request.source,
      duplex: false,
      colorMode,
      resolutionDpi: request.resolutionDpi,
      format,
      width: Math.min(A4.width, input.maxWidth || A4.width),
      height: Math.min(A4.height, input.maxHeight || A4.height),
    });

    const created = await this.whileBusy(() => client.createJob(settings, handlers.signal), handlers.signal);
    if (created.kind !== 'ok') return fail(this.startFailure(created, request), 0);
    const job = created.value;

    const pageLimit = request.maxPages ?? (request.source === 'flatbed' ? 1 : (this.options.adfPageLimit ?? 500));
    let delivered = 0;
    const finish = async (outcome: Result<ScanSummary, ScanFailure>, deleteJob: boolean) => {
      if (deleteJob) await client.deleteJob(job);
      return outcome;
    };
    for (;;) {
      if (handlers.signal?.aborted) return finish(fail({ kind: 'cancelled' }, delivered), true);
      if (delivered >= pageLimit) return finish(ok({ pagesDelivered: delivered, endedBy: 'complete' }), true);
      // Cancel does not drop the page request under the scanner: the job is deleted first and the
      // page in flight may finish (then it is discarded); only after cancelGraceMs is the request cut.
      // Some eSCL servers (AirSane) die of SIGPIPE when a client closes a connection mid-page.
      const hardStop = new AbortController();
      const inFlight = this.whileBusy(() => client.nextDocument(job, hardStop.signal), hardStop.signal);
      const page = await untilAborted(inFlight, handlers.signal);
      if (page === 'cancelled' || handlers.signal?.aborted) {
        await client.deleteJob(job);
        const settled = await Promise.race([inFlight.then(() => true), this.sleep(this.options.cancelGraceMs ?? 10_000).then(() => false)]);
        if (!settled) hardStop.abort();
        return fail({ kind: 'cancelled' }, delivered);
      }
      if (page.kind === 'http') {
        // 404: the job has no more pages; 409: the feeder ran out (AirSane) — both end a feeder batch.
        if (page.status === 404 || page.status === 409) {
          if (delivered > 0) return finish(ok({ pagesDelivered: delivered, endedBy: request.source === 'adf' ? 'feeder-empty' : 'complete' }), false);
          return finish(fail(await this.whyNoPage(client, job, request), 0), true);
        }
        if (page.status === 503) return finish(fail({ kind: 'device-busy' }, delivered), true);
        if (page.status === 410) return finish(fail({ kind: 'unknown', saneStatus: 'job cancelled at the scanner' }, delivered), false);
        return finish(fail({ kind: 'unknown', saneStatus: `eSCL HTTP ${page.status}` }, delivered), true);
      }
      if (page.kind !== 'ok') return finish(fail({ kind: 'io-error' }, delivered), true);
      const header = page.value.contentType === 'application/pdf' ? null : readCompleteImageHeader(page.value.bytes);
      if (!header) {
        // Cut short or not an image: the scanner stopped mid-page. Ask it why; keep what was delivered.
        const reason = await this.whyNoPage(client, job, request, delivered, page.value.bytes.byteLength === 0);
        if (reason.kind === 'feeder-empty' && delivered > 0) return finish(ok({ pagesDelivered: delivered, endedBy: 'feeder-empty' }), true);
        return finish(fail(reason, delivered), true);
      }
      await handlers.onPage({ index: delivered, bytes: page.value.bytes, format: header.format, widthPx: header.widthPx, heightPx: header.heightPx, dpi: request.resolutionDpi });
      delivered += 1;
      handlers.onProgress?.({ pagesDone: delivered });
    }
  }

  private async loadCapabilities(deviceId: string, signal?: AbortSignal): Promise<Result<EsclCapabilities, ScanError>> {
    const entry = this.clients.get(deviceId);
    if (!entry) return err({ kind: 'device-not-found', deviceId });
    const answer = await entry.client.capabilities(signal);
    if (answer.kind !== 'ok') {
      // A scanner that is off or away keeps its last known capabilities; its scan then says it does not respond.
      const known = this.caps.get(deviceId);
      if (known && (answer.kind === 'unreachable' || answer.kind === 'timeout')) return ok(known);
      if (answer.kind === 'http' && answer.status === 503) return err({ kind: 'device-busy' });
      if (answer.kind === 'http') return err({ kind: 'unknown', saneStatus: `eSCL HTTP ${answer.status}` });
      return err(answer.kind === 'aborted' ? { kind: 'cancelled' } : { kind: 'device-not-found', deviceId });
    }
    const caps = parseCapabilities(answer.value);
    if (!caps) return err({ kind: 'unknown', saneStatus: 'the scanner sent capabilities that are not eSCL' });
    this.caps.set(deviceId, caps);
    return ok(caps);
  }

  /** Repeats a request while the scanner answers 503 (busy), for up to busyWaitMs. */
  private async whileBusy<T>(attempt: () => Promise<EsclAnswer<T>>, signal?: AbortSignal): Promise<EsclAnswer<T>> {
    const deadline = Date.now() + (this.options.busyWaitMs ?? 20_000);
    for (;;) {
      const answer = await attempt();
      if (answer.kind !== 'http' || answer.status !== 503 || Date.now() >= deadline || signal?.aborted) return answer;
      await this.sleep(answer.retryAfterMs ?? this.options.busyRetryMs ?? 1000, signal);
    }
  }

  private startFailure(answer: Exclude<EsclAnswer<URL>, { kind: 'ok' }>, request: ScanRequest): ScanError {
    switch (answer.kind) {
      case 'aborted':
        return { kind: 'cancelled' };
      case 'unreachable':
      case 'timeout':
        return { kind: 'device-not-found', deviceId: request.deviceId };
      case 'http':
        if (answer.status === 503) return { kind: 'device-busy' };
        // 409 on POST: the input is not ready (an empty feeder, the usual case).
        if (answer.status === 409) return request.source === 'adf' ? { kind: 'feeder-empty' } : { kind: 'device-busy' };
        return { kind: 'unknown', saneStatus: `eSCL HTTP ${answer.status}` };
    }
  }

  /** Why a job gave no (whole) page: the scanner's status of the feeder and of the job. */
  private async whyNoPage(client: EsclClient, job: URL, request: ScanRequest, delivered = 0, emptyBody = false): Promise<ScanError> {
    let status: EsclStatus | null = null;
    for (let attempt = 0; attempt < 10; attempt++) {
      const answer = await client.status();
      status = answer.kind === 'ok' ? parseStatus(answer.value) : null;
      const info = status?.jobs.find((j) => j.uri !== null && job.pathname.endsWith(j.uri.replace(/\/$/, '')));
      if (!status || !info || (info.state !== 'Pending' && info.state !== 'Processing')) break;
      await this.sleep(200);
    }
    if (!status) return { kind: 'io-error' };
    const adf = status.adfState ?? '';
    if (/Jam|Mispick|MultipickDetected/i.test(adf)) return { kind: 'paper-jam' };
    if (/DoorOpen|HatchOpen|CoverOpen/i.test(adf)) return { kind: 'cover-open' };
    if (/Empty/i.test(adf) && request.source === 'adf') return { kind: 'feeder-empty' };
    const info = status.jobs.find((j) => j.uri !== null && job.pathname.endsWith(j.uri.replace(/\/$/, '')));
    // A feeder job that completed without a page, or whose last "page" came empty (AirSane's answer
    // when SANE reports no documents): nothing was, or is left, in the feeder.
    if (request.source === 'adf' && info?.state === 'Completed' && (emptyBody || (delivered === 0 && (info.imagesCompleted ?? 0) === 0))) return { kind: 'feeder-empty' };
    if (info?.state === 'Canceled') return { kind: 'cancelled' };
    if (status.state === 'Processing' || status.state === 'Testing') return { kind: 'device-busy' };
    return { kind: 'io-error' };
  }
}
