import { randomUUID } from 'node:crypto';
import { PROBLEM_CODES, type ApplicationSubmission } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';
import type { InFlightKeys } from '../idempotency/inFlightKeys';
import type { BackendStore } from '../state/backendStore';
import type { StoredRegistration } from '../state/stateRecords';
import { formatRegistrationNumber, registrationYear } from './registrationNumber';
import { kazakhstanDate } from './kazakhstanTime';
import { checkSubmission } from './submissionChecks';
import type { NotaryDirectory } from '../registry/notaryDirectory';
import type { RegistryDirectory } from '../registry/registryDirectory';

export interface SubmissionRequest {
  readonly idempotencyKey: string;
  /** requestFingerprint of the body as received. */
  readonly fingerprint: string;
  readonly submission: ApplicationSubmission;
  readonly operatorId: string;
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
    const checked = checkSubmission(request.submission, {
      serviceIds: this.deps.serviceIds,
      store,
      registry: this.deps.registry,
      notary: this.deps.notary,
      today: kazakhstanDate(now),
    });
    if (!checked.ok) return checked;

    const year = registrationYear(now);
    const registration = await store.register({
      year,
      build: (sequence) => ({
        applicationId: randomUUID(),
        registrationNumber: formatRegistrationNumber(year, sequence),
        registeredAt: now.toISOString(),
        status: 'registered',
        submission: request.submission,
        operatorId: request.operatorId,
      }),
      idempotency: { key: request.idempotencyKey, fingerprint: request.fingerprint, recordedAt: now.toISOString() },
    });
    return ok({ replayed: false, registration });
  }
}
