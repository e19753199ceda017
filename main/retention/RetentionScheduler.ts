// Runs the retention purge on its own: once shortly after start, then every hour (issue #8 item 4).
import type { PollTimers } from '../status/StatusPoller';
import type { RetentionReport } from './RetentionPurger';

export interface RetentionSchedulerOptions {
  /** Delay of the first pass after `start`: after start-up work, before the counter gets busy. */
  readonly firstDelayMs: number;
  /** Between the end of one pass and the start of the next. */
  readonly intervalMs: number;
  /** Receives a failed pass (disk, database); the message names the failure's type and code only. */
  readonly onUnexpectedError: (error: unknown) => void;
}

export const DEFAULT_RETENTION_SCHEDULE: Omit<RetentionSchedulerOptions, 'onUnexpectedError'> = { firstDelayMs: 60_000, intervalMs: 3_600_000 };

/**
 * A failed pass reported without its message: a database or parsing error may quote a value it
 * met, and this one is about personal data. The type, the code and the stack frames stay.
 */
export function retentionFailure(error: unknown): Error {
  const name = error instanceof Error ? error.name : typeof error;
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? ` ${(error as { code: string }).code}` : '';
  const failure = new Error(`retention purge pass failed (${name}${code}); it is retried at the next pass`);
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : [];
  failure.stack = [`Error: ${failure.message}`, ...frames].join('\n');
  return failure;
}

/**
 * Never two passes at once: the timer is armed again only after a pass ends, and `purgeNow` during a
 * pass joins it. `stop` cancels the timer and waits for a running pass (the database may close after).
 */
export class RetentionScheduler {
  private cancelTimer: (() => void) | null = null;
  private running: Promise<RetentionReport> | null = null;
  private stopped = false;

  constructor(
    private readonly purger: { purgeDue(): Promise<RetentionReport> },
    private readonly timers: PollTimers,
    private readonly options: RetentionSchedulerOptions,
  ) {}

  start(): void {
    if (this.stopped || this.cancelTimer !== null || this.running !== null) return;
    this.arm(this.options.firstDelayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.running?.catch(() => undefined);
  }

  /** A pass now (or the one running); its failure rejects here instead of going to `onUnexpectedError`. */
  purgeNow(): Promise<RetentionReport> {
    if (this.stopped) return Promise.reject(new Error('retention scheduler is stopped'));
    return this.run();
  }

  private run(): Promise<RetentionReport> {
    if (this.running) return this.running;
    const pass = this.purger.purgeDue().finally(() => {
      this.running = null;
    });
    this.running = pass;
    return pass;
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    this.cancelTimer = this.timers.schedule(() => {
      this.cancelTimer = null;
      void this.run()
        .catch((error: unknown) => this.options.onUnexpectedError(retentionFailure(error)))
        .finally(() => this.arm(this.options.intervalMs));
    }, delayMs);
  }
}
