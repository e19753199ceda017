/**
 * What the operator copies to the helpdesk (issue #8 item 6): versions, OS, backend reachability,
 * CRL age, scanners, queue counts, database size and health. Never personal data: no IIN/BIN, no
 * names (not even the operator's: their id and role only), no addresses or scan file names, and
 * application numbers only where storage damage may have lost an application (the helpdesk needs the
 * local number to find it at the licensing body). `text` has passed core/diagnostics/redactDiagnostics.ts
 * as defence in depth.
 */
import type { Result } from '../result';
import type { NotSignedIn } from './common';
import type { Connectivity } from './queue';
import type { StorageStatus } from './system';

export interface LibraryVersion {
  readonly name: string;
  /** null when the package (or its package.json) could not be found. */
  readonly version: string | null;
}

export type ScanimageListing =
  | { readonly kind: 'ran'; readonly exitCode: number; readonly output: string }
  /** The program is not installed (ENOENT). */
  | { readonly kind: 'missing'; readonly program: string }
  | { readonly kind: 'timed-out'; readonly afterMs: number; readonly output: string };

export interface DiagnosticsLogLine {
  readonly time: string;
  readonly level: 'warn' | 'error';
  readonly event: string;
  readonly json: string;
}

export interface DiagnosticsReport {
  readonly generatedAt: string;
  readonly app: { readonly version: string; readonly host: 'electron' | 'browser'; readonly dataDir: string };
  readonly operator: { readonly operatorId: string; readonly role: string };
  /** From process.versions; null when not in that runtime (no Electron in the browser host). */
  readonly runtime: { readonly node: string | null; readonly electron: string | null; readonly chromium: string | null; readonly v8: string | null };
  readonly libraries: readonly LibraryVersion[];
  readonly os: {
    readonly type: string;
    readonly release: string;
    readonly arch: string;
    readonly cpuCount: number;
    readonly totalMemoryMb: number;
    readonly freeMemoryMb: number;
  };
  readonly backend: {
    readonly mode: 'embedded' | 'configured';
    readonly url: string;
    /** The connectivity monitor's view (same as the queue's indicator). */
    readonly connectivity: Connectivity;
    /** A health check made for this report. */
    readonly health: { readonly reachable: boolean; readonly latencyMs: number; readonly problem: string | null };
  };
  /** null when the signing area could not answer. */
  readonly revocationList: {
    readonly fetchedAt: string | null;
    readonly nextUpdate: string | null;
    readonly stale: boolean;
    /** Minutes since fetchedAt; null when never fetched. */
    readonly ageMinutes: number | null;
  } | null;
  readonly scanners: {
    /** `vendor model (type)` per device; `error` is the scan error kind when listing failed. */
    readonly devices: readonly { readonly id: string; readonly description: string; readonly adapter: string }[];
    readonly error: string | null;
    readonly scanimage: ScanimageListing;
  };
  readonly queue: {
    readonly paused: boolean;
    readonly lastSyncAt: string | null;
    readonly accepted: number;
    readonly sending: number;
    readonly registered: number;
    readonly needsAttention: number;
    readonly withdrawn: number;
  } | null;
  readonly database: {
    /** The snapshot plus its journals, in bytes. */
    readonly sizeBytes: number;
    /** Last write to any of its files (each commit reaches the journal durably). */
    readonly lastSavedAt: string | null;
  };
  /**
   * The operational log (issue 15 item 4): its folder, the last warnings and errors, and the last
   * lines of any level, each a JSON line exactly as written to the file (already scrubbed there).
   */
  readonly log: {
    readonly dir: string;
    readonly recentProblems: readonly DiagnosticsLogLine[];
    readonly lastLines: readonly string[];
  };
  /** The database's state and the damage found at start (issue 16), and every quarantine file in the data directory. */
  readonly storage: StorageStatus & { readonly quarantineFiles: readonly string[] };
  /** The whole report as plain text, redacted, ready for the clipboard. */
  readonly text: string;
}

export interface DiagnosticsApi {
  /** Collects a fresh report (runs `scanimage -L` and a backend health check); any signed-in user. */
  report(): Promise<Result<DiagnosticsReport, NotSignedIn>>;
}
