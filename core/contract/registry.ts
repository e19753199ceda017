import { z } from 'zod';
import type { Result } from '../result';
import {
  powerOfAttorneyNumberSchema,
  twelveDigitsSchema,
  type PersonRecord,
  type PowerOfAttorneyRecord,
  type RegistryRecord,
} from '../backendApi/wire';
import type { PowerOfAttorneyProblem } from '../registry/powerOfAttorney';
import { entityIdSchema, type NotSignedIn } from './common';

export const applicantQuerySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('individual'), iin: twelveDigitsSchema }),
  z.object({ kind: z.literal('legal-entity'), bin: twelveDigitsSchema }),
]);
export type ApplicantQuery = z.infer<typeof applicantQuerySchema>;

/** A registry answer kept by main; the application refers to it by `snapshotId`. */
export interface ApplicantCard {
  readonly snapshotId: string;
  readonly answeredAt: string;
  readonly record: RegistryRecord;
}

export type LookupError =
  | NotSignedIn
  /** The check digit does not match: the number was mistyped. */
  | { readonly kind: 'invalid-identifier' }
  /** Regulation wording: the data cannot be obtained; the application stops here. */
  | { readonly kind: 'not-found' }
  /** Timeout or outage of the registry or gateway; retrying may help. */
  | { readonly kind: 'registry-unavailable' };

export const representativeQuerySchema = z.object({
  serviceId: z.string().min(1).max(100),
  /** The applicant this person represents (from lookupApplicant). */
  applicantSnapshotId: entityIdSchema,
  iin: twelveDigitsSchema,
  powerOfAttorney: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('notarised'), number: powerOfAttorneyNumberSchema }),
    z.object({ kind: z.literal('other') }),
  ]),
});
export type RepresentativeQuery = z.infer<typeof representativeQuerySchema>;

/** A representative checked in the individuals registry and, for a notarised PoA, in БНАЖ. */
export interface RepresentativeCard {
  readonly snapshotId: string;
  readonly person: PersonRecord;
  /** Null for a PoA certified otherwise: the 2014 regulations leave the PoA fields empty. */
  readonly powerOfAttorney: PowerOfAttorneyRecord | null;
}

export type RepresentativeError =
  | NotSignedIn
  | { readonly kind: 'invalid-identifier' }
  /** The service's regulation has no representative (provider profile), or no PoA data (2012). */
  | { readonly kind: 'not-allowed-by-regulation' }
  | { readonly kind: 'unknown-applicant' }
  /** The representative is the applicant themself. */
  | { readonly kind: 'same-as-applicant' }
  /** Regulation wording: the person (or the notarised PoA) is not in the registry; the application stops. */
  | { readonly kind: 'not-found' }
  | { readonly kind: 'power-of-attorney-not-found' }
  | { readonly kind: 'power-of-attorney-invalid'; readonly problem: PowerOfAttorneyProblem }
  | { readonly kind: 'representative-not-eligible' }
  | { readonly kind: 'registry-unavailable' };

export interface RegistryApi {
  /** Looks the applicant up in the state registry matching the identifier kind. */
  lookupApplicant(query: ApplicantQuery): Promise<Result<ApplicantCard, LookupError>>;
  /**
   * Checks the person applying on the applicant's behalf: individuals registry by IIN and, for a
   * notarised PoA under the 2014 regulations, the notary registry; the PoA must be the
   * applicant's, to this person, valid today and not revoked.
   */
  lookupRepresentative(query: RepresentativeQuery): Promise<Result<RepresentativeCard, RepresentativeError>>;
}
