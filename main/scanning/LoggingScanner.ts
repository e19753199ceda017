import type { Result } from '../../core/result';
import type { Logger } from '../platform/log/Logger';
import type { ScanError, ScanFailure, ScanHandlers, ScanRequest, ScanSummary, Scanner, ScannerCapabilities, ScannerDevice } from '../ports/Scanner';

/**
 * Puts every scan's outcome in the operational log (device id, source, pages, how it ended, the
 * failure kind), and failures to list or describe devices as warnings. Never a page, a file name or
 * anything a device printed. A decorator, so no adapter has to know about the log.
 */
export class LoggingScanner implements Scanner {
  constructor(
    private readonly inner: Scanner,
    private readonly logger: Logger,
  ) {}

  async listDevices(): Promise<Result<ScannerDevice[], ScanError>> {
    const listed = await this.inner.listDevices();
    if (!listed.ok) this.logger.warn('scan.list-failed', { kind: listed.error.kind });
    return listed;
  }

  async capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>> {
    const caps = await this.inner.capabilities(deviceId);
    if (!caps.ok) this.logger.warn('scan.capabilities-failed', { deviceId, kind: caps.error.kind });
    return caps;
  }

  async scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
    const started = performance.now();
    const result = await this.inner.scan(request, handlers);
    const fields = { deviceId: request.deviceId, source: request.source, dpi: request.resolutionDpi, ms: Math.round(performance.now() - started) };
    if (result.ok) this.logger.info('scan.done', { ...fields, pages: result.value.pagesDelivered, endedBy: result.value.endedBy });
    else if (result.error.kind === 'cancelled') this.logger.info('scan.cancelled', { ...fields, pages: result.error.pagesDelivered });
    else this.logger.warn('scan.failed', { ...fields, pages: result.error.pagesDelivered, kind: result.error.kind, ...(result.error.kind === 'unknown' ? { detail: result.error.saneStatus } : {}) });
    return result;
  }
}
