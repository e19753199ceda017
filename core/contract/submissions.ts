import type { Result } from '../result';
import type { ApplicantRef, ApplicationSubtype, DocumentRef } from '../backendApi/wire';
import type { NotSignedIn } from './common';
import type { SubmitDraftOnlyError } from './drafts';
import type { SigningMethod, SigningRefusal } from './signing';
import type { HandOverRecord, StatusTracking } from './status';

/**
 * accepted: durable at the counter, waiting to be sent; registered: the backend confirmed it;
 * needs-attention: the backend refused it and the operator must act; withdrawn: taken out of the
 * queue by the operator (never sent again).
 */
export type ApplicationState = 'accepted' | 'registered' | 'needs-attention' | 'withdrawn';

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
  /** The provider's status as last heard from the backend; null until registered and first asked. */
  readonly tracking: StatusTracking | null;
  /** Set once the result was handed to the applicant. */
  readonly handOver: HandOverRecord | null;
  /**
   * When the applicant's personal data and scanned documents were removed from this workstation
   * under the retention rule (settings `retentionDays` after the hand-over or withdrawal); null while
   * kept. Once set, the applicant's IIN/BIN and name are empty strings, `representative` is null,
   * `documents` is empty, and the result and the receipt can no longer be produced here.
   */
  readonly purgedAt: string | null;
}

export type SubmitError =
  | NotSignedIn
  | { readonly kind: 'unknown-service' }
  | { readonly kind: 'unknown-applicant' }
  | { readonly kind: 'unknown-representative' }
  | { readonly kind: 'applicant-not-eligible' };

export type SubmitDraftError =
  | SubmitError
  | SubmitDraftOnlyError
  /** The service's regulation requires the operator's EDS and none was given. */
  | { readonly kind: 'signature-required' }
  /** The key could not sign (wrong password, expired, revoked, another person's key…); nothing was queued. */
  | SigningRefusal;

export interface SubmissionsApi {
  /**
   * Accepts a draft: assembles each slot's pages into one PDF and records its SHA-256 in the
   * payload; commits the application, its outbox entry and the draft's closing in one transaction,
   * then tries to send it. Resolves once it is on disk: state `registered` when the backend
   * answered in time, else `accepted` (it will be sent later, exactly once).
   *
   * Where the service's regulation requires the operator's EDS (`operatorEdsRequired`), `signing`
   * says how: the payload — service and regulation, subtype, applicant and representative, registry
   * answers, each document's SHA-256 and page count, operator, workstation, acceptance time and
   * idempotency key — is signed (detached CMS over its RFC 8785 bytes) before anything is stored.
   * For services without it, `signing` must be null.
   */
  submitDraft(draftId: string, signing: SigningMethod | null): Promise<Result<ApplicationSummary, SubmitDraftError>>;
  /** Applications accepted at this workstation, newest first. */
  list(): Promise<Result<readonly ApplicationSummary[], NotSignedIn>>;
}

