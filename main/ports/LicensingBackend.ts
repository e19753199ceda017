import type { Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import type { ApplicationStatusView, ApplicationSubmissionBody, BackendCapabilities, PowerOfAttorneyAnswer, Registration, RegistryAnswer, SessionRequest, SessionResponse } from '../../core/backendApi/wire';

/**
 * The licensing backend (DESIGN.md §4). Every method resolves to a Result: a network outage is a
 * `{kind:'network'}` value, never a thrown error. Responses are validated against the wire
 * schemas; a malformed answer is `{kind:'invalid-response'}`.
 */
export interface LicensingBackend {
  readonly baseUrl: string;
  createSession(request: SessionRequest): Promise<Result<SessionResponse, BackendFailure>>;
  lookupPerson(token: string, iin: string): Promise<Result<RegistryAnswer, BackendFailure>>;
  lookupLegalEntity(token: string, bin: string): Promise<Result<RegistryAnswer, BackendFailure>>;
  /** Notary registry (БНАЖ): a notarised power of attorney by its number. */
  lookupPowerOfAttorney(token: string, number: string): Promise<Result<PowerOfAttorneyAnswer, BackendFailure>>;
  hasBlob(token: string, sha256: string): Promise<Result<boolean, BackendFailure>>;
  putBlob(token: string, sha256: string, bytes: Uint8Array): Promise<Result<null, BackendFailure>>;
  /** Same key and body always yield the same registration (the backend is idempotent). */
  submitApplication(token: string, idempotencyKey: string, body: ApplicationSubmissionBody): Promise<Result<Registration, BackendFailure>>;
  /** GET /v1/applications/{id}: current status, history, decision and result reference (status tracking, issue #7). */
  applicationStatus(token: string, applicationId: string): Promise<Result<ApplicationStatusView, BackendFailure>>;
  /** GET /v1/applications/{id}/result: the result PDF; `not-found` until the status view names a result. */
  fetchResult(token: string, applicationId: string): Promise<Result<Uint8Array, BackendFailure>>;
  /** GET /v1/pki/crls: the current revocation lists (DER) of every CA the backend trusts for operators. Needs no session. */
  fetchRevocationLists(): Promise<Result<readonly Uint8Array[], BackendFailure>>;
  health(): Promise<Result<null, BackendFailure>>;
  /** GET /v1/capabilities: the per-document limits the backend accepts. Needs no session. */
  capabilities(): Promise<Result<BackendCapabilities, BackendFailure>>;
}
