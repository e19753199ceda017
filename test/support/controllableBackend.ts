import type { Result } from '../../core/result';
import type { BackendFailure } from '../../core/submission/backendFailure';
import type { LicensingBackend } from '../../main/ports/LicensingBackend';

/**
 * Wraps a real backend client with the faults the workstation must survive: a full outage, a
 * response lost after the backend has already registered the application, and a result document
 * altered on the way (status tracking must refuse it).
 */
export class ControllableBackend implements LicensingBackend {
  offline = false;
  /** How many upcoming successful submissions have their response "lost" on the way back. */
  loseNextSubmitResponses = 0;
  /** The next submissions are refused with this answer instead of reaching the backend (e.g. a 422 the operator must handle). */
  refuseNextSubmits: { status: number; code: string }[] = [];
  submitCalls = 0;
  statusCalls = 0;
  resultCalls = 0;
  /** How many upcoming result downloads arrive altered (their SHA-256 no longer matches the status view). */
  corruptNextResults = 0;

  constructor(private readonly inner: LicensingBackend) {}

  get baseUrl() {
    return this.inner.baseUrl;
  }

  private guard<T>(call: () => Promise<Result<T, BackendFailure>>): Promise<Result<T, BackendFailure>> {
    return this.offline ? Promise.resolve({ ok: false, error: { kind: 'network' } }) : call();
  }

  createSession: LicensingBackend['createSession'] = (r) => this.guard(() => this.inner.createSession(r));
  lookupPerson: LicensingBackend['lookupPerson'] = (t, id) => this.guard(() => this.inner.lookupPerson(t, id));
  lookupLegalEntity: LicensingBackend['lookupLegalEntity'] = (t, id) => this.guard(() => this.inner.lookupLegalEntity(t, id));
  lookupPowerOfAttorney: LicensingBackend['lookupPowerOfAttorney'] = (t, n) => this.guard(() => this.inner.lookupPowerOfAttorney(t, n));
  hasBlob: LicensingBackend['hasBlob'] = (t, s) => this.guard(() => this.inner.hasBlob(t, s));
  putBlob: LicensingBackend['putBlob'] = (t, s, b) => this.guard(() => this.inner.putBlob(t, s, b));
  applicationStatus: LicensingBackend['applicationStatus'] = (t, id) =>
    this.guard(() => {
      this.statusCalls++;
      return this.inner.applicationStatus(t, id);
    });
  fetchResult: LicensingBackend['fetchResult'] = (t, id) =>
    this.guard(async () => {
      this.resultCalls++;
      const result = await this.inner.fetchResult(t, id);
      // A proxy or a broken cache that alters the document on the way: same length, one byte flipped.
      if (result.ok && this.corruptNextResults > 0) {
        this.corruptNextResults--;
        const altered = new Uint8Array(result.value);
        altered[altered.length - 1] = altered[altered.length - 1]! ^ 0xff;
        return { ok: true, value: altered };
      }
      return result;
    });
  fetchRevocationLists: LicensingBackend['fetchRevocationLists'] = () => this.guard(() => this.inner.fetchRevocationLists());
  health: LicensingBackend['health'] = () => this.guard(() => this.inner.health());
  capabilities: LicensingBackend['capabilities'] = () => this.guard(() => this.inner.capabilities());
  submitApplication: LicensingBackend['submitApplication'] = (t, key, body) =>
    this.guard(async () => {
      this.submitCalls++;
      const refusal = this.refuseNextSubmits.shift();
      if (refusal) return { ok: false, error: { kind: 'http', status: refusal.status, code: refusal.code, retryAfterSeconds: null } };
      const result = await this.inner.submitApplication(t, key, body);
      if (result.ok && this.loseNextSubmitResponses > 0) {
        this.loseNextSubmitResponses--;
        return { ok: false, error: { kind: 'network' } };
      }
      return result;
    });
}
