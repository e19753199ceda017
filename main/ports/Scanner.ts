import type { Result } from '../../core/result';

/** Which adapter a device belongs to: a SANE scanner, an eSCL network scanner, a watched network folder, or operator-chosen files. */
export type ScannerAdapterKind = 'sane' | 'escl' | 'folder' | 'import';

export interface ScannerDevice {
  /** Stable id to pass back to `capabilities` and `scan` (for SANE, the `scanimage -d` name, e.g. `test:0`). */
  readonly id: string;
  readonly vendor: string;
  readonly model: string;
  /** Free text from the driver ("flatbed scanner", "virtual device", "watched folder"); for display only. */
  readonly type: string;
  readonly adapter: ScannerAdapterKind;
}

/** Paper source, normalised from vendor strings ("ADF", "Automatic Document Feeder", "ADF Front" → `adf`). */
export type ScanSource = 'flatbed' | 'adf';
/** Colour mode, normalised from vendor strings ("Color", "Gray", "Lineart"/"Binary" → `lineart`). */
export type ScanMode = 'color' | 'gray' | 'lineart';

export interface ScannerCapabilities {
  /** Empty when the source is chosen on the device itself (watched folder) or by the file (import). */
  readonly sources: readonly ScanSource[];
  /**
   * Resolutions to offer, ascending. A scanner with a continuous range offers the usual values inside it.
   * Empty when the resolution is not chosen here (folder, import).
   */
  readonly resolutionsDpi: readonly number[];
  /** Empty when the mode is not chosen here (folder, import). */
  readonly modes: readonly ScanMode[];
  /** Largest scan area the device reports, or null when it does not say (or reports it in pixels). */
  readonly maxAreaMm: { readonly widthMm: number; readonly heightMm: number } | null;
}

export interface ScanRequest {
  readonly deviceId: string;
  /** Ignored by the folder and import adapters (the device or the file decides). */
  readonly source: ScanSource;
  readonly resolutionDpi: number;
  readonly mode: ScanMode;
  /**
   * Stop after this many pages. Without it a flatbed scans exactly one page, a feeder scans until it is
   * empty, a watched folder watches until cancelled, an import delivers every page of the chosen files.
   * A watched folder never splits a file: it stops after the file that reaches the limit.
   */
  readonly maxPages?: number;
}

/**
 * One delivered page.
 * - `png` / `tiff` / `jpeg`: a raster image; `widthPx`×`heightPx` are pixels, `dpi` its resolution.
 * - `pdf`: a page of an imported or folder-delivered PDF (sanitised, kept as vectors, never
 *   rasterised); `widthPx`/`heightPx` are the page size in PDF points (1/72 inch) and `dpi` is 72.
 * A page of a multi-page file (TIFF, PDF) carries the whole file in `bytes` — the same bytes for
 * every page of it — and its 0-based `page` number within the file.
 */
export interface ScannedPage {
  /** 0-based position of the page within this scan call. */
  readonly index: number;
  readonly bytes: Uint8Array;
  readonly format: 'png' | 'tiff' | 'jpeg' | 'pdf';
  /** Which page of `bytes` this is, when `bytes` hold more than one; absent for a single-page file. */
  readonly page?: number;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly dpi: number;
}

export interface ScanProgress {
  /** Pages delivered so far (their `onPage` has resolved). */
  readonly pagesDone: number;
  /** 0–100 for the page being scanned, when the driver reports it. */
  readonly currentPagePercent?: number;
}

export interface ScanHandlers {
  /**
   * Called once per page, in order, as soon as the page is complete. The adapter awaits it before it reads
   * the next page, so the caller persists the page first (scan recovery, DESIGN.md §3). If it rejects, the
   * scan is stopped (the device process is killed, temporary files removed) and `scan` rejects with that error.
   */
  readonly onPage: (page: ScannedPage) => Promise<void>;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Aborting stops the scan: no `onPage` call starts afterwards and `scan` resolves `{kind:'cancelled'}`. */
  readonly signal?: AbortSignal;
}

export interface ScanSummary {
  readonly pagesDelivered: number;
  /** `feeder-empty`: the feeder ran out after at least one page (normal end of a feeder batch). */
  readonly endedBy: 'complete' | 'feeder-empty';
}

/** An anticipated scanning failure, to be turned into an operator message. Never carries personal data. */
export type ScanError =
  | { readonly kind: 'device-not-found'; readonly deviceId: string }
  | { readonly kind: 'device-busy' }
  | { readonly kind: 'paper-jam' }
  /** No documents in the feeder when the scan started (a feeder that empties later ends the scan normally). */
  | { readonly kind: 'feeder-empty' }
  | { readonly kind: 'cover-open' }
  | { readonly kind: 'io-error' }
  | { readonly kind: 'access-denied' }
  | { readonly kind: 'cancelled' }
  /** The scanning program is not installed; `debianPackage` names what to install. */
  | { readonly kind: 'scanner-software-missing'; readonly program: string; readonly debianPackage: 'sane-utils' }
  /** The device does not offer the requested source, mode or resolution (e.g. a sheet-fed scanner and `flatbed`). */
  | { readonly kind: 'unsupported-setting'; readonly setting: 'source' | 'mode' | 'resolution'; readonly requested: string }
  /**
   * An imported/folder file that is not JPEG, PNG, TIFF or PDF (by content, not name), or one refused by a limit.
   * `fileName` is the operator's own file name: show it, never log it.
   */
  | { readonly kind: 'unsupported-file'; readonly fileIndex: number; readonly fileName: string; readonly reason: 'unknown-format' | 'encrypted' | 'too-large' | 'too-many-pages' | 'too-many-pixels' }
  /** A JPEG/PNG/TIFF/PDF that cannot be decoded (truncated, damaged). Same `fileName` rule as above. */
  | { readonly kind: 'corrupt-file'; readonly fileIndex: number; readonly fileName: string }
  /**
   * Anything else: `saneStatus` is a SANE status text ("Out of memory") or a fixed adapter text
   * ("exit code 1", "terminated by SIGSEGV"); never other device output, which can hold paths and serials.
   */
  | { readonly kind: 'unknown'; readonly saneStatus: string };

/** A failed scan still reports the pages it delivered before failing; the caller keeps them. */
export type ScanFailure = ScanError & { readonly pagesDelivered: number };

/**
 * A source of page images (DESIGN.md §6): a SANE scanner, a watched network folder, or operator-chosen
 * files. Every adapter implements the same contract, so services never know which one they talk to.
 */
export interface Scanner {
  /**
   * Devices this adapter can scan from right now. An empty list is not an error.
   * Fails with `scanner-software-missing` when the scanning program is not installed.
   */
  listDevices(): Promise<Result<ScannerDevice[], ScanError>>;

  /**
   * What the device offers, with vendor option names normalised. Fails with `device-not-found` for an
   * unknown id, `device-busy` when another program holds it, `scanner-software-missing`, or `unknown`.
   */
  capabilities(deviceId: string): Promise<Result<ScannerCapabilities, ScanError>>;

  /**
   * Acquires pages and hands each to `handlers.onPage` one at a time, in order, awaiting each call.
   * Resolves with the number of pages delivered and why it ended; every failure — including cancellation
   * through `handlers.signal` — resolves as a `ScanFailure` whose `pagesDelivered` counts the pages already
   * handed over, which stay valid. A jam after page 3 is `{kind:'paper-jam', pagesDelivered:3}`.
   * Rejects only if `onPage` rejects (or on a programming error).
   */
  scan(request: ScanRequest, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>>;
}
