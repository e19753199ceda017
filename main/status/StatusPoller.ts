// Asks the backend, on its own, about every registered application that is not handed over yet,
// each on its own backoff schedule (statusBackoff.ts, stored in application_status.next_check_at).
// Idle while signed out (no token) or offline (the connectivity monitor's health checks find the
// way back and kick it); never two checks of one application at once (StatusChecker).
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import type { OperatorSession } from '../services/OperatorSession';
import type { StatusChecker } from './StatusChecker';
import { earliestStatusCheck, listDueStatusChecks } from './statusRecords';

/** A one-shot timer; injected so tests decide when it fires. */
export interface PollTimers {
  /** Runs `callback` once after `delayMs`; the returned function cancels it. */
  schedule(callback: () => void, delayMs: number): () => void;
}

/** Node timers that do not keep the process alive. */
export const nodePollTimers: PollTimers = {
  schedule(callback, delayMs) {
    const timer = setTimeout(callback, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface StatusPollerOptions {
  /** Longest sleep between passes, so a clock change or a missed kick never stalls tracking. */
  readonly maxIdleMs: number;
  /** Shortest gap between passes, so a check that cannot move its schedule never spins. */
  readonly minGapMs: number;
  /** Checks per pass (the rest follow in the next pass). */
  readonly batchSize: number;
  /** Checks running at once. */
  readonly concurrency: number;
  /** The connectivity monitor's view: while offline nothing is asked. */
  readonly isOffline: () => boolean;
  /** Reports unexpected errors (bugs, disk failures); never receives personal data. */
  readonly onUnexpectedError: (error: unknown) => void;
  /**
   * Downloads and stores a result the backend has and this workstation does not (StatusService.result),
   * so it can be viewed, printed and handed over when the applicant comes, even offline. Its
   * failures are not errors: the next check of the application tries again.
   */
  readonly prefetchResult?: (applicationId: string) => Promise<unknown>;
}

export const DEFAULT_STATUS_POLLER: Omit<StatusPollerOptions, 'isOffline' | 'onUnexpectedError' | 'prefetchResult'> = {
  maxIdleMs: 60_000,
  minGapMs: 1_000,
  batchSize: 20,
  concurrency: 4,
};

export class StatusPoller {
  private cancelTimer: (() => void) | null = null;
  /** The timer runs between start and stop. */
  private started = false;
  /** Stopped for good: no pass starts any more. */
  private stopped = false;
  private passRunning: Promise<void> | null = null;

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly checker: StatusChecker,
    private readonly session: OperatorSession,
    private readonly clock: Clock,
    private readonly timers: PollTimers,
    private readonly options: StatusPollerOptions,
  ) {}

  start(): void {
    this.started = true;
    this.arm(0);
  }

  /** Stops the timer and waits for the running pass and every check in flight (the database may close afterwards). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.passRunning;
    await this.checker.settle();
  }

  /** A pass now: after sign-in, when the backend is back, right after a registration. */
  kick(): void {
    this.arm(0);
  }

  /** One pass over what is due now; resolves when its checks are done. The timer calls it; so may tests. */
  runDue(): Promise<void> {
    if (this.passRunning) return this.passRunning;
    this.passRunning = this.pass().finally(() => {
      this.passRunning = null;
    });
    return this.passRunning;
  }

  private arm(delayMs: number): void {
    if (!this.started || this.stopped) return;
    this.cancelTimer?.();
    this.cancelTimer = this.timers.schedule(() => {
      this.cancelTimer = null;
      void this.runDue().then(() => this.armForNextDue());
    }, Math.max(0, Math.min(delayMs, this.options.maxIdleMs)));
  }

  private armForNextDue(): void {
    if (this.stopped || this.cancelTimer !== null) return;
    try {
      // Signed out or offline: sleep the idle maximum; sign-in and the way back online kick.
      const idle = (this.session.current()?.token ?? null) === null || this.options.isOffline();
      const next = idle ? null : this.db.read((r) => earliestStatusCheck(r));
      const delay = next === null ? this.options.maxIdleMs : new Date(next).getTime() - this.clock.now().getTime();
      this.arm(Math.max(delay, this.options.minGapMs));
    } catch (error) {
      this.options.onUnexpectedError(error);
    }
  }

  private async pass(): Promise<void> {
    try {
      if (this.stopped || this.session.current() === null || this.options.isOffline()) return;
      const due = this.db.read((r) => listDueStatusChecks(r, this.clock.now().toISOString(), this.options.batchSize));
      let signedOut = false;
      const worker = async () => {
        for (let id = due.shift(); id !== undefined && !signedOut && !this.stopped; id = due.shift()) {
          const answer = await this.checker.check(id);
          if (!answer.ok && answer.error.kind === 'not-signed-in') signedOut = true;
          if (answer.ok && answer.value.view.result !== null && answer.value.summary.tracking?.resultStored === false) await this.options.prefetchResult?.(id);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, this.options.concurrency) }, worker));
    } catch (error) {
      this.options.onUnexpectedError(error);
    }
  }
}
