import { PROBLEM_CODES, powerOfAttorneyNumberSchema, type PowerOfAttorneyRecord } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';

/** The fixture notary registry (БНАЖ / ЕНИС stand-in): notarised powers of attorney by number. */
export class NotaryDirectory {
  private readonly byNumber: ReadonlyMap<string, PowerOfAttorneyRecord>;

  constructor(powersOfAttorney: readonly PowerOfAttorneyRecord[]) {
    this.byNumber = new Map(powersOfAttorney.map((p) => [p.number, p]));
  }

  /** Exact match on the number as the notary registered it: no case folding, no look-alike mapping. */
  powerOfAttorney(number: string): PowerOfAttorneyRecord | undefined {
    return this.byNumber.get(number);
  }
}

/** A path PoA number (already percent-decoded by the router), trimmed; a malformed one is a 400. */
export function parsePowerOfAttorneyNumber(raw: string): Result<string, Refusal> {
  const parsed = powerOfAttorneyNumberSchema.safeParse(raw);
  if (!parsed.success) {
    return err(refusal(400, PROBLEM_CODES.validation, 'Power of attorney number must be 1-40 letters, digits, "-" or "/"'));
  }
  return ok(parsed.data);
}
