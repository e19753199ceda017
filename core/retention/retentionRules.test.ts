import { describe, expect, it } from 'vitest';
import { isApplicationDueForPurge, isDraftDueForPurge, isPastRetention, isValidRetentionDays, retentionStartOf } from './retentionRules';

const NOW = new Date('2026-12-24T06:00:00.000Z');

describe('retention rules', () => {
  it('counts whole days of 24 hours between instants, due exactly at the boundary', () => {
    expect(isPastRetention('2026-11-24T06:00:00.000Z', NOW, 30)).toBe(true);
    expect(isPastRetention('2026-11-24T06:00:00.001Z', NOW, 30)).toBe(false);
    // Another offset is the same instant: not a calendar-day comparison.
    expect(isPastRetention('2026-11-24T11:00:00.000+05:00', NOW, 30)).toBe(true);
    expect(isPastRetention('not a date', NOW, 1)).toBe(false);
  });

  it('starts the period at the hand-over, else at the withdrawal, and never for an application still to be collected', () => {
    expect(retentionStartOf({ handedOverAt: '2026-11-01T00:00:00.000Z', withdrawnAt: null })).toBe('2026-11-01T00:00:00.000Z');
    expect(retentionStartOf({ handedOverAt: null, withdrawnAt: '2026-11-02T00:00:00.000Z' })).toBe('2026-11-02T00:00:00.000Z');
    expect(retentionStartOf({ handedOverAt: null, withdrawnAt: null })).toBeNull();
  });

  it('makes an application due 30 days after hand-over or withdrawal, once', () => {
    const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
    expect(isApplicationDueForPurge({ handedOverAt: day(31), withdrawnAt: null, purgedAt: null }, NOW, 30)).toBe(true);
    expect(isApplicationDueForPurge({ handedOverAt: day(29), withdrawnAt: null, purgedAt: null }, NOW, 30)).toBe(false);
    expect(isApplicationDueForPurge({ handedOverAt: null, withdrawnAt: day(40), purgedAt: null }, NOW, 30)).toBe(true);
    // Refused or issued but never collected: kept however old.
    expect(isApplicationDueForPurge({ handedOverAt: null, withdrawnAt: null, purgedAt: null }, NOW, 1)).toBe(false);
    expect(isApplicationDueForPurge({ handedOverAt: day(31), withdrawnAt: null, purgedAt: day(1) }, NOW, 30)).toBe(false);
  });

  it('makes open and discarded drafts due by their last change, never a submitted one', () => {
    const old = new Date(NOW.getTime() - 31 * 86_400_000).toISOString();
    expect(isDraftDueForPurge({ state: 'open', updatedAt: old }, NOW, 30)).toBe(true);
    expect(isDraftDueForPurge({ state: 'discarded', updatedAt: old }, NOW, 30)).toBe(true);
    expect(isDraftDueForPurge({ state: 'submitted', updatedAt: old }, NOW, 30)).toBe(false);
    expect(isDraftDueForPurge({ state: 'open', updatedAt: NOW.toISOString() }, NOW, 30)).toBe(false);
  });

  it('accepts only whole days in the settings range', () => {
    expect([1, 30, 3650].map(isValidRetentionDays)).toEqual([true, true, true]);
    expect([0, -1, 1.5, 3651, Number.NaN].map(isValidRetentionDays)).toEqual([false, false, false, false, false]);
  });
});
