/**
 * After registration (Diagram No. 2 steps 9–10, issue #7): the provider's status of each application
 * accepted here, its result document, and the hand-over to the applicant against the receipt.
 * Main polls the backend with backoff for every registered application that is not yet handed over;
 * `refresh` asks at once (the operator's button). Statuses and decisions are the backend's data.
 */
import { z } from 'zod';
import type { Result } from '../result';
import type { ApplicationStatus, ProviderDecision, StatusEvent } from '../backendApi/wire';
import type { NotSignedIn } from './common';
import type { ApplicationSummary } from './submissions';

export type { ApplicationStatus as ProviderStatus, ProviderDecision, StatusEvent } from '../backendApi/wire';

/** What this workstation last learned from the backend about a registered application. */
export interface StatusTracking {
  readonly status: ApplicationStatus;
  readonly history: readonly StatusEvent[];
  readonly decision: ProviderDecision | null;
  /** The backend has a result document for it (GET …/result). */
  readonly resultAvailable: boolean;
  /** The result PDF is stored here (encrypted), so it can be viewed and printed offline. */
  readonly resultStored: boolean;
  /** When the backend last answered about it. */
  readonly checkedAt: string;
  /** When main asks next on its own; null once nothing more can change (result stored here at ready-for-handover, or handed over). */
  readonly nextCheckAt: string | null;
}

/** The hand-over of the result to the applicant (or their representative), as recorded here. */
export interface HandOverRecord {
  readonly handedOverAt: string;
  readonly operatorId: string;
  readonly operatorName: string;
}

/**
 * What the operator types or scans to find an application: the receipt's QR text (the application
 * id), a registration or local number, or the applicant's IIN/BIN. Whitespace around it is ignored.
 */
export const applicationQuerySchema = z.string().trim().min(1).max(100);

export interface ResultDocument {
  /** ASCII file name to save it under, e.g. `licence-KZ26LAA00000123.pdf`. */
  readonly fileName: string;
  readonly pdfBase64: string;
}

export type StatusError =
  | NotSignedIn
  | { readonly kind: 'not-found' }
  /** Still waiting in the local queue: there is no provider status before registration. */
  | { readonly kind: 'not-registered' }
  /** The backend could not be reached or failed; the last known status stays shown. */
  | { readonly kind: 'backend-unavailable' };

export type ResultError =
  | StatusError
  /** The provider has not produced a result yet. */
  | { readonly kind: 'no-result-yet' };

export type HandOverError =
  | NotSignedIn
  | { readonly kind: 'not-found' }
  /** The status is not ready-for-handover, or the result document is not stored here yet (view it first). */
  | { readonly kind: 'not-ready' }
  | { readonly kind: 'already-handed-over'; readonly handedOverAt: string };

export interface StatusApi {
  /** Asks the backend now about one registered application; stores and returns what it said. */
  refresh(applicationId: string): Promise<Result<ApplicationSummary, StatusError>>;
  /**
   * The result document (licence, re-issued licence, duplicate marked «Телнұсқа», or the reasoned
   * refusal) as PDF: from the local encrypted store when it is there, else fetched once and stored.
   */
  result(applicationId: string): Promise<Result<ResultDocument, ResultError>>;
  /** Applications of this workstation matching the receipt QR text, a number or an IIN/BIN; newest first. */
  find(query: string): Promise<Result<readonly ApplicationSummary[], NotSignedIn>>;
  /** Records that the result was handed to the applicant now, by the signed-in operator. */
  handOver(applicationId: string): Promise<Result<ApplicationSummary, HandOverError>>;
}
