/**
 * Synthetic БНАЖ (notary registry) records for the fake api: notarised powers of attorney, one
 * per outcome of core/registry/powerOfAttorney.ts as seen on FAKE_TODAY. Names are invented.
 */
import type { PowerOfAttorneyRecord } from '../../core/backendApi/wire';
import { ACTIVE_COMPANY, ACTIVE_PERSON, OTHER_PERSON, REPRESENTATIVE_PERSON } from './fakeFixtures';

/** The fake's "today" in Kazakhstan: acceptance date, PoA validity and planned dates are counted from it. */
export const FAKE_TODAY = '2025-03-04';

const NOTARY = 'Нотариус Бекова Ләззат Маратқызы, Астана қ. (лицензия № 0000001)';

const PERSON_PRINCIPAL = { kind: 'individual', iin: ACTIVE_PERSON.iin, fullName: 'Жұмабеков Ерғали Өмірұлы' } as const;
const COMPANY_PRINCIPAL = { kind: 'legal-entity', bin: ACTIVE_COMPANY.bin, name: ACTIVE_COMPANY.name } as const;
const TO_REPRESENTATIVE = { iin: REPRESENTATIVE_PERSON.iin, fullName: 'Сейдахметова Дана Қайратқызы' } as const;

/** ACTIVE_PERSON → REPRESENTATIVE_PERSON, valid on FAKE_TODAY. */
export const POA_FOR_PERSON: PowerOfAttorneyRecord = {
  number: '0117/2025',
  notary: NOTARY,
  issuedOn: '2025-01-20',
  validUntil: '2026-01-19',
  status: 'active',
  principal: PERSON_PRINCIPAL,
  representative: TO_REPRESENTATIVE,
};

/** ACTIVE_COMPANY → REPRESENTATIVE_PERSON, valid; for ACTIVE_PERSON as applicant it is "another principal". */
export const POA_FOR_COMPANY: PowerOfAttorneyRecord = {
  number: '0342/2024',
  notary: NOTARY,
  issuedOn: '2024-09-02',
  validUntil: '2025-09-01',
  status: 'active',
  principal: COMPANY_PRINCIPAL,
  representative: TO_REPRESENTATIVE,
};

export const POA_EXPIRED: PowerOfAttorneyRecord = { ...POA_FOR_PERSON, number: '0089/2023', issuedOn: '2023-02-01', validUntil: '2024-12-31' };
export const POA_REVOKED: PowerOfAttorneyRecord = { ...POA_FOR_PERSON, number: '0205/2024', issuedOn: '2024-11-11', status: 'revoked' };
export const POA_NOT_YET_VALID: PowerOfAttorneyRecord = { ...POA_FOR_PERSON, number: '0160/2025', issuedOn: '2025-03-10', validUntil: '2026-03-09' };
export const POA_TO_OTHER_PERSON: PowerOfAttorneyRecord = {
  ...POA_FOR_PERSON,
  number: '0150/2025',
  representative: { iin: OTHER_PERSON.iin, fullName: 'Омаров Бақыт Сәкенұлы' },
};

export const FAKE_POWERS_OF_ATTORNEY: readonly PowerOfAttorneyRecord[] = [
  POA_FOR_PERSON,
  POA_FOR_COMPANY,
  POA_EXPIRED,
  POA_REVOKED,
  POA_NOT_YET_VALID,
  POA_TO_OTHER_PERSON,
];

/** Well-formed, absent from the fake notary registry: the "data cannot be obtained" case for a PoA. */
export const UNKNOWN_POA_NUMBER = '9999/2025';
