/**
 * Exactly-once evidence for outbox tests: what the workstation sent (a recording client wrapper)
 * and what the backend registered (its state file), counted per application.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { persistedStateSchema } from '../../backend/state/stateRecords';
import type { LicensingBackend } from '../../main/ports/LicensingBackend';

export interface SubmitAttempt {
  /** The workstation's local number: one per application, whatever the key. */
  readonly localNumber: string;
  /** The Idempotency-Key the attempt was sent with. */
  readonly idempotencyKey: string;
  readonly outcome: 'registered' | 'failed';
}

/**
 * Passes every call through to a real client and records each submission attempt. With
 * `regenerateKeys`, it is the broken sender a duplicate test must catch: every retry of an
 * application goes out under a new key (header and body), as a client that builds a fresh request
 * per attempt would. Only works for unsigned bodies (a signed one names its key).
 */
export class RecordingBackend implements LicensingBackend {
  readonly attempts: SubmitAttempt[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly inner: LicensingBackend,
    private readonly options: { readonly regenerateKeys?: boolean } = {},
  ) {}

  get baseUrl() {
    return this.inner.baseUrl;
  }

  createSession: LicensingBackend['createSession'] = (r) => this.inner.createSession(r);
  lookupPerson: LicensingBackend['lookupPerson'] = (t, id) => this.inner.lookupPerson(t, id);
  lookupLegalEntity: LicensingBackend['lookupLegalEntity'] = (t, id) => this.inner.lookupLegalEntity(t, id);
  lookupPowerOfAttorney: LicensingBackend['lookupPowerOfAttorney'] = (t, n) => this.inner.lookupPowerOfAttorney(t, n);
  hasBlob: LicensingBackend['hasBlob'] = (t, s) => this.inner.hasBlob(t, s);
  putBlob: LicensingBackend['putBlob'] = (t, s, b) => this.inner.putBlob(t, s, b);
  fetchRevocationLists: LicensingBackend['fetchRevocationLists'] = () => this.inner.fetchRevocationLists();
  health: LicensingBackend['health'] = () => this.inner.health();
  capabilities: LicensingBackend['capabilities'] = () => this.inner.capabilities();
  applicationStatus: LicensingBackend['applicationStatus'] = (t, id) => this.inner.applicationStatus(t, id);
  fetchResult: LicensingBackend['fetchResult'] = (t, id) => this.inner.fetchResult(t, id);

  submitApplication: LicensingBackend['submitApplication'] = async (token, idempotencyKey, body) => {
    let key = idempotencyKey;
    let sent = body;
    if (this.options.regenerateKeys && this.seen.has(body.localNumber)) {
      key = randomUUID();
      sent = { ...body, idempotencyKey: key };
    }
    this.seen.add(body.localNumber);
    const result = await this.inner.submitApplication(token, key, sent);
    this.attempts.push({ localNumber: body.localNumber, idempotencyKey: key, outcome: result.ok ? 'registered' : 'failed' });
    return result;
  };

  /** Keys each application was sent under (more than one is a regenerated key). */
  keysPerApplication(): Map<string, Set<string>> {
    const keys = new Map<string, Set<string>>();
    for (const attempt of this.attempts) {
      const set = keys.get(attempt.localNumber) ?? new Set<string>();
      set.add(attempt.idempotencyKey);
      keys.set(attempt.localNumber, set);
    }
    return keys;
  }
}

export interface RegistrationAudit {
  /** Every registration the backend holds. */
  readonly total: number;
  /** Registrations per workstation local number. */
  readonly byLocalNumber: ReadonlyMap<string, readonly { readonly registrationNumber: string; readonly idempotencyKey: string | null }[]>;
  /** Local numbers registered more than once: each one is an application the backend holds twice. */
  readonly duplicates: readonly string[];
  /** Idempotency records (one per key that registered). */
  readonly idempotencyKeys: number;
}

/** Reads what a backend started with `stateDir` registered (its state is saved after every registration). */
export async function auditRegistrations(stateDir: string): Promise<RegistrationAudit> {
  const state = persistedStateSchema.parse(JSON.parse(await readFile(path.join(stateDir, 'state.json'), 'utf8')));
  const byLocalNumber = new Map<string, { registrationNumber: string; idempotencyKey: string | null }[]>();
  for (const registration of state.registrations) {
    const list = byLocalNumber.get(registration.submission.localNumber) ?? [];
    list.push({ registrationNumber: registration.registrationNumber, idempotencyKey: registration.submission.idempotencyKey ?? null });
    byLocalNumber.set(registration.submission.localNumber, list);
  }
  return {
    total: state.registrations.length,
    byLocalNumber,
    duplicates: [...byLocalNumber].filter(([, list]) => list.length > 1).map(([localNumber]) => localNumber),
    idempotencyKeys: state.idempotency.length,
  };
}
