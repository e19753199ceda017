/**
 * Lockout after repeated failed logins (issue #8 item 2): pure rules over the stored state of one
 * login. Failures online (401) and offline (wrong password against the verifier) count alike.
 */
export interface LockoutPolicy {
  /** Failures within `windowMs` that lock the login. */
  readonly maxFailures: number;
  readonly windowMs: number;
  /** How long a lockout lasts; attempts are refused without asking the backend meanwhile. */
  readonly lockMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface LockoutState {
  readonly failures: number;
  /** When the first failure of the current window happened. */
  readonly windowStartedAt: Date;
  readonly lockedUntil: Date | null;
}

/** The end of the lockout in force at `now`, or null when the login may try. */
export function activeLockout(state: LockoutState | null, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The state after one more failure at `now`: a new window once the old one (or its lockout) is over. */
export function afterFailure(state: LockoutState | null, now: Date, policy: LockoutPolicy): LockoutState {
  const windowOver = state === null || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const lockOver = state?.lockedUntil != null && state.lockedUntil.getTime() <= now.getTime();
  const failures = windowOver || lockOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver || lockOver ? now : state.windowStartedAt;
  const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
  return { failures, windowStartedAt, lockedUntil };
}
