// When to ask the backend next about an application (issue #7): exponential backoff from a base,
// capped, restarting from the base whenever something changed. Pure rules, tested beside.
import type { ApplicationStatusView } from '../../core/backendApi/wire';
import type { KnownStatus } from './statusRecords';

export interface StatusPollPolicy {
  /** Delay after a change (and after the first answer). */
  readonly baseMs: number;
  /** Longest delay between two checks of one application. */
  readonly capMs: number;
}

/**
 * A minute after a change, then 2, 4, 8, 16 and at most 30 minutes: a provider decides in working
 * days, so a half-hour lag is invisible, while a fresh change is followed closely.
 */
export const DEFAULT_STATUS_POLL: StatusPollPolicy = { baseMs: 60_000, capMs: 30 * 60_000 };

/** base·2^n capped, where n is the number of checks since the last change. */
export function nextCheckDelayMs(checksSinceChange: number, policy: StatusPollPolicy, retryAfterMs: number | null = null): number {
  const delay = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(Math.max(0, checksSinceChange), 30));
  return Math.max(delay, retryAfterMs ?? 0);
}

/** The answer moved on: another status, a new history entry, or a result document appearing or changing. */
export function isStatusChange(known: KnownStatus | null, view: ApplicationStatusView): boolean {
  if (known === null || known.status === null) return true;
  return (
    known.status !== view.status ||
    known.historyLength !== view.history.length ||
    (known.resultRef?.sha256 ?? null) !== (view.result?.sha256 ?? null)
  );
}
