import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromEpochDay, isoWeekday, localDate, parseLocalDate, toEpochDay } from './localDate';

describe('LocalDate', () => {
  it('parses real dates and refuses impossible or malformed ones', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseLocalDate('2025-02-29')).toEqual({ ok: false, error: { kind: 'invalid-date', value: '2025-02-29' } });
    expect(parseLocalDate('2025-1-05').ok).toBe(false);
    expect(parseLocalDate('2025-01-05T00:00').ok).toBe(false);
  });

  it('knows weekdays: 1970-01-01 was a Thursday, 2025-01-05 a Sunday, 2024-05-04 a Saturday', () => {
    expect(isoWeekday(localDate('1970-01-01'))).toBe(4);
    expect(isoWeekday(localDate('2025-01-05'))).toBe(7);
    expect(isoWeekday(localDate('2024-05-04'))).toBe(6);
  });

  it('adds days across month, leap-day and year ends', () => {
    expect(addDays(localDate('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(localDate('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addDays(localDate('2025-03-01'), -1)).toBe('2025-02-28');
  });

  it('round-trips epoch days and agrees with Date on the weekday', () => {
    fc.assert(fc.property(fc.integer({ min: -30_000, max: 80_000 }), (n) => {
      const date = fromEpochDay(n);
      expect(parseLocalDate(date).ok).toBe(true);
      expect(toEpochDay(date)).toBe(n);
      expect(isoWeekday(date) % 7).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
    }));
  });
});
