import { randomUUID } from 'node:crypto';
import { PROBLEM_CODES, type ApplicationSubmission } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';
import type { InFlightKeys } from '../idempotency/inFlightKeys';
import type { NotaryDirectory } from '../registry/notaryDirectory';
import type { RegistryDirectory } from '../registry/registryDirectory';
import { verifyOperatorSignature, type TrustStore } from '../signing/verifyOperatorSignature';
import type { BackendStore } from '../state/backendStore';
import type { BlobStorage } from '../state/blobStorage';
import type { BackendLimits } from '../../core/backendApi/wire';
import { DOCUMENT_LIMITS } from './documentLimits';
import type { StoredRegistration } from '../state/stateRecords';
import { kazakhstanDate } from './kazakhstanTime';
import { formatRegistrationNumber, registrationYear } from './registrationNumber';
import { checkStoredDocuments } from './storedDocuments';
import { checkSubmission } from './submissionChecks';

export interface SubmissionRequest {
  readonly idempotencyKey: string;
  /** requestFingerprint of the body as received. */
  readonly fingerprint: string;
  /** The body as parsed from JSON, before the wire schema: what the operator's EDS covers. */
  readonly body: unknown;
  readonly submission: ApplicationSubmission;
  /** The session's operator. */
  readonly operator: { readonly operatorId: string; readonly iin: string };
}

export interface RegistrationOutcome {
  /** True when the key was seen before with the same body: nothing new was registered. */
  readonly replayed: boolean;
  readonly registration: StoredRegistration;
}

export interface RegistrarDeps {
  readonly store: BackendStore;
  readonly inFlight: InFlightKeys;
  readonly serviceIds: ReadonlySet<string>;
  readonly registry: Pick<RegistryDirectory, 'person' | 'legalEntity'>;
  readonly notary: Pick<NotaryDirectory, 'powerOfAttorney'>;
  readonly blobs: Pick<BlobStorage, 'read'>;
  readonly trust: TrustStore;
  /** Services whose regulation requires the operator's EDS. */
  readonly signatureRequiredServiceIds: ReadonlySet<string>;
  /** Published at GET /v1/capabilities; default DOCUMENT_LIMITS. */
  readonly documentLimits?: BackendLimits;
  readonly clock: () => Date;
}

/**
 * Registers applications exactly once per Idempotency-Key (draft-ietf-httpapi-idempotency-key-header).
 * Keys are global, not per operator: a submission queued under one login and retried under
 * another must still find its registration.
 */
export class ApplicationRegistrar {
  constructor(private readonly deps: RegistrarDeps) {}

  async submit(request: SubmissionRequest): Promise<Result<RegistrationOutcome, Refusal>> {
    const release = this.deps.inFlight.tryAcquire(request.idempotencyKey);
    if (!release) {
      return err(refusal(409, PROBLEM_CODES.idempotencyKeyInFlight, 'A request with this Idempotency-Key is being processed'));
    }
    try {
      return await this.submitHoldingKey(request);
    } finally {
      release();
    }
  }

  private async submitHoldingKey(request: SubmissionRequest): Promise<Result<RegistrationOutcome, Refusal>> {
    const { store } = this.deps;
    const previous = store.idempotencyRecord(request.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== request.fingerprint) {
        return err(refusal(422, PROBLEM_CODES.idempotencyKeyReused, 'Idempotency-Key was already used with a different body'));
      }
      const registration = store.registration(previous.applicationId);
      if (!registration) throw new Error('idempotency record points at a missing registration');
      return ok({ replayed: true, registration });
    }

    // One instant for the checks and the registration: a PoA valid "today" is valid on the registration date.
    const now = this.deps.clock();
    // The signature first: checks on a body nobody vouches for would be moot. After the replay
    // lookup, so a replay still finds its registration once the certificate has expired.
    const signed = verifyOperatorSignature(request.body, request.submission, {
      trust: this.deps.trust,
      signatureRequired: this.deps.signatureRequiredServiceIds.has(request.submission.serviceId),
      sessionOperator: request.operator,
      idempotencyKey: request.idempotencyKey,
      now,
    });
    if (!signed.ok) return signed;
    const checked = checkSubmission(request.submission, {
      serviceIds: this.deps.serviceIds,
      store,
      registry: this.deps.registry,
      notary: this.deps.notary,
      today: kazakhstanDate(now),
    });
    if (!checked.ok) return checked;
    const stored = await checkStoredDocuments(request.submission.documents, this.deps.blobs, this.deps.documentLimits ?? DOCUMENT_LIMITS);
    if (!stored.ok) return stored;

    const year = registrationYear(now);
    const registration = await store.register({
      year,
      build: (sequence) => ({
        applicationId: randomUUID(),
        registrationNumber: formatRegistrationNumber(year, sequence),
        registeredAt: now.toISOString(),
        status: 'registered',
        submission: request.submission,
        operatorId: request.operator.operatorId,
      }),
      idempotency: { key: request.idempotencyKey, fingerprint: request.fingerprint, recordedAt: now.toISOString() },
    });
    return ok({ replayed: false, registration });
  }
}
