import { describe, expect, it } from 'vitest';
import type { PowerOfAttorneyRecord } from '../backendApi/wire';
import { checkPowerOfAttorney } from './powerOfAttorney';

const poa: PowerOfAttorneyRecord = {
  number: '2026-НТ-000123',
  notary: 'Нотариус ТЕСТОВА А.А.',
  issuedOn: '2026-01-10',
  validUntil: '2026-12-31',
  status: 'active',
  principal: { kind: 'legal-entity', bin: '150340999016', name: 'ТОО «ТЕСТ»' },
  representative: { iin: '900202499021', fullName: 'ТЕСТОВА Айгүл' },
};
const parties = { principal: { kind: 'legal-entity' as const, bin: '150340999016' }, representativeIin: '900202499021' };

describe('checkPowerOfAttorney (2014 regulations, seed 002_9149a4a58fa77cb3.txt, Diagram No. 2 W2–W3)', () => {
  it('accepts a PoA of this principal to this representative within its dates, both ends inclusive', () => {
    expect(checkPowerOfAttorney(poa, parties, '2026-01-10')).toEqual({ ok: true, value: null });
    expect(checkPowerOfAttorney(poa, parties, '2026-12-31')).toEqual({ ok: true, value: null });
  });

  it('refuses each way the PoA does not fit', () => {
    expect(checkPowerOfAttorney(poa, parties, '2027-01-01')).toEqual({ ok: false, error: { kind: 'expired', validUntil: '2026-12-31' } });
    expect(checkPowerOfAttorney(poa, parties, '2026-01-09')).toEqual({ ok: false, error: { kind: 'not-yet-valid', issuedOn: '2026-01-10' } });
    expect(checkPowerOfAttorney({ ...poa, status: 'revoked' }, parties, '2026-06-01')).toEqual({ ok: false, error: { kind: 'revoked' } });
    expect(checkPowerOfAttorney(poa, { ...parties, representativeIin: '850101399014' }, '2026-06-01')).toEqual({
      ok: false,
      error: { kind: 'other-representative' },
    });
    expect(checkPowerOfAttorney(poa, { ...parties, principal: { kind: 'legal-entity', bin: '180341999027' } }, '2026-06-01')).toEqual({
      ok: false,
      error: { kind: 'other-principal' },
    });
    // A person with the same digits as the company's BIN is still a different principal.
    expect(checkPowerOfAttorney(poa, { ...parties, principal: { kind: 'individual', iin: '150340999016' } }, '2026-06-01')).toEqual({
      ok: false,
      error: { kind: 'other-principal' },
    });
  });
});
