import { describe, expect, it } from 'vitest';
import { activeLockout, afterFailure, DEFAULT_LOCKOUT_POLICY, type LockoutState } from './lockoutPolicy';

const T0 = new Date('2026-11-23T06:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function failAt(minutes: readonly number[], start: LockoutState | null = null): LockoutState | null {
  return minutes.reduce<LockoutState | null>((state, m) => afterFailure(state, at(m), DEFAULT_LOCKOUT_POLICY), start);
}

describe('lockout policy', () => {
  it('locks for 15 minutes at the fifth failure within 15 minutes', () => {
    const four = failAt([0, 1, 2, 3]);
    expect(four?.failures).toBe(4);
    expect(activeLockout(four, at(3))).toBeNull();
    const five = failAt([4], four);
    expect(five?.lockedUntil).toEqual(at(19));
    expect(activeLockout(five, at(18.9))).toEqual(at(19));
    expect(activeLockout(five, at(19))).toBeNull();
  });

  it('does not lock when the failures are spread over more than 15 minutes', () => {
    const state = failAt([0, 4, 8, 12, 16]);
    expect(state?.failures).toBe(1);
    expect(state?.windowStartedAt).toEqual(at(16));
    expect(activeLockout(state, at(16))).toBeNull();
  });

  it('starts counting afresh once a lockout is over', () => {
    const locked = failAt([0, 1, 2, 3, 4]);
    const after = failAt([20], locked);
    expect(after).toEqual({ failures: 1, windowStartedAt: at(20), lockedUntil: null });
  });
});
