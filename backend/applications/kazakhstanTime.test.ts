import { describe, expect, it } from 'vitest';
import { kazakhstanDate, kazakhstanYear } from './kazakhstanTime';

describe('Kazakhstan local time (UTC+5)', () => {
  it('turns the date at 19:00 UTC, not at midnight UTC', () => {
    expect(kazakhstanDate(new Date('2026-11-23T18:59:59.999Z'))).toBe('2026-11-23');
    expect(kazakhstanDate(new Date('2026-11-23T19:00:00.000Z'))).toBe('2026-11-24');
    expect(kazakhstanDate(new Date('2026-11-22T19:00:00.000Z'))).toBe('2026-11-23');
  });

  it('turns the year with the date', () => {
    expect(kazakhstanYear(new Date('2026-12-31T18:59:59Z'))).toBe(2026);
    expect(kazakhstanYear(new Date('2026-12-31T19:00:00Z'))).toBe(2027);
    expect(kazakhstanDate(new Date('2026-12-31T19:00:00Z'))).toBe('2027-01-01');
  });
});
