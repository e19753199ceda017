/**
 * When personal data kept at this workstation fall due for the retention purge (issue #8 item 4).
 * Pure: the purger (main/retention/RetentionPurger.ts) reads the instants and applies these.
 *
 * Retention is counted from the moment the applicant was done with the counter: the result handed
 * over, or the application withdrawn. An application never handed over (waiting, refused and not
 * collected) is never due, whatever its age: the applicant still has to collect the result. A
 * draft never submitted is due once its last change is that old.
 */
import { RETENTION_DAYS } from '../contract/settings';

export const DAY_MS = 86_400_000;

/** Whole days as the settings allow them (RETENTION_DAYS); anything else is refused rather than guessed. */
export function isValidRetentionDays(days: number): boolean {
  return Number.isInteger(days) && days >= RETENTION_DAYS.min && days <= RETENTION_DAYS.max;
}

/**
 * Whether something that happened at `at` (an ISO instant) is at least `days` whole days (of 24 h)
 * before `now`: `at + days × 24 h <= now`. An unreadable instant is never due.
 */
export function isPastRetention(at: string, now: Date, days: number): boolean {
  const time = Date.parse(at);
  if (Number.isNaN(time)) return false;
  return time + days * DAY_MS <= now.getTime();
}

/** What closes an application for retention: the hand-over, else the withdrawal; null while the applicant may still come. */
export function retentionStartOf(application: { readonly handedOverAt: string | null; readonly withdrawnAt: string | null }): string | null {
  return application.handedOverAt ?? application.withdrawnAt;
}

/** An application not yet purged whose hand-over or withdrawal is `days` old. */
export function isApplicationDueForPurge(
  application: { readonly handedOverAt: string | null; readonly withdrawnAt: string | null; readonly purgedAt: string | null },
  now: Date,
  days: number,
): boolean {
  if (application.purgedAt !== null) return false;
  const start = retentionStartOf(application);
  return start !== null && isPastRetention(start, now, days);
}

/** A draft that never became an application (open or discarded) whose last change is `days` old. */
export function isDraftDueForPurge(
  draft: { readonly state: 'open' | 'submitted' | 'discarded'; readonly updatedAt: string },
  now: Date,
  days: number,
): boolean {
  return draft.state !== 'submitted' && isPastRetention(draft.updatedAt, now, days);
}
