import { randomUUID } from 'node:crypto';
import type { ApplicationSubtype, BackendLimits, DocumentRef, RepresentativeRef } from '../../core/backendApi/wire';
import type { NotSignedIn } from '../../core/contract/common';
import type { ApplicationSummary, SubmissionsApi, SubmitDraftError, SubmitError } from '../../core/contract/submissions';
import type { CatalogEntry } from '../../core/catalog/catalogSchema';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import { closeDraft } from '../db/drafts';
import type { WritableDb } from '../db/SqlJsDatabase';
import { assembleDraftDocuments } from '../documents/assembleDraftDocuments';
import type { DraftService } from './DraftService';
import { applicantDisplayName, applicantRefOf, isApplicantEligible } from '../../core/registry/applicant';
import type { Result } from '../../core/result';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { allocateLocalNumber, findApplication, insertApplicationWithOutbox, listApplications, peekLocalNumber } from '../db/applications';
import { findRegistrySnapshot, type StoredSnapshot } from '../db/registrySnapshots';
import { findRepresentativeSnapshot, type StoredRepresentative } from '../db/representativeSnapshots';
import type { Clock } from '../ports/Clock';
import type { SigningMethod } from '../../core/contract/signing';
import { signedBytesOf, type UnsignedSubmission } from '../../core/signing/signedPayload';
import type { SigningService } from './SigningService';
import type { CatalogService } from './CatalogService';
import type { OperatorSession } from './OperatorSession';
import type { OutboxSender } from './OutboxSender';
import type { AuditLog } from '../audit/AuditLog';

interface AcceptedParties {
  readonly operator: { readonly operatorId: string; readonly iin: string };
  readonly service: CatalogEntry;
  readonly snapshot: StoredSnapshot;
  readonly representative: StoredRepresentative | null;
}

interface AcceptRequest {
  readonly parties: AcceptedParties;
  readonly subtype: ApplicationSubtype;
  readonly documents: DocumentRef[];
  readonly acceptedAt: string;
  /** Null where the regulation has no operator EDS. */
  readonly signing: SigningMethod | null;
  /** Runs inside the acceptance transaction (closing the draft). */
  readonly alsoInTransaction: (w: WritableDb, applicationId: string) => void;
}

export interface SubmissionsServiceOptions {
  readonly workstationId: () => string;
  /** The font that draws Kazakh text in assembled PDFs (resources/fonts/DejaVuSans.ttf). */
  readonly fontBytes: Uint8Array;
  /** How long `submit` waits for the backend before answering "accepted, will be sent". */
  readonly sendBudgetMs: number;
  /** Sign and submit are recorded in the acceptance transaction. */
  readonly audit: AuditLog;
  /** The backend's per-document limits as last learned (BackendLimitsCache); each document is checked before acceptance. */
  readonly documentLimits: () => BackendLimits;
}

export class SubmissionsService implements SubmissionsApi {
  constructor(
    private readonly db: SqlJsDatabase,
    private readonly session: OperatorSession,
    private readonly catalog: CatalogService,
    private readonly sender: OutboxSender,
    private readonly drafts: DraftService,
    private readonly blobs: EncryptedBlobStore,
    private readonly clock: Clock,
    private readonly signer: Pick<SigningService, 'sign'>,
    private readonly options: SubmissionsServiceOptions,
  ) {}

  /** Tail of the acceptance queue (see `accept`). */
  private acceptance: Promise<void> = Promise.resolve();

  async submitDraft(draftId: string, signing: SigningMethod | null): Promise<Result<ApplicationSummary, SubmitDraftError>> {
    const draft = this.drafts.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    if (draft.value.applicantSnapshotId === null) return { ok: false, error: { kind: 'no-applicant' } };
    const parties = this.checkParties(draft.value.serviceId, draft.value.applicantSnapshotId, draft.value.representativeSnapshotId);
    if (!parties.ok) return parties;
    const view = this.drafts.view(draft.value);
    if (view.missingRequiredSlots.length > 0) return { ok: false, error: { kind: 'missing-documents', slotIds: view.missingRequiredSlots } };
    // [12]/[14] W4: the PSC operator certifies the request with their EDS; provider employees do not sign.
    const signWith = parties.value.service.operatorEdsRequired ? signing : null;
    if (parties.value.service.operatorEdsRequired && signWith === null) return { ok: false, error: { kind: 'signature-required' } };

    const acceptedAt = this.clock.now();
    const footerDate = this.catalog.deadlineFor(parties.value.service, draft.value.subtype, acceptedAt.toISOString()).acceptedOn.split('-').reverse().join('.');
    // A document the backend would refuse (too large, too many pages) is refused here, naming it: never accepted.
    const documents = await assembleDraftDocuments(draft.value, view.slots, this.blobs, { fontBytes: this.options.fontBytes, acceptedAt, footerDate, limits: this.options.documentLimits() });
    if (!documents.ok) return documents;
    return this.accept({
      parties: parties.value,
      subtype: draft.value.subtype,
      documents: documents.value,
      acceptedAt: acceptedAt.toISOString(),
      signing: signWith,
      alsoInTransaction: (w, applicationId) => closeDraft(w, draftId, 'submitted', applicationId, acceptedAt.toISOString()),
    });
  }

  /** Service, applicant and representative as the rules allow them for this operator. */
  private checkParties(serviceId: string, applicantSnapshotId: string, representativeSnapshotId: string | null): Result<AcceptedParties, SubmitError> {
    const active = this.session.require();
    if (!active.ok) return active;
    const { operatorId, iin } = active.value.operator;
    const service = this.catalog.findOffered(serviceId);
    if (!service) return { ok: false, error: { kind: 'unknown-service' } };
    const snapshot = this.db.read((r) => findRegistrySnapshot(r, applicantSnapshotId));
    if (!snapshot || snapshot.operatorId !== operatorId) return { ok: false, error: { kind: 'unknown-applicant' } };
    const record = snapshot.answer.record;
    if (!isApplicantEligible(record) || !service.applicantKinds.includes(record.kind)) return { ok: false, error: { kind: 'applicant-not-eligible' } };
    let representative: StoredRepresentative | null = null;
    if (representativeSnapshotId !== null) {
      representative = this.db.read((r) => findRepresentativeSnapshot(r, representativeSnapshotId));
      // Checked for this applicant, for this service, by this operator: anything else is not this application's representative.
      if (!representative || representative.operatorId !== operatorId || representative.applicantSnapshotId !== snapshot.id || representative.serviceId !== service.id) {
        return { ok: false, error: { kind: 'unknown-representative' } };
      }
    }
    return { ok: true, value: { operator: { operatorId, iin }, service, snapshot, representative } };
  }

  /**
   * The transactional outbox: the application, its payload, its idempotency key, its signature's
   * blob reference and its outbox row are written in one transaction together with
   * `alsoInTransaction` (closing the draft). The payload is complete — local number and idempotency
   * key included — before it is signed, and signed before anything is stored, so a refused key leaves
   * nothing behind. Acceptances are serialised so the local number peeked for the payload is the one
   * the transaction takes. Resolves once it is on disk, after giving the backend a short chance.
   */
  private accept(request: AcceptRequest): Promise<Result<ApplicationSummary, SubmitDraftError>> {
    const run = this.acceptance.then(() => this.acceptNow(request));
    this.acceptance = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async acceptNow(request: AcceptRequest): Promise<Result<ApplicationSummary, SubmitDraftError>> {
    const { parties, subtype, documents, acceptedAt, signing, alsoInTransaction } = request;
    const { operator, service, snapshot, representative } = parties;
    const record = snapshot.answer.record;
    const applicationId = randomUUID();
    const workstationId = this.options.workstationId();
    const deadline = this.catalog.deadlineFor(service, subtype, acceptedAt);
    const numberPrefix = workstationId.slice(0, 6).toUpperCase();
    const day = acceptedAt.slice(0, 10);
    // Created once, here, and signed into the payload; never regenerated.
    const idempotencyKey = randomUUID();
    const payload: UnsignedSubmission = {
      serviceId: service.id,
      regulation: { seedFile: service.source.seedFile, annex: service.source.annex },
      subtype,
      applicant: applicantRefOf(record),
      registryAnswerId: snapshot.answer.answerId,
      representative: representative ? representativeRefOf(representative) : null,
      documents,
      localNumber: this.db.read((r) => peekLocalNumber(r, numberPrefix, day)),
      workstationId,
      acceptedAt,
      operator: { operatorId: operator.operatorId, iin: operator.iin },
      idempotencyKey,
    };

    let signatureBlob: string | null = null;
    if (signing !== null) {
      const bytes = signedBytesOf(payload);
      if (!bytes.ok) throw new Error(`payload cannot be canonicalised: ${bytes.error.kind}`);
      const signature = await this.signer.sign(signing, bytes.value);
      if (!signature.ok) return { ok: false, error: signature.error };
      signatureBlob = await this.blobs.put(signature.value.cmsDer);
    }

    await this.db.write((w) => {
      const localNumber = allocateLocalNumber(w, numberPrefix, day);
      if (localNumber !== payload.localNumber) throw new Error('local number moved between signing and storing');
      insertApplicationWithOutbox(w, {
        id: applicationId,
        operatorId: operator.operatorId,
        snapshotId: snapshot.id,
        applicantDisplayName: applicantDisplayName(record),
        representativeDisplayName: representative ? applicantDisplayName(representative.person) : null,
        plannedResultDate: deadline.plannedResultDate,
        idempotencyKey,
        payload,
        signatureBlob,
      });
      alsoInTransaction(w, applicationId);
      const audit = { operatorId: operator.operatorId, subject: applicationId } as const;
      if (signing !== null) this.options.audit.appendIn(w, { ...audit, action: 'sign', detail: { method: signing.kind } });
      this.options.audit.appendIn(w, { ...audit, action: 'submit', detail: { serviceId: service.id, subtype, documents: documents.length, signed: signing !== null } });
    });

    // Durable now. Give the backend a short chance to register it while the applicant waits.
    await Promise.race([this.sender.send(applicationId), new Promise((resolve) => setTimeout(resolve, this.options.sendBudgetMs).unref())]);
    const stored = this.db.read((r) => findApplication(r, applicationId));
    if (!stored) throw new Error('accepted application vanished');
    return { ok: true, value: stored.summary };
  }

  async list(): Promise<Result<readonly ApplicationSummary[], NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    return { ok: true, value: this.db.read((r) => listApplications(r)) };
  }
}

function representativeRefOf(representative: StoredRepresentative): RepresentativeRef {
  return {
    iin: representative.person.iin,
    registryAnswerId: representative.personAnswerId,
    powerOfAttorney: representative.powerOfAttorney
      ? { kind: 'notarised', number: representative.powerOfAttorney.record.number, notaryAnswerId: representative.powerOfAttorney.answerId }
      : { kind: 'other' },
  };
}
