import { describe, expect, it } from 'vitest';
import { isWithinKzDays, utcWindowAround } from './kzDayRange';

describe('isWithinKzDays', () => {
  it('uses the Kazakhstan day (UTC+5), not the UTC day', () => {
    // 19:30Z on the 19th is 00:30 on the 20th in Astana.
    expect(isWithinKzDays('2026-11-19T19:30:00.000Z', '2026-11-20', '2026-11-20')).toBe(true);
    expect(isWithinKzDays('2026-11-19T18:30:00.000Z', '2026-11-20', '2026-11-20')).toBe(false);
    // 18:59Z on the 20th is 23:59 on the 20th.
    expect(isWithinKzDays('2026-11-20T18:59:59.000Z', '2026-11-20', '2026-11-20')).toBe(true);
    expect(isWithinKzDays('2026-11-20T19:00:00.000Z', '2026-11-20', '2026-11-20')).toBe(false);
  });

  it('includes both ends of a range and refuses what is not an instant', () => {
    expect(isWithinKzDays('2026-11-21T05:00:00.000Z', '2026-11-20', '2026-11-22')).toBe(true);
    expect(isWithinKzDays('2026-11-22T12:00:00.000Z', '2026-11-20', '2026-11-22')).toBe(true);
    expect(isWithinKzDays('2026-11-23T12:00:00.000Z', '2026-11-20', '2026-11-22')).toBe(false);
    expect(isWithinKzDays('yesterday', '2026-11-20', '2026-11-22')).toBe(false);
  });
});

describe('utcWindowAround', () => {
  it('contains every instant of the Kazakhstan days', () => {
    const w = utcWindowAround('2026-11-20', '2026-11-21');
    for (const instant of ['2026-11-19T19:00:00.000Z', '2026-11-21T18:59:59.999Z']) {
      expect(instant >= w.fromIso && instant < w.toIso).toBe(true);
    }
  });
});
