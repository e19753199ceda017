import { EMPTY_STATE, withEntry, type BackendState } from './backendState';
import type { StateFile } from './stateFile';
import type { BlobEntry, IdempotencyRecord, IssuedAnswer, IssuedNotaryAnswer, StoredRegistration } from './stateRecords';

export interface NewRegistration {
  /** Registration year; sequence numbers restart each year. */
  readonly year: number;
  /** Builds the record once the store has allocated its sequence number within `year`. */
  readonly build: (sequence: number) => StoredRegistration;
  readonly idempotency: Omit<IdempotencyRecord, 'applicationId'>;
}

/**
 * The backend's memory: registrations, idempotency records, sequences, the blob index and
 * issued registry and notary answers. Mutations run one at a time and each resolves only after the new
 * state is durable (when a state file is configured), so callers answer the client after the
 * write, never before.
 */
export class BackendStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private state: BackendState,
    private readonly file: StateFile | null,
  ) {}

  static inMemory(): BackendStore {
    return new BackendStore(EMPTY_STATE, null);
  }

  static async open(file: StateFile): Promise<BackendStore> {
    return new BackendStore((await file.load()) ?? EMPTY_STATE, file);
  }

  registryAnswer(answerId: string): IssuedAnswer | undefined {
    return this.state.registryAnswers.get(answerId);
  }

  notaryAnswer(answerId: string): IssuedNotaryAnswer | undefined {
    return this.state.notaryAnswers.get(answerId);
  }

  blob(sha256: string): BlobEntry | undefined {
    return this.state.blobs.get(sha256);
  }

  registration(applicationId: string): StoredRegistration | undefined {
    return this.state.registrations.get(applicationId);
  }

  idempotencyRecord(key: string): IdempotencyRecord | undefined {
    return this.state.idempotency.get(key);
  }

  get registrationCount(): number {
    return this.state.registrations.size;
  }

  recordRegistryAnswer(answer: IssuedAnswer): Promise<void> {
    return this.commit((s) => ({ next: { ...s, registryAnswers: withEntry(s.registryAnswers, answer.answerId, answer) }, result: undefined }));
  }

  recordNotaryAnswer(answer: IssuedNotaryAnswer): Promise<void> {
    return this.commit((s) => ({ next: { ...s, notaryAnswers: withEntry(s.notaryAnswers, answer.answerId, answer) }, result: undefined }));
  }

  /** 'existing' when the digest was already indexed (the upload is then a no-op). */
  recordBlob(entry: BlobEntry): Promise<'created' | 'existing'> {
    return this.commit((s) =>
      s.blobs.has(entry.sha256)
        ? { next: s, result: 'existing' as const }
        : { next: { ...s, blobs: withEntry(s.blobs, entry.sha256, entry) }, result: 'created' as const },
    );
  }

  /** Allocates the next number of the year and stores the registration with its idempotency record. */
  register(input: NewRegistration): Promise<StoredRegistration> {
    return this.commit((s) => {
      if (s.idempotency.has(input.idempotency.key)) {
        // The route holds the key in flight and checks for a record first; reaching this is a bug.
        throw new Error('idempotency key already has a registration');
      }
      const sequence = (s.sequences.get(input.year) ?? 0) + 1;
      const registration = input.build(sequence);
      const record: IdempotencyRecord = { ...input.idempotency, applicationId: registration.applicationId };
      const next: BackendState = {
        ...s,
        sequences: withEntry(s.sequences, input.year, sequence),
        registrations: withEntry(s.registrations, registration.applicationId, registration),
        idempotency: withEntry(s.idempotency, record.key, record),
      };
      return { next, result: registration };
    });
  }

  /** Serialises mutations; the in-memory state moves only after the file write succeeded. */
  private commit<T>(change: (current: BackendState) => { next: BackendState; result: T }): Promise<T> {
    const run = async () => {
      const { next, result } = change(this.state);
      if (next !== this.state && this.file) await this.file.save(next);
      this.state = next;
      return result;
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }
}
