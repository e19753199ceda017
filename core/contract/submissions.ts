import { z } from 'zod';
import type { Result } from '../result';
import { applicationSubtypeSchema, type ApplicantRef, type ApplicationSubtype, type DocumentRef } from '../backendApi/wire';
import { entityIdSchema, type NotSignedIn } from './common';
import type { SubmitDraftOnlyError } from './drafts';

export const submitRequestSchema = z.object({
  serviceId: z.string().min(1).max(100),
  subtype: applicationSubtypeSchema,
  applicantSnapshotId: entityIdSchema,
  /** From lookupRepresentative; null when the applicant applies in person. */
  representativeSnapshotId: entityIdSchema.nullable(),
  documentIds: z.array(entityIdSchema).min(1).max(100),
});
export type SubmitRequest = z.infer<typeof submitRequestSchema>;

/**
 * accepted: durable at the counter, waiting to be sent; registered: the backend confirmed it;
 * needs-attention: the backend refused it and the operator must act.
 */
export type ApplicationState = 'accepted' | 'registered' | 'needs-attention';

export interface ApplicationSummary {
  readonly applicationId: string;
  readonly localNumber: string;
  readonly serviceId: string;
  readonly subtype: ApplicationSubtype;
  readonly applicant: ApplicantRef & { readonly displayName: string };
  readonly representative: {
    readonly iin: string;
    readonly displayName: string;
    readonly powerOfAttorney: { readonly kind: 'notarised'; readonly number: string } | { readonly kind: 'other' };
  } | null;
  /** Planned result date ('YYYY-MM-DD', Kazakhstan) from the working-day calendar; null where the regulation states no deadline. */
  readonly plannedResultDate: string | null;
  readonly documents: readonly DocumentRef[];
  readonly state: ApplicationState;
  readonly acceptedAt: string;
  readonly registrationNumber: string | null;
  readonly registeredAt: string | null;
  /** The backend's problem code when state is needs-attention. */
  readonly problemCode: string | null;
}

export type SubmitError =
  | NotSignedIn
  | { readonly kind: 'unknown-service' }
  | { readonly kind: 'unknown-applicant' }
  | { readonly kind: 'unknown-representative' }
  | { readonly kind: 'applicant-not-eligible' }
  | { readonly kind: 'unknown-document' };

export type SubmitDraftError = SubmitError | SubmitDraftOnlyError;

export interface SubmissionsApi {
  /**
   * Commits the application and its outbox entry durably, then tries to send it. Resolves once it
   * is on disk: with state `registered` when the backend answered in time, else `accepted` (it
   * will be sent later, exactly once).
   */
  submit(request: SubmitRequest): Promise<Result<ApplicationSummary, SubmitError>>;
  /**
   * Accepts a draft: assembles each slot's pages into one PDF, records its SHA-256 in the payload,
   * then commits and sends exactly as `submit` does. The draft is closed in the same transaction.
   */
  submitDraft(draftId: string): Promise<Result<ApplicationSummary, SubmitDraftError>>;
  /** Applications accepted at this workstation, newest first. */
  list(): Promise<Result<readonly ApplicationSummary[], NotSignedIn>>;
}

