// The outbox as the operator sees and steers it (issue #6): connectivity, counts, backlog progress,
// and the levers — retry now, pause/resume, withdraw, re-sign after a refused signature.
import type { NotSignedIn } from '../../core/contract/common';
import type { QueueActionError, QueueApi, QueueStatus } from '../../core/contract/queue';
import type { SigningMethod, SigningRefusal } from '../../core/contract/signing';
import type { ApplicationSummary } from '../../core/contract/submissions';
import { err, ok, type Result } from '../../core/result';
import { signedBytesOf, type UnsignedSubmission } from '../../core/signing/signedPayload';
import { isResignable } from '../../core/submission/resignable';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import { countByState, findApplication, listWaitingIds, makeDueNow, markWithdrawn, requeue, type StoredApplication } from '../db/applications';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import type { ConnectivityMonitor } from './ConnectivityMonitor';
import type { OperatorSession } from './OperatorSession';
import type { OutboxSender } from './OutboxSender';
import type { SigningService } from './SigningService';

type ResignError = QueueActionError | SigningRefusal | { readonly kind: 'not-signed-payload' };

export class QueueService implements QueueApi {
  /** Every application that has waited since the queue was last empty: the progress bar's whole. */
  private readonly backlog = new Set<string>();

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly session: OperatorSession,
    private readonly sender: OutboxSender,
    private readonly connectivity: ConnectivityMonitor,
    private readonly signing: Pick<SigningService, 'sign'>,
    private readonly blobs: EncryptedBlobStore,
    private readonly clock: Clock,
  ) {}

  async status(): Promise<Result<QueueStatus, NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    return ok(this.snapshot());
  }

  async retryNow(applicationId: string): Promise<Result<ApplicationSummary, QueueActionError>> {
    const found = this.pending(applicationId);
    if (!found.ok) return found;
    const now = this.clock.now().toISOString();
    await this.db.write((w) => (found.value.summary.state === 'accepted' ? makeDueNow(w, applicationId, now) : requeue(w, applicationId, now)));
    await this.sender.send(applicationId, { evenIfPaused: true });
    return this.summaryOf(applicationId);
  }

  async pause(): Promise<Result<QueueStatus, NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    this.sender.pause();
    return ok(this.snapshot());
  }

  async resume(): Promise<Result<QueueStatus, NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    this.sender.resume();
    return ok(this.snapshot());
  }

  async withdraw(applicationId: string): Promise<Result<ApplicationSummary, QueueActionError>> {
    const found = this.pending(applicationId);
    if (!found.ok) return found;
    // A send already on the wire may still register it: let it finish, then decide.
    await this.sender.settle(applicationId);
    const now = this.clock.now().toISOString();
    await this.db.write((w) => markWithdrawn(w, applicationId, now));
    const after = this.summaryOf(applicationId);
    if (after.ok && after.value.state === 'registered') return err({ kind: 'not-pending' });
    return after;
  }

  async resign(applicationId: string, signing: SigningMethod): Promise<Result<ApplicationSummary, ResignError>> {
    const found = this.pending(applicationId);
    if (!found.ok) return found;
    const application = found.value;
    if (application.summary.state !== 'needs-attention') return err({ kind: 'not-pending' });
    if (application.signatureBlob === null) return err({ kind: 'not-signed-payload' });
    // Only refusals a new signature cures; a body that no longer matches its signature is never re-signed.
    if (!isResignable(application.summary.problemCode)) return err({ kind: 'not-pending' });
    const active = this.session.require();
    if (!active.ok) return active;
    const operator = active.value.operator;
    // The signer is the payload's operator: whoever re-signs is named in what they sign.
    const payload: UnsignedSubmission = { ...(application.wireBody as UnsignedSubmission), operator: { operatorId: operator.operatorId, iin: operator.iin } };
    const bytes = signedBytesOf(payload);
    if (!bytes.ok) throw new Error(`stored payload cannot be canonicalised: ${bytes.error.kind}`);
    const signature = await this.signing.sign(signing, bytes.value);
    if (!signature.ok) return err(signature.error);
    const signatureBlob = await this.blobs.put(signature.value.cmsDer);
    await this.db.write((w) => requeue(w, applicationId, this.clock.now().toISOString(), { signatureBlob, payload }));
    this.sender.kick();
    return this.summaryOf(applicationId);
  }

  private snapshot(): QueueStatus {
    const counts = this.db.read((r) => countByState(r));
    const sendingIds = this.sender.sendingIds();
    const waiting = this.db.read((r) => listWaitingIds(r));
    if (waiting.length === 0) this.backlog.clear();
    for (const id of waiting) this.backlog.add(id);
    return {
      connectivity: this.connectivity.current(),
      lastSyncAt: this.connectivity.lastSyncAt(),
      paused: this.sender.isPaused,
      counts: { ...counts, sending: sendingIds.length },
      sendingIds,
      backlog: { total: this.backlog.size, remaining: waiting.length },
    };
  }

  /** A signed-in operator and an application still in the queue's hands (accepted or needs attention). */
  private pending(applicationId: string): Result<StoredApplication, QueueActionError> {
    const active = this.session.require();
    if (!active.ok) return active;
    const application = this.db.read((r) => findApplication(r, applicationId));
    if (!application) return err({ kind: 'not-found' });
    if (application.summary.state !== 'accepted' && application.summary.state !== 'needs-attention') return err({ kind: 'not-pending' });
    return ok(application);
  }

  private summaryOf(applicationId: string): Result<ApplicationSummary, QueueActionError> {
    const application = this.db.read((r) => findApplication(r, applicationId));
    return application ? ok(application.summary) : err({ kind: 'not-found' });
  }
}
