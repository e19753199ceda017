import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../core/result';
import type { ScanError, ScanFailure, ScanHandlers, ScanRequest, ScanSummary, Scanner, ScannerCapabilities, ScannerDevice } from '../../ports/Scanner';
import { openFilePages, type FilePages } from './openFilePages';
import { realSleep, type Sleep } from './sleep';

/** A network share an MFP scans into. One workstation per folder: files are moved away once delivered. */
export interface WatchedFolder {
  readonly id: string;
  /** Shown to the operator, e.g. "MFP 2nd floor". */
  readonly name: string;
  readonly path: string;
}

export interface FolderScannerOptions {
  readonly folders: readonly WatchedFolder[];
  /** How often the folder is listed. Default 1 s. */
  readonly pollIntervalMs?: number;
  /** A file is taken only after its size and mtime stayed unchanged this long. Default 3 s (MFPs write slowly over SMB). */
  readonly stabilityWindowMs?: number;
  /** Files above this are moved to `rejected/` unread. Default 100 MB. */
  readonly maxFileBytes?: number;
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

export const PROCESSED_DIR = 'processed';
export const REJECTED_DIR = 'rejected';
const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
const NO_SETTINGS: ScannerCapabilities = { sources: [], resolutionsDpi: [], modes: [], maxAreaMm: null };
// Dot files (.DS_Store, Office locks) and names writers use before renaming a finished file.
const IGNORED_NAME = /^\.|\.(tmp|part|partial|crdownload)$/i;

interface Seen {
  readonly size: number;
  readonly mtimeMs: number;
  readonly unchangedSince: number;
}

function folderError(error: unknown, deviceId: string): ScanError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'device-not-found', deviceId };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'access-denied' };
  return { kind: 'io-error' };
}

/** Moves a file into `dir`, adding `-1`, `-2`, … before the extension if the name is taken. */
async function moveInto(file: string, dir: string): Promise<void> {
  const { name, ext } = path.parse(file);
  for (let n = 0; ; n += 1) {
    const target = path.join(dir, n === 0 ? `${name}${ext}` : `${name}-${n}${ext}`);
    const taken = await stat(target).then(() => true, () => false);
    if (!taken) return rename(file, target);
  }
}

/**
 * Watched folders as scanners (network MFPs that "scan to folder"). Polls with readdir + stat, because
 * fs.watch misses events on SMB/NFS shares. `scan` delivers each new JPEG/PNG/TIFF/PDF (recognised by content)
 * once its size and mtime have been stable for the window, oldest first (mtime, then name), split into pages;
 * then moves it to `processed/`, so a restart never delivers it again. Files already in the folder when the
 * scan starts count as new. Unsupported or damaged files go to `rejected/` and are skipped.
 * The scan runs until `maxPages` is reached (files are never split: it ends after the file that reaches it)
 * or the signal aborts, which resolves `cancelled` with the pages delivered so far. A file whose delivery
 * was cut short by the abort is moved to `processed/` too, so it can never reach the next applicant.
 */
export class FolderScanner implements Scanner {
  private readonly pollIntervalMs: number;
  private readonly stabilityWindowMs: number;
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(private readonly options: FolderScannerOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.stabilityWindowMs = options.stabilityWindowMs ?? 3000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
  }

  async listDevices(): Promise<Result<ScannerDevice[], ScanError>> {
    return ok(this.options.folders.map((f) => ({ id: f.id, vendor: 'Network folder', model: f.name, type: 'watched folder', adapter: 'folder' as const })));
  }

  async capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>> {
    const folder = this.options.folders.find((f) => f.id === deviceId);
    if (!folder) return err({ kind: 'device-not-found', deviceId });
    try {
      await readdir(folder.path);
      return ok(NO_SETTINGS);
    } catch (error) {
      return err(folderError(error, deviceId));
    }
  }

  async scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
    const folder = this.options.folders.find((f) => f.id === request.deviceId);
    if (!folder) return err({ kind: 'device-not-found', deviceId: request.deviceId, pagesDelivered: 0 });
    const processedDir = path.join(folder.path, PROCESSED_DIR);
    const rejectedDir = path.join(folder.path, REJECTED_DIR);
    try {
      // Checked first: mkdir would otherwise create an unmounted share's path on the local disk.
      if (!(await stat(folder.path)).isDirectory()) return err({ kind: 'device-not-found', deviceId: request.deviceId, pagesDelivered: 0 });
      await mkdir(processedDir, { recursive: true });
      await mkdir(rejectedDir, { recursive: true });
    } catch (error) {
      return err({ ...folderError(error, request.deviceId), pagesDelivered: 0 });
    }

    const seen = new Map<string, Seen>();
    const limit = request.maxPages ?? Number.POSITIVE_INFINITY;
    let delivered = 0;
    for (;;) {
      if (handlers.signal?.aborted) return err({ kind: 'cancelled', pagesDelivered: delivered });
      let ready: string[];
      try {
        ready = await this.readyFiles(folder.path, seen);
      } catch (error) {
        return err({ ...folderError(error, request.deviceId), pagesDelivered: delivered });
      }
      for (const name of ready) {
        if (handlers.signal?.aborted) return err({ kind: 'cancelled', pagesDelivered: delivered });
        seen.delete(name);
        const file = path.join(folder.path, name);
        const pages = await this.open(file, rejectedDir);
        if (!pages.ok) return err({ ...folderError(pages.error, request.deviceId), pagesDelivered: delivered });
        if (pages.value === null) continue;
        for (let n = 0; n < pages.value.pageCount && !handlers.signal?.aborted; n += 1) {
          await handlers.onPage({ ...(await pages.value.page(n)), index: delivered });
          delivered += 1;
          handlers.onProgress?.({ pagesDone: delivered });
        }
        try {
          await moveInto(file, processedDir);
        } catch (error) {
          return err({ ...folderError(error, request.deviceId), pagesDelivered: delivered });
        }
        if (delivered >= limit) return ok({ pagesDelivered: delivered, endedBy: 'complete' });
      }
      await this.sleep(this.pollIntervalMs, handlers.signal);
    }
  }

  /**
   * Reads and validates one stable file. Unsupported or damaged files are moved to `rejected/` and give
   * null, as does a file that vanished meanwhile; a filesystem failure is returned as the raw error.
   */
  private async open(file: string, rejectedDir: string): Promise<Result<FilePages | null, unknown>> {
    try {
      const tooLarge = (await stat(file)).size > (this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
      const pages = tooLarge ? null : await openFilePages(await readFile(file), { verifyPixels: true });
      if (pages?.ok) return ok(pages.value);
      await moveInto(file, rejectedDir);
      return ok(null);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? ok(null) : err(error);
    }
  }

  /** Lists the folder, updates what changed, and returns the stable files in delivery order. */
  private async readyFiles(dir: string, seen: Map<string, Seen>): Promise<string[]> {
    const now = this.now();
    const present = new Set<string>();
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (!entry.isFile() || IGNORED_NAME.test(entry.name)) continue;
      const info = await stat(path.join(dir, entry.name)).catch(() => null);
      if (!info) continue;
      present.add(entry.name);
      const before = seen.get(entry.name);
      if (!before || before.size !== info.size || before.mtimeMs !== info.mtimeMs) {
        seen.set(entry.name, { size: info.size, mtimeMs: info.mtimeMs, unchangedSince: now });
      }
    }
    for (const name of seen.keys()) if (!present.has(name)) seen.delete(name);
    const ordered = [...seen.entries()].sort(([a, x], [b, y]) => x.mtimeMs - y.mtimeMs || (a < b ? -1 : a > b ? 1 : 0));
    // Stop at the first file still being written, so a later file never overtakes an earlier one.
    const ready: string[] = [];
    for (const [name, s] of ordered) {
      if (now - s.unchangedSince < this.stabilityWindowMs) break;
      ready.push(name);
    }
    return ready;
  }
}
