import { OPERATOR_SIGNATURE_FORMAT, type ApplicationSubmissionBody } from '../../core/backendApi/wire';
import { classifyBackendFailure, retryDelayMs, type BackendFailure } from '../../core/submission/backendFailure';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import { DatabaseDurabilityError, type SqlJsDatabase } from '../db/SqlJsDatabase';
import { earliestOutboxAttempt, findApplication, findOutboxEntry, listDueOutbox, markNeedsAttention, markRegistered, scheduleRetry } from '../db/applications';
import type { Clock } from '../ports/Clock';
import type { Result } from '../../core/result';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { OperatorSession } from './OperatorSession';

export type SendOutcome = 'registered' | 'retry-later' | 'needs-attention' | 'not-signed-in' | 'nothing-to-send';

/** An application whose documents the backend has, with the body to submit; or why it cannot be submitted now. */
type Prepared = { readonly kind: 'ready'; readonly body: ApplicationSubmissionBody; readonly idempotencyKey: string } | { readonly kind: 'done'; readonly outcome: SendOutcome };

/** Applications whose documents are uploaded ahead of their turn while the ones before them are submitted. */
const UPLOAD_AHEAD = 4;

export interface OutboxSenderOptions {
  readonly random: () => number;
  /** Longest sleep between passes, so a clock change or a missed wake-up never stalls the queue. */
  readonly maxIdleMs: number;
  /** Reports unexpected errors (bugs, disk failures); never receives personal data. */
  readonly onUnexpectedError: (error: unknown) => void;
  /**
   * What each attempt taught about the backend: `true` when it answered (any HTTP status), `false`
   * when it could not be reached (network, timeout, TLS refused), with the failure when there was
   * one. Feeds the connectivity indicator.
   */
  readonly onReachability?: (reachable: boolean, failure?: BackendFailure) => void;
  /** An application was registered (the last successful sync). */
  readonly onRegistered?: () => void;
}

function describe(failure: BackendFailure): string {
  if (failure.kind === 'http') return `http ${failure.status} ${failure.code}`;
  return failure.kind === 'tls' ? `tls ${failure.reason}` : failure.kind;
}

/**
 * Sends accepted applications from the outbox: uploads the documents the backend does not have,
 * then submits the stored payload with the stored idempotency key (never regenerated), so a retry
 * after a crash or a lost response returns the same registration. One send per application at a
 * time; retryable failures back off with full jitter and honour Retry-After.
 *
 * It acts only on durable state — read, await durable, act (`readDurable`): an application whose
 * commit a power cut could still take back is never sent, so it can never be registered, lost here,
 * and accepted again under a new idempotency key. When the database fails (a journal fsync or
 * truncate failed) the sender halts for good; the workstation must restart.
 *
 * Throughput after an outage: a document upload is idempotent (content-addressed), so a pass
 * uploads the documents of the next few applications while earlier ones are submitted, and checks
 * an application's documents in parallel; only the submissions keep each applicant's order. The
 * outbox entry is read again (durably) right before each submission, so a withdrawal in between wins.
 */
export class OutboxSender {
  private readonly inFlight = new Map<string, Promise<SendOutcome>>();
  /** Uploads started ahead by the running pass, by application; taken by its send. */
  private readonly prepared = new Map<string, Promise<Prepared>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private passRunning: Promise<void> | null = null;
  private paused = false;
  private halted: DatabaseDurabilityError | null = null;

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly blobs: EncryptedBlobStore,
    private readonly backend: LicensingBackend,
    private readonly session: OperatorSession,
    private readonly clock: Clock,
    private readonly options: OutboxSenderOptions,
  ) {}

  start(): void {
    if (this.halted) return;
    this.stopped = false;
    this.arm(0);
  }

  /**
   * Stops sending for good after a durability failure (the database's memory may hold commits the
   * disk will never have): nothing more is read or sent until the workstation restarts.
   */
  halt(cause: DatabaseDurabilityError): void {
    if (this.halted) return;
    this.halted = cause;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.options.onUnexpectedError(cause);
  }

  /** The durability failure that halted the sender, or null. */
  get haltedBy(): DatabaseDurabilityError | null {
    return this.halted;
  }

  /** Stops the timer and waits for the running pass and every send in flight (the database may close afterwards). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await Promise.allSettled([this.passRunning, ...this.inFlight.values()]);
  }

  /** Runs a pass now (after sign-in, or when connectivity returns). */
  kick(): void {
    if (!this.stopped && !this.paused) this.arm(0);
  }

  /** Stops sending (applications are still accepted into the outbox); `resume` picks up where it left. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.kick();
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Applications being sent right now. */
  sendingIds(): readonly string[] {
    return [...this.inFlight.keys()];
  }

  /** Resolves once no send of this application is in flight (before withdrawing it). */
  async settle(applicationId: string): Promise<void> {
    await this.inFlight.get(applicationId);
  }

  /**
   * Sends one application now unless a send of it is already running, in which case that one is
   * awaited. Never rejects: an unexpected error is reported and the entry stays in the outbox.
   */
  send(applicationId: string, options: { evenIfPaused?: boolean } = {}): Promise<SendOutcome> {
    const running = this.inFlight.get(applicationId);
    if (running) return running;
    if (this.halted) return Promise.resolve('retry-later');
    if (this.paused && options.evenIfPaused !== true) return Promise.resolve('retry-later');
    const attempt = this.sendOnce(applicationId)
      .catch((error: unknown): SendOutcome => {
        if (error instanceof DatabaseDurabilityError) this.halt(error);
        else this.options.onUnexpectedError(error);
        return 'retry-later';
      })
      .finally(() => this.inFlight.delete(applicationId));
    this.inFlight.set(applicationId, attempt);
    return attempt;
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.startPass(), Math.max(0, Math.min(delayMs, this.options.maxIdleMs)));
    this.timer.unref();
  }

  private startPass(): void {
    if (this.passRunning || this.stopped || this.paused || this.halted) return;
    this.passRunning = this.pass().finally(() => {
      this.passRunning = null;
      this.armForNextDue();
    });
  }

  /**
   * Sleeps until the earliest due entry. Signed out, nothing can be sent: sleep the idle maximum
   * (sign-in kicks the sender) rather than spin on entries that are already due.
   */
  private armForNextDue(): void {
    if (this.stopped) return;
    try {
      const next = (this.session.current()?.token ?? null) === null ? null : this.db.read((r) => earliestOutboxAttempt(r));
      this.arm(next === null ? this.options.maxIdleMs : new Date(next).getTime() - this.clock.now().getTime());
    } catch (error) {
      if (error instanceof DatabaseDurabilityError) this.halt(error);
      else this.options.onUnexpectedError(error);
    }
  }

  private async pass(): Promise<void> {
    try {
      const due = await this.db.readDurable((r) => listDueOutbox(r, this.clock.now().toISOString()));
      // Uploads run ahead in acceptance order, a few at a time (their failures are recorded as usual).
      const ahead = due.map((entry) => entry.applicationId);
      const uploader = async () => {
        for (let id = ahead.shift(); id !== undefined && !this.paused && !this.stopped; id = ahead.shift()) {
          if (this.prepared.has(id) || this.inFlight.has(id)) continue;
          const preparing = this.prepare(id);
          this.prepared.set(id, preparing);
          await preparing.catch(() => undefined);
        }
      };
      // One submission at a time per applicant (in acceptance order), different applicants in parallel.
      const lanes = new Map<string, string[]>();
      for (const entry of due) lanes.set(entry.applicantKey, [...(lanes.get(entry.applicantKey) ?? []), entry.applicationId]);
      await Promise.all([
        ...Array.from({ length: Math.min(UPLOAD_AHEAD, due.length) }, uploader),
        ...[...lanes.values()].map(async (ids) => {
          for (const id of ids) {
            if (this.paused || this.stopped) return;
            await this.send(id);
          }
        }),
      ]);
    } catch (error) {
      if (error instanceof DatabaseDurabilityError) this.halt(error);
      else this.options.onUnexpectedError(error);
    } finally {
      // What a paused or stopped pass prepared and did not send is prepared again next time.
      this.prepared.clear();
    }
  }

  private async sendOnce(applicationId: string): Promise<SendOutcome> {
    const preparing = this.prepared.get(applicationId) ?? this.prepare(applicationId);
    this.prepared.delete(applicationId);
    const prepared = await preparing;
    if (prepared.kind === 'done') return prepared.outcome;
    // Still in the outbox, durably (a withdrawal while its documents were uploaded wins).
    const entry = await this.db.readDurable((r) => findOutboxEntry(r, applicationId));
    if (!entry) return 'nothing-to-send';
    // The session as it is now: a sign-out (or a new sign-in) while the documents went up counts.
    const token = this.session.current()?.token ?? null;
    if (token === null) return 'not-signed-in';
    const registration = await this.backend.submitApplication(token, prepared.idempotencyKey, prepared.body);
    if (!registration.ok) return this.failed(applicationId, entry.attempts, registration.error);
    // The backend answered: it is reachable, whatever the local write below takes.
    this.options.onReachability?.(true);
    await this.db.write((w) => markRegistered(w, applicationId, registration.value));
    this.options.onRegistered?.();
    return 'registered';
  }

  /** Makes sure the backend has the application's documents and builds the body to submit. */
  private async prepare(applicationId: string): Promise<Prepared> {
    // Read, await durable, act: nothing leaves the workstation that a power cut could still take back.
    const { entry, application } = await this.db.readDurable((r) => ({ entry: findOutboxEntry(r, applicationId), application: findApplication(r, applicationId) }));
    if (!entry || !application) return { kind: 'done', outcome: 'nothing-to-send' };
    const active = this.session.current();
    // Signed in offline (no backend token): nothing can be sent until the next online login kicks us.
    if (!active || active.token === null) return { kind: 'done', outcome: 'not-signed-in' };
    const token = active.token;
    const done = async (outcome: Promise<SendOutcome>): Promise<Prepared> => ({ kind: 'done', outcome: await outcome });

    const documents = [...new Set(application.payload.documents.map((d) => d.sha256))];
    const present = await Promise.all(documents.map((sha256) => this.backend.hasBlob(token, sha256)));
    const unreachable = present.find((answer) => !answer.ok);
    if (unreachable && !unreachable.ok) return done(this.failed(applicationId, entry.attempts, unreachable.error));
    const missing = documents.filter((_, i) => present[i]?.ok && present[i].value === false);
    type Upload = { readonly kind: 'unreadable-here'; readonly reason: string } | { readonly kind: 'sent'; readonly answer: Result<null, BackendFailure> };
    const uploads = await Promise.all(
      missing.map(async (sha256): Promise<Upload> => {
        const bytes = await this.blobs.get(sha256);
        if (!bytes.ok) return { kind: 'unreadable-here', reason: bytes.error.kind };
        return { kind: 'sent', answer: await this.backend.putBlob(token, sha256, bytes.value) };
      }),
    );
    for (const upload of uploads) {
      if (upload.kind !== 'unreadable-here') continue;
      await this.db.write((w) => markNeedsAttention(w, applicationId, `local-blob-${upload.reason}`));
      return { kind: 'done', outcome: 'needs-attention' };
    }
    for (const upload of uploads) if (upload.kind === 'sent' && !upload.answer.ok) return done(this.failed(applicationId, entry.attempts, upload.answer.error));

    let body = application.wireBody;
    if (application.signatureBlob !== null) {
      const cms = await this.blobs.get(application.signatureBlob);
      if (!cms.ok) {
        await this.db.write((w) => markNeedsAttention(w, applicationId, `local-blob-${cms.error.kind}`));
        return { kind: 'done', outcome: 'needs-attention' };
      }
      // The signature covers every other member of the body exactly as stored (core/signing/signedPayload.ts).
      body = { ...body, operatorSignature: { format: OPERATOR_SIGNATURE_FORMAT, cms: Buffer.from(cms.value).toString('base64') } };
    }
    return { kind: 'ready', body, idempotencyKey: application.idempotencyKey };
  }

  private async failed(applicationId: string, attempts: number, failure: BackendFailure): Promise<SendOutcome> {
    this.options.onReachability?.(failure.kind === 'http' || failure.kind === 'invalid-response', failure);
    const decision = classifyBackendFailure(failure);
    if (decision.action === 'needs-operator') {
      await this.db.write((w) => markNeedsAttention(w, applicationId, decision.code));
      return 'needs-attention';
    }
    if (decision.action === 'reauthenticate') this.session.end();
    const notBefore = decision.action === 'retry' ? decision.notBeforeMs : null;
    const delay = retryDelayMs(attempts, this.options.random, notBefore);
    const nextAt = new Date(this.clock.now().getTime() + delay).toISOString();
    await this.db.write((w) => scheduleRetry(w, applicationId, attempts + 1, nextAt, describe(failure)));
    this.arm(delay);
    return decision.action === 'reauthenticate' ? 'not-signed-in' : 'retry-later';
  }
}
