import { PROBLEM_CODES, twelveDigitsSchema, type LegalEntityRecord, type PersonRecord } from '../../core/backendApi/wire';
import { validateKzIdentifier } from '../../core/identifiers/kzIdentifier';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';

/** The fixture registries (ГБД ФЛ and ГБД ЮЛ stand-ins), indexed by IIN and BIN. */
export class RegistryDirectory {
  private readonly persons: ReadonlyMap<string, PersonRecord>;
  private readonly legalEntities: ReadonlyMap<string, LegalEntityRecord>;

  constructor(persons: readonly PersonRecord[], legalEntities: readonly LegalEntityRecord[]) {
    this.persons = new Map(persons.map((p) => [p.iin, p]));
    this.legalEntities = new Map(legalEntities.map((e) => [e.bin, e]));
  }

  person(iin: string): PersonRecord | undefined {
    return this.persons.get(iin);
  }

  legalEntity(bin: string): LegalEntityRecord | undefined {
    return this.legalEntities.get(bin);
  }
}

/** A path identifier: not 12 digits or a wrong check digit is the caller's mistake (400), not a miss. */
export function parseIdentifier(raw: string): Result<string, Refusal> {
  if (!twelveDigitsSchema.safeParse(raw).success || !validateKzIdentifier(raw).ok) {
    return err(refusal(400, PROBLEM_CODES.validation, 'Identifier must be 12 digits with a valid check digit'));
  }
  return ok(raw);
}
