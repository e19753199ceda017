import type { ApplicantRef, PowerOfAttorneyRecord } from '../backendApi/wire';
import type { Result } from '../result';

export type PowerOfAttorneyProblem =
  | { readonly kind: 'revoked' }
  | { readonly kind: 'expired'; readonly validUntil: string }
  | { readonly kind: 'not-yet-valid'; readonly issuedOn: string }
  /** Issued by someone other than the applicant. */
  | { readonly kind: 'other-principal' }
  /** Issued to someone other than the person at the counter. */
  | { readonly kind: 'other-representative' };

/**
 * Whether a notarised PoA from the notary registry lets `representativeIin` act for `principal`
 * on `today` (a Kazakhstan local date, 'YYYY-MM-DD'; `validUntil` is inclusive).
 * 2014 regulations W2/W3 (seed 002_…, Diagram No. 2): a PoA that is not found stops the
 * application like a missing applicant; one that is found must also fit the parties and the date.
 */
export function checkPowerOfAttorney(
  poa: PowerOfAttorneyRecord,
  parties: { readonly principal: ApplicantRef; readonly representativeIin: string },
  today: string,
): Result<null, PowerOfAttorneyProblem> {
  const principalMatches =
    poa.principal.kind === parties.principal.kind &&
    (poa.principal.kind === 'individual'
      ? parties.principal.kind === 'individual' && poa.principal.iin === parties.principal.iin
      : parties.principal.kind === 'legal-entity' && poa.principal.bin === parties.principal.bin);
  if (!principalMatches) return { ok: false, error: { kind: 'other-principal' } };
  if (poa.representative.iin !== parties.representativeIin) return { ok: false, error: { kind: 'other-representative' } };
  if (poa.status === 'revoked') return { ok: false, error: { kind: 'revoked' } };
  if (today < poa.issuedOn) return { ok: false, error: { kind: 'not-yet-valid', issuedOn: poa.issuedOn } };
  if (today > poa.validUntil) return { ok: false, error: { kind: 'expired', validUntil: poa.validUntil } };
  return { ok: true, value: null };
}
