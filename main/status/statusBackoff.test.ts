import { describe, expect, it } from 'vitest';
import { isStatusChange, nextCheckDelayMs } from './statusBackoff';
import { viewAt } from './testSupport/statusFixture';

const policy = { baseMs: 60_000, capMs: 30 * 60_000 };

describe('nextCheckDelayMs', () => {
  it('doubles from the base per check without change and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => nextCheckDelayMs(n, policy))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, 1_800_000]);
  });

  it('never asks earlier than Retry-After', () => {
    expect(nextCheckDelayMs(0, policy, 300_000)).toBe(300_000);
    expect(nextCheckDelayMs(3, policy, 1_000)).toBe(480_000);
  });
});

describe('isStatusChange', () => {
  const known = (status: 'registered' | 'under-review' | null, historyLength: number) => ({ status, historyLength, resultRef: null, checkAttempts: 3 });

  it('counts a first answer, another status, a new history entry and a result appearing as changes', () => {
    expect(isStatusChange(null, viewAt('b', 'registered'))).toBe(true);
    expect(isStatusChange(known(null, 0), viewAt('b', 'registered'))).toBe(true);
    expect(isStatusChange(known('registered', 1), viewAt('b', 'under-review'))).toBe(true);
    expect(isStatusChange(known('under-review', 1), viewAt('b', 'under-review'))).toBe(true);
    const ready = viewAt('b', 'ready-for-handover');
    expect(isStatusChange({ status: 'ready-for-handover', historyLength: ready.history.length, resultRef: null, checkAttempts: 0 }, ready)).toBe(true);
  });

  it('does not count the same answer again', () => {
    expect(isStatusChange(known('under-review', 2), viewAt('b', 'under-review'))).toBe(false);
    const ready = viewAt('b', 'ready-for-handover');
    expect(isStatusChange({ status: 'ready-for-handover', historyLength: ready.history.length, resultRef: ready.result, checkAttempts: 0 }, ready)).toBe(false);
  });
});
