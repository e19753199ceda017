// status.*: the provider's status of applications accepted here, their result document and the
// hand-over to the applicant against the receipt (issue #7, Diagram No. 2 step 9).
import type { NotSignedIn } from '../../core/contract/common';
import type { HandOverError, ResultDocument, ResultError, StatusApi, StatusError } from '../../core/contract/status';
import type { ApplicationSummary } from '../../core/contract/submissions';
import type { ResultDocumentRef } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { sha256Hex, type EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import { findApplication, findApplicationsByKey, type StoredApplication } from '../db/applications';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import type { Clock } from '../ports/Clock';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { OperatorSession } from '../services/OperatorSession';
import type { StatusChecker } from './StatusChecker';
import type { AuditLog } from '../audit/AuditLog';
import { findStoredResult, readKnownStatus, recordHandOver, recordStoredResult } from './statusRecords';

/** Saved under an ASCII name only: the backend's name is data, not a path. */
export function safeResultFileName(name: string): string {
  const cleaned = name.replace(/[^0-9A-Za-z._-]+/g, '_').replace(/^\.+/, '');
  return cleaned.length > 0 ? cleaned.slice(0, 120) : 'result.pdf';
}

export class StatusService implements StatusApi {
  /** One download per application at a time: a second `result` call waits for the first. */
  private readonly downloads = new Map<string, Promise<Result<ResultDocument, ResultError>>>();

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly blobs: EncryptedBlobStore,
    private readonly backend: Pick<LicensingBackend, 'fetchResult'>,
    private readonly session: OperatorSession,
    private readonly checker: StatusChecker,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Resolves once no result download is in flight (before the database closes). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.downloads.values()]);
  }

  async refresh(applicationId: string): Promise<Result<ApplicationSummary, StatusError>> {
    const checked = await this.checker.check(applicationId);
    return checked.ok ? ok(checked.value.summary) : checked;
  }

  /**
   * The renderer's entry point: an operator is about to view, print or save the result, which is
   * recorded in the audit log (the background prefetch is not: nobody looks at it then).
   */
  async result(applicationId: string): Promise<Result<ResultDocument, ResultError>> {
    const document = await this.prefetch(applicationId);
    const operator = this.session.current()?.operator;
    if (document.ok && operator) await this.audit.record({ operatorId: operator.operatorId, action: 'result-view', subject: applicationId });
    return document;
  }

  /** The result document, fetched and stored here if it is not yet (the status poller calls this in the background). */
  prefetch(applicationId: string): Promise<Result<ResultDocument, ResultError>> {
    const running = this.downloads.get(applicationId);
    if (running) return running;
    const attempt = this.resultOnce(applicationId).finally(() => this.downloads.delete(applicationId));
    this.downloads.set(applicationId, attempt);
    return attempt;
  }

  async find(query: string): Promise<Result<readonly ApplicationSummary[], NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const key = query.trim();
    if (key.length === 0) return ok([]);
    return ok(this.db.read((r) => findApplicationsByKey(r, key)));
  }

  async handOver(applicationId: string): Promise<Result<ApplicationSummary, HandOverError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const application = this.db.read((r) => findApplication(r, applicationId));
    if (!application) return err({ kind: 'not-found' });
    const earlier = application.summary.handOver;
    if (earlier) return err({ kind: 'already-handed-over', handedOverAt: earlier.handedOverAt });
    if (application.summary.tracking?.status !== 'ready-for-handover') return err({ kind: 'not-ready' });
    // Handed over against a document this workstation holds (viewed, printable): not against a promise.
    const stored = this.db.read((r) => findStoredResult(r, applicationId));
    if (!stored || !(await this.blobs.has(stored.blobSha256))) return err({ kind: 'not-ready' });
    const { operator } = active.value;
    const outcome = await this.db.write((w) => {
      const recorded = recordHandOver(w, applicationId, { handedOverAt: this.clock.now().toISOString(), operatorId: operator.operatorId, operatorName: operator.fullName });
      if (recorded.inserted) this.audit.appendIn(w, { operatorId: operator.operatorId, action: 'hand-over', subject: applicationId });
      return recorded;
    });
    if (!outcome.inserted) return err({ kind: 'already-handed-over', handedOverAt: outcome.record.handedOverAt });
    return ok(this.summaryOf(applicationId));
  }

  /**
   * The stored copy when it reads back intact; else the document the status view names, fetched
   * once, checked against the view's SHA-256 and size, stored encrypted, then recorded. A document
   * that does not match is refused and nothing is stored.
   */
  private async resultOnce(applicationId: string): Promise<Result<ResultDocument, ResultError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const application = this.db.read((r) => findApplication(r, applicationId));
    if (!application) return err({ kind: 'not-found' });
    if (application.summary.state !== 'registered' || application.backendApplicationId === null) return err({ kind: 'not-registered' });

    const stored = this.db.read((r) => findStoredResult(r, applicationId));
    if (stored) {
      const bytes = await this.blobs.get(stored.blobSha256);
      if (bytes.ok) return ok(document(stored.fileName, bytes.value));
      // Missing or corrupt on disk: fall through and fetch it again.
    }

    const ref = await this.resultRef(application);
    if (!ref.ok) return ref;
    if (active.value.token === null) return err({ kind: 'backend-unavailable' });
    const fetched = await this.backend.fetchResult(active.value.token, application.backendApplicationId);
    if (!fetched.ok) {
      if (fetched.error.kind === 'http' && fetched.error.status === 404) return err({ kind: 'no-result-yet' });
      if (fetched.error.kind === 'http' && fetched.error.status === 401) {
        this.session.end();
        return err({ kind: 'not-signed-in' });
      }
      return err({ kind: 'backend-unavailable' });
    }
    const bytes = fetched.value;
    if (bytes.byteLength !== ref.value.sizeBytes || sha256Hex(bytes) !== ref.value.sha256) return err({ kind: 'backend-unavailable' });
    const blobSha256 = await this.blobs.put(bytes);
    const fileName = safeResultFileName(ref.value.fileName);
    await this.db.write((w) => recordStoredResult(w, applicationId, { blobSha256, sizeBytes: bytes.byteLength, fileName, storedAt: this.clock.now().toISOString() }));
    return ok(document(fileName, bytes));
  }

  /** The result the status view names: the last answer's, or a fresh check's when the last one named none. */
  private async resultRef(application: StoredApplication): Promise<Result<ResultDocumentRef, ResultError>> {
    const applicationId = application.summary.applicationId;
    const known = this.db.read((r) => readKnownStatus(r, applicationId));
    if (known?.resultRef) return ok(known.resultRef);
    const checked = await this.checker.check(applicationId);
    if (!checked.ok) return checked;
    return checked.value.view.result ? ok(checked.value.view.result) : err({ kind: 'no-result-yet' });
  }

  private summaryOf(applicationId: string): ApplicationSummary {
    const stored = this.db.read((r) => findApplication(r, applicationId));
    if (!stored) throw new Error('application vanished after its hand-over was recorded');
    return stored.summary;
  }
}

function document(fileName: string, bytes: Uint8Array): ResultDocument {
  return { fileName, pdfBase64: Buffer.from(bytes).toString('base64') };
}
