import { describe, expect, it } from 'vitest';
import type { LegalEntityRecord, PersonRecord } from '../backendApi/wire';
import { applicantDisplayName, applicantRefOf, isApplicantEligible } from './applicant';

const person: PersonRecord = {
  kind: 'individual', iin: '850415312343', lastName: 'ТЕСТОВ', firstName: 'Айбек', middleName: null,
  birthDate: '1985-04-15', status: 'active', address: 'Астана', entrepreneur: null,
};
const company: LegalEntityRecord = {
  kind: 'legal-entity', bin: '150840123461', name: '«Тест Ойын» ЖШС', status: 'liquidated', address: 'Алматы',
  registeredAt: '2015-08-01', head: { iin: '850415312343', fullName: 'ТЕСТОВ Айбек' },
};

describe('applicant rules', () => {
  it('joins the name parts the registry gave, skipping a missing patronymic', () => {
    expect(applicantDisplayName(person)).toBe('ТЕСТОВ Айбек');
    expect(applicantDisplayName({ ...person, middleName: 'Серікұлы' })).toBe('ТЕСТОВ Айбек Серікұлы');
    expect(applicantDisplayName(company)).toBe('«Тест Ойын» ЖШС');
  });

  it('refers to the applicant by IIN or BIN', () => {
    expect(applicantRefOf(person)).toEqual({ kind: 'individual', iin: '850415312343' });
    expect(applicantRefOf(company)).toEqual({ kind: 'legal-entity', bin: '150840123461' });
  });

  it('lets only active applicants apply', () => {
    expect(isApplicantEligible(person)).toBe(true);
    expect(isApplicantEligible({ ...person, status: 'deceased' })).toBe(false);
    expect(isApplicantEligible(company)).toBe(false);
  });
});
