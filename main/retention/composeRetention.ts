// The retention purge as the composition root wires it (main/app.ts).
import type { AuditLog } from '../audit/AuditLog';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import { nodePollTimers, type PollTimers } from '../status/StatusPoller';
import { RetentionPurger, type RetentionPurgerOptions, type RetentionReport } from './RetentionPurger';
import { DEFAULT_RETENTION_SCHEDULE, RetentionScheduler, type RetentionSchedulerOptions } from './RetentionScheduler';

export interface RetentionDependencies {
  readonly db: SqlJsDatabase;
  readonly blobs: EncryptedBlobStore;
  readonly clock: Clock;
  readonly audit: AuditLog;
  /** The supervisor's setting (whole days), read at every pass. */
  readonly retentionDays: () => number;
  readonly onUnexpectedError: (error: unknown) => void;
  /** Tests substitute timers and tune the passes. */
  readonly timers?: PollTimers;
  readonly schedule?: Partial<Omit<RetentionSchedulerOptions, 'onUnexpectedError'>>;
  readonly purger?: Partial<RetentionPurgerOptions>;
}

export interface Retention {
  /** Arms the first pass (shortly after start), then one every hour. */
  start(): void;
  /** Cancels the timer and waits for a running pass; call before the database closes. */
  stop(): Promise<void>;
  /** A pass now, or the running one; rejects on failure. */
  purgeNow(): Promise<RetentionReport>;
}

export function composeRetention(deps: RetentionDependencies): Retention {
  const purger = new RetentionPurger(deps.db, deps.blobs, deps.clock, deps.audit, deps.retentionDays, deps.purger);
  const scheduler = new RetentionScheduler(purger, deps.timers ?? nodePollTimers, {
    ...DEFAULT_RETENTION_SCHEDULE,
    ...deps.schedule,
    onUnexpectedError: deps.onUnexpectedError,
  });
  return {
    start: () => scheduler.start(),
    stop: () => scheduler.stop(),
    purgeNow: () => scheduler.purgeNow(),
  };
}
