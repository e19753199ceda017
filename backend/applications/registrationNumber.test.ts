import { describe, expect, it } from 'vitest';
import { formatRegistrationNumber, registrationYear } from './registrationNumber';

describe('registration numbers', () => {
  it('look like LIC-<year>-<six-digit sequence>', () => {
    expect(formatRegistrationNumber(2026, 1)).toBe('LIC-2026-000001');
    expect(formatRegistrationNumber(2026, 123_456)).toBe('LIC-2026-123456');
  });

  it('take the year in Kazakhstan time (UTC+5), not UTC', () => {
    expect(registrationYear(new Date('2026-12-31T18:59:59Z'))).toBe(2026);
    expect(registrationYear(new Date('2026-12-31T19:00:00Z'))).toBe(2027);
  });
});
