import { FIXTURE_LEGAL_ENTITIES } from '../../backend/fixtures/legalEntities';
import { FIXTURE_OPERATORS } from '../../backend/fixtures/operators';
import { FIXTURE_PERSONS } from '../../backend/fixtures/persons';

/** Every identifier, name and address in the backend's fixtures: what must never reach a log or the diagnostics. */
export function personalDataOfFixtures(): string[] {
  const values = [
    ...FIXTURE_PERSONS.flatMap((p) => [p.iin, p.lastName, p.firstName, p.middleName, p.address, p.entrepreneur?.tradeName]),
    ...FIXTURE_LEGAL_ENTITIES.flatMap((e) => [e.bin, e.name, e.address, e.head.iin, e.head.fullName]),
    ...FIXTURE_OPERATORS.flatMap((o) => [o.iin, o.fullName]),
  ];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
}
