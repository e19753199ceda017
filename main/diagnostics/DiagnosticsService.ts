import type { NotSignedIn } from '../../core/contract/common';
import type { DiagnosticsApi, DiagnosticsReport, LibraryVersion, ScanimageListing } from '../../core/contract/diagnostics';
import type { Connectivity, QueueStatus } from '../../core/contract/queue';
import type { RevocationListStatus } from '../../core/contract/signing';
import { formatDiagnosticsText, type DiagnosticsFacts } from '../../core/diagnostics/formatDiagnostics';
import { ok, type Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import type { Clock } from '../ports/Clock';
import type { ScanError, ScannerDevice } from '../ports/Scanner';
import type { OperatorSession } from '../services/OperatorSession';
import type { RecentLog } from '../platform/log/Logger';

/** How many log lines the report carries: the helpdesk reads them, the clipboard holds them. */
export const DIAGNOSTICS_LOG_PROBLEMS = 20;
export const DIAGNOSTICS_LOG_LINES = 40;

/** Every fact comes through a small function, so each collector is faked in tests and wired in app.ts. */
export interface DiagnosticsDeps {
  readonly session: Pick<OperatorSession, 'require'>;
  readonly clock: Clock;
  /** Monotonic milliseconds for the health check's latency. */
  readonly monotonicMs: () => number;
  readonly app: DiagnosticsReport['app'];
  readonly backend: { readonly mode: 'embedded' | 'configured'; readonly url: string; health(): Promise<Result<null, BackendFailure>> };
  readonly connectivity: () => Connectivity;
  readonly revocationStatus: () => Promise<Result<RevocationListStatus, NotSignedIn>>;
  readonly queueStatus: () => Promise<Result<QueueStatus, NotSignedIn>>;
  readonly listDevices: () => Promise<Result<readonly ScannerDevice[], ScanError>>;
  readonly scanimage: () => Promise<ScanimageListing>;
  readonly libraries: () => Promise<readonly LibraryVersion[]>;
  readonly database: () => Promise<DiagnosticsReport['database']>;
  /** The database's health (never reads it) and the quarantine files beside it. */
  readonly storage: () => Promise<DiagnosticsReport['storage']>;
  readonly host: () => Pick<DiagnosticsReport, 'runtime' | 'os'>;
  /** The operational log's folder and its in-memory tail (main/platform/log). */
  readonly log: { readonly dir: string; readonly recent: RecentLog };
  /** A collector that threw: reported (without personal data) and shown as unavailable. */
  readonly onUnexpectedError: (error: unknown) => void;
}

/**
 * Collects the helpdesk report (issue #8 item 6). Only facts about the machine and the app are
 * gathered — the operator appears by id and role, applications only as counts — and the final
 * text is redacted once more in formatDiagnosticsText.
 */
export class DiagnosticsService implements DiagnosticsApi {
  constructor(private readonly deps: DiagnosticsDeps) {}

  async report(): Promise<Result<DiagnosticsReport, NotSignedIn>> {
    const active = this.deps.session.require();
    if (!active.ok) return active;
    const { deps } = this;
    const [health, revocationList, queue, devices, scanimage, libraries, database, storage] = await Promise.all([
      this.health(),
      this.guard(() => this.revocationList(), null),
      this.guard(() => this.queue(), null),
      this.guard(() => deps.listDevices(), { ok: false, error: { kind: 'io-error' } } as const),
      deps.scanimage(),
      this.guard(() => deps.libraries(), []),
      this.guard(() => deps.database(), { sizeBytes: 0, lastSavedAt: null }),
      deps.storage(),
    ]);
    const facts: DiagnosticsFacts = {
      generatedAt: deps.clock.now().toISOString(),
      app: deps.app,
      operator: { operatorId: active.value.operator.operatorId, role: active.value.operator.role },
      ...deps.host(),
      libraries,
      backend: { mode: deps.backend.mode, url: deps.backend.url, connectivity: deps.connectivity(), health },
      revocationList,
      scanners: {
        devices: devices.ok ? devices.value.map((d) => ({ id: d.id, description: `${d.vendor} ${d.model} (${d.type})`, adapter: d.adapter })) : [],
        error: devices.ok ? null : devices.error.kind,
        scanimage,
      },
      queue,
      database,
      log: {
        dir: deps.log.dir,
        recentProblems: deps.log.recent
          .recentProblems(DIAGNOSTICS_LOG_PROBLEMS)
          .map((line) => ({ time: line.time, level: line.level === 'error' ? 'error' : 'warn', event: line.event, json: line.json })),
        lastLines: deps.log.recent.lastLines(DIAGNOSTICS_LOG_LINES).map((line) => line.json),
      },
      storage,
    };
    return ok({ ...facts, text: formatDiagnosticsText(facts) });
  }

  private async health(): Promise<DiagnosticsReport['backend']['health']> {
    const started = this.deps.monotonicMs();
    const answer = await this.deps.backend.health();
    const latencyMs = Math.round(this.deps.monotonicMs() - started);
    if (answer.ok) return { reachable: true, latencyMs, problem: null };
    const failure = answer.error;
    // Any HTTP answer means the backend is reachable (as the connectivity monitor counts it).
    if (failure.kind === 'http') return { reachable: true, latencyMs, problem: `http ${failure.status} ${failure.code}` };
    return { reachable: false, latencyMs, problem: failure.kind === 'tls' ? `tls ${failure.reason}` : failure.kind };
  }

  private async revocationList(): Promise<DiagnosticsReport['revocationList']> {
    const status = await this.deps.revocationStatus();
    if (!status.ok) return null;
    const { fetchedAt, nextUpdate, stale } = status.value;
    const ageMinutes = fetchedAt === null ? null : Math.max(0, Math.floor((this.deps.clock.now().getTime() - Date.parse(fetchedAt)) / 60_000));
    return { fetchedAt, nextUpdate, stale, ageMinutes };
  }

  private async queue(): Promise<DiagnosticsReport['queue']> {
    const status = await this.deps.queueStatus();
    if (!status.ok) return null;
    // Counts only: never the ids of the applications being sent.
    return { paused: status.value.paused, lastSyncAt: status.value.lastSyncAt, ...status.value.counts };
  }

  private async guard<T>(collect: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await collect();
    } catch (error) {
      this.deps.onUnexpectedError(error);
      return fallback;
    }
  }
}
