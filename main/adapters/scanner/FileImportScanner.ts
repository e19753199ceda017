import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../core/result';
import type { ScanError, ScanFailure, ScanHandlers, ScanRequest, ScanSummary, Scanner, ScannerCapabilities, ScannerDevice } from '../../ports/Scanner';
import { openFilePages, type FilePages } from './openFilePages';

/** A file the operator chose: a path (Electron open dialog) or bytes already received (browser upload). */
export type ImportFile = { readonly name: string; readonly path: string } | { readonly name: string; readonly bytes: Uint8Array };

export interface FileImportScannerOptions {
  /** Asks the operator for files (the host's dialog). Null or an empty list means the operator cancelled. */
  readonly pickFiles: (signal?: AbortSignal) => Promise<readonly ImportFile[] | null>;
  /** Files above this are refused as `too-large` before being read. Default 100 MB. */
  readonly maxFileBytes?: number;
}

export const IMPORT_DEVICE: ScannerDevice = { id: 'import', vendor: '', model: 'File import', type: 'file import', adapter: 'import' };
const NO_SETTINGS: ScannerCapabilities = { sources: [], resolutionsDpi: [], modes: [], maxAreaMm: null };
const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Imports JPEG, PNG, TIFF (one page per TIFF page) and PDF (one single-page PDF per page) files.
 * Every file is opened and fully decoded before the first page is delivered, so a damaged or unsupported
 * file is refused with nothing delivered, and the operator can simply choose again.
 */
export class FileImportScanner implements Scanner {
  constructor(private readonly options: FileImportScannerOptions) {}

  async listDevices(): Promise<Result<ScannerDevice[], ScanError>> {
    return ok([IMPORT_DEVICE]);
  }

  async capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>> {
    return deviceId === IMPORT_DEVICE.id ? ok(NO_SETTINGS) : err({ kind: 'device-not-found', deviceId });
  }

  /** Asks for files with `pickFiles`, then behaves as `importFiles`; source, mode and resolution are ignored. */
  async scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
    if (request.deviceId !== IMPORT_DEVICE.id) return err({ kind: 'device-not-found', deviceId: request.deviceId, pagesDelivered: 0 });
    const files = await this.options.pickFiles(handlers.signal);
    if (!files || files.length === 0 || handlers.signal?.aborted) return err({ kind: 'cancelled', pagesDelivered: 0 });
    return this.importFiles(files, handlers, request.maxPages);
  }

  /** Delivers every page of `files` in order (at most `maxPages`), with the same contract as `scan`. */
  async importFiles(files: readonly ImportFile[], handlers: ScanHandlers, maxPages?: number): Promise<Result<ScanSummary, ScanFailure>> {
    const opened: FilePages[] = [];
    for (const [fileIndex, file] of files.entries()) {
      const pages = await this.open(file, fileIndex);
      if (!pages.ok) return err({ ...pages.error, pagesDelivered: 0 });
      opened.push(pages.value);
    }
    let delivered = 0;
    const limit = maxPages ?? Number.POSITIVE_INFINITY;
    for (const pages of opened) {
      for (let n = 0; n < pages.pageCount && delivered < limit; n += 1) {
        if (handlers.signal?.aborted) return err({ kind: 'cancelled', pagesDelivered: delivered });
        await handlers.onPage({ ...(await pages.page(n)), index: delivered });
        delivered += 1;
        handlers.onProgress?.({ pagesDone: delivered });
      }
    }
    return ok({ pagesDelivered: delivered, endedBy: 'complete' });
  }

  private async open(file: ImportFile, fileIndex: number): Promise<Result<FilePages, ScanError>> {
    // Only the base name: a full path may name the operator's folders.
    const fileName = path.basename(file.name);
    const max = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    let bytes: Uint8Array;
    if ('bytes' in file) {
      bytes = file.bytes;
    } else {
      try {
        if ((await stat(file.path)).size > max) return err({ kind: 'unsupported-file', fileIndex, fileName, reason: 'too-large' });
        bytes = await readFile(file.path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return err(code === 'EACCES' || code === 'EPERM' ? { kind: 'access-denied' } : { kind: 'io-error' });
      }
    }
    if (bytes.byteLength > max) return err({ kind: 'unsupported-file', fileIndex, fileName, reason: 'too-large' });
    const pages = await openFilePages(bytes, { verifyPixels: true });
    if (pages.ok) return pages;
    const problem = pages.error;
    if (problem.kind === 'corrupt-file') return err({ kind: 'corrupt-file', fileIndex, fileName });
    if (problem.kind === 'unsupported-file') return err({ ...problem, fileIndex, fileName });
    return err({ kind: 'unsupported-file', fileIndex, fileName, reason: problem.kind });
  }
}
