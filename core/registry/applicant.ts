import type { ApplicantRef, RegistryRecord } from '../backendApi/wire';

/** Name as the registry gives it: "SURNAME NAME PATRONYMIC" for people, the full name for entities. */
export function applicantDisplayName(record: RegistryRecord): string {
  if (record.kind === 'legal-entity') return record.name;
  return [record.lastName, record.firstName, record.middleName].filter((part): part is string => !!part).join(' ');
}

export function applicantRefOf(record: RegistryRecord): ApplicantRef {
  return record.kind === 'individual' ? { kind: 'individual', iin: record.iin } : { kind: 'legal-entity', bin: record.bin };
}

/** Only a living person or an active legal entity can apply; the registry status decides. */
export function isApplicantEligible(record: RegistryRecord): boolean {
  return record.status === 'active';
}
