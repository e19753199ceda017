import { describe, expect, it } from 'vitest';
import { formatRegistrationNumber } from '../applications/registrationNumber';
import { licenceNumberFor } from './licenceNumber';

describe('licenceNumberFor', () => {
  it('derives KZ<yy>LAA<8-digit sequence> from the registration number', () => {
    expect(licenceNumberFor('LIC-2026-000123')).toBe('KZ26LAA00000123');
    expect(licenceNumberFor(formatRegistrationNumber(2027, 1))).toBe('KZ27LAA00000001');
    expect(licenceNumberFor('LIC-2026-123456789')).toBe('KZ26LAA123456789');
  });

  it('gives distinct registrations distinct numbers, across years and sequences', () => {
    const numbers = new Set<string>();
    for (const year of [2026, 2027, 2099]) for (let sequence = 1; sequence <= 2_000; sequence++) numbers.add(licenceNumberFor(formatRegistrationNumber(year, sequence)));
    expect(numbers.size).toBe(3 * 2_000);
  });

  it('refuses a number it did not issue', () => {
    expect(() => licenceNumberFor('WS-2026-0001')).toThrow(/LIC-<year>-<sequence>/);
    expect(() => licenceNumberFor('LIC-2026-000000')).toThrow(/out of range/);
  });
});
