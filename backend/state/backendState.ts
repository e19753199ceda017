import type { BlobEntry, IdempotencyRecord, IssuedAnswer, IssuedNotaryAnswer, PersistedState, StoredRegistration } from './stateRecords';

/**
 * Everything the backend must remember across requests (sessions aside). Immutable: a mutation
 * builds the next state, persists it, and only then replaces the current one, so no request
 * ever observes a change that is not yet durable. Maps (not objects) because keys such as
 * Idempotency-Key values are client-chosen strings.
 */
export interface BackendState {
  readonly sequences: ReadonlyMap<number, number>;
  readonly registrations: ReadonlyMap<string, StoredRegistration>;
  readonly idempotency: ReadonlyMap<string, IdempotencyRecord>;
  readonly blobs: ReadonlyMap<string, BlobEntry>;
  readonly registryAnswers: ReadonlyMap<string, IssuedAnswer>;
  readonly notaryAnswers: ReadonlyMap<string, IssuedNotaryAnswer>;
}

export const EMPTY_STATE: BackendState = {
  sequences: new Map(),
  registrations: new Map(),
  idempotency: new Map(),
  blobs: new Map(),
  registryAnswers: new Map(),
  notaryAnswers: new Map(),
};

export function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  return new Map(map).set(key, value);
}

export function toPersisted(state: BackendState): PersistedState {
  return {
    version: 1,
    sequences: [...state.sequences].map(([year, last]) => ({ year, last })),
    registrations: [...state.registrations.values()],
    idempotency: [...state.idempotency.values()],
    blobs: [...state.blobs.values()],
    registryAnswers: [...state.registryAnswers.values()],
    notaryAnswers: [...state.notaryAnswers.values()],
  };
}

export function fromPersisted(persisted: PersistedState): BackendState {
  return {
    sequences: new Map(persisted.sequences.map((s) => [s.year, s.last])),
    registrations: new Map(persisted.registrations.map((r) => [r.applicationId, r])),
    idempotency: new Map(persisted.idempotency.map((r) => [r.key, r])),
    blobs: new Map(persisted.blobs.map((b) => [b.sha256, b])),
    registryAnswers: new Map(persisted.registryAnswers.map((a) => [a.answerId, a])),
    notaryAnswers: new Map(persisted.notaryAnswers.map((a) => [a.answerId, a])),
  };
}
