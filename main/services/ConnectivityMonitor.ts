// Is the licensing backend reachable? Learned from every attempt the outbox makes and from health
// checks: every 30 s while online, with exponential backoff (2 s … 60 s) while offline so a dead
// network is not hammered. Coming back online kicks the outbox (issue #6 item 3). A refused TLS
// certificate is remembered with the offline state: it needs an administrator, not patience.
import type { Connectivity } from '../../core/contract/queue';
import type { BackendFailure } from '../../core/submission/backendFailure';
import type { Clock } from '../ports/Clock';
import type { LicensingBackend } from '../ports/LicensingBackend';

export interface ConnectivityMonitorOptions {
  readonly onlineIntervalMs: number;
  readonly offlineBaseMs: number;
  readonly offlineCapMs: number;
  /** Called on every offline → online transition. */
  readonly onBackOnline: () => void;
}

export const DEFAULT_CONNECTIVITY: Omit<ConnectivityMonitorOptions, 'onBackOnline'> = {
  onlineIntervalMs: 30_000,
  offlineBaseMs: 2_000,
  offlineCapMs: 60_000,
};

export class ConnectivityMonitor {
  private state: Connectivity = { state: 'unknown' };
  private failures = 0;
  private lastSync: Date | null = null;
  private timer: NodeJS.Timeout | null = null;
  private checking = false;
  private stopped = true;

  constructor(
    private readonly backend: Pick<LicensingBackend, 'health'>,
    private readonly clock: Clock,
    private readonly options: ConnectivityMonitorOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  current(): Connectivity {
    return this.state;
  }

  lastSyncAt(): string | null {
    return this.lastSync?.toISOString() ?? null;
  }

  /** A successful exchange with the backend (a registration). */
  synced(): void {
    this.lastSync = this.clock.now();
    this.observe(true);
  }

  /**
   * What one request taught: answered (any HTTP status) or unreachable. `failure` says why an
   * unreachable one failed; a TLS refusal shows in the offline state until the next attempt.
   */
  observe(reachable: boolean, failure?: BackendFailure): void {
    const now = this.clock.now();
    if (reachable) {
      this.failures = 0;
      if (this.state.state !== 'online') {
        const wasOffline = this.state.state === 'offline';
        this.state = { state: 'online', since: now.toISOString() };
        if (wasOffline) this.options.onBackOnline();
      }
      this.schedule(this.options.onlineIntervalMs);
      return;
    }
    this.failures += 1;
    const delay = Math.min(this.options.offlineCapMs, this.options.offlineBaseMs * 2 ** Math.min(this.failures - 1, 20));
    const since = this.state.state === 'offline' ? this.state.since : now.toISOString();
    const nextCheckAt = new Date(now.getTime() + delay).toISOString();
    this.state = failure?.kind === 'tls' ? { state: 'offline', since, nextCheckAt, tlsProblem: failure.reason } : { state: 'offline', since, nextCheckAt };
    this.schedule(delay);
  }

  /** Checks now (the operator asked, or a timer fired). */
  async check(): Promise<Connectivity> {
    if (this.checking) return this.state;
    this.checking = true;
    try {
      const health = await this.backend.health();
      if (health.ok) this.lastSync = this.clock.now();
      this.observe(health.ok || health.error.kind === 'http', health.ok ? undefined : health.error);
    } finally {
      this.checking = false;
    }
    return this.state;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), delayMs);
    this.timer.unref();
  }
}
