import { z } from 'zod';
import type { Result } from '../result';
import { twelveDigitsSchema, type RegistryRecord } from '../backendApi/wire';
import type { NotSignedIn } from './common';

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

export interface RegistryApi {
  /** Looks the applicant up in the state registry matching the identifier kind. */
  lookupApplicant(query: ApplicantQuery): Promise<Result<ApplicantCard, LookupError>>;
}
