import { randomUUID } from 'node:crypto';
import type { ApplicationSubmission, RepresentativeRef } from '../../core/backendApi/wire';
import type { NotSignedIn } from '../../core/contract/common';
import type { ApplicationSummary, SubmissionsApi, SubmitError, SubmitRequest } from '../../core/contract/submissions';
import { applicantDisplayName, applicantRefOf, isApplicantEligible } from '../../core/registry/applicant';
import type { Result } from '../../core/result';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { allocateLocalNumber, findApplication, insertApplicationWithOutbox, listApplications } from '../db/applications';
import { attachDocumentsToApplication, findDocument } from '../db/documents';
import { findRegistrySnapshot } from '../db/registrySnapshots';
import { findRepresentativeSnapshot, type StoredRepresentative } from '../db/representativeSnapshots';
import type { Clock } from '../ports/Clock';
import type { CatalogService } from './CatalogService';
import type { OperatorSession } from './OperatorSession';
import type { OutboxSender } from './OutboxSender';

export interface SubmissionsServiceOptions {
  readonly workstationId: () => string;
  /** How long `submit` waits for the backend before answering "accepted, will be sent". */
  readonly sendBudgetMs: number;
}

export class SubmissionsService implements SubmissionsApi {
  constructor(
    private readonly db: SqlJsDatabase,
    private readonly session: OperatorSession,
    private readonly catalog: CatalogService,
    private readonly sender: OutboxSender,
    private readonly clock: Clock,
    private readonly options: SubmissionsServiceOptions,
  ) {}

  async submit(request: SubmitRequest): Promise<Result<ApplicationSummary, SubmitError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const operatorId = active.value.operator.operatorId;
    const service = this.catalog.findOffered(request.serviceId);
    if (!service) return { ok: false, error: { kind: 'unknown-service' } };

    const snapshot = this.db.read((r) => findRegistrySnapshot(r, request.applicantSnapshotId));
    if (!snapshot || snapshot.operatorId !== operatorId) return { ok: false, error: { kind: 'unknown-applicant' } };
    const record = snapshot.answer.record;
    if (!isApplicantEligible(record) || !service.applicantKinds.includes(record.kind)) return { ok: false, error: { kind: 'applicant-not-eligible' } };

    let representative: StoredRepresentative | null = null;
    if (request.representativeSnapshotId !== null) {
      representative = this.db.read((r) => findRepresentativeSnapshot(r, request.representativeSnapshotId!));
      // Checked for this applicant, for this service, by this operator: anything else is not this application's representative.
      if (!representative || representative.operatorId !== operatorId || representative.applicantSnapshotId !== snapshot.id || representative.serviceId !== service.id) {
        return { ok: false, error: { kind: 'unknown-representative' } };
      }
    }

    const documentIds = [...new Set(request.documentIds)];
    const documents = this.db.read((r) => documentIds.map((id) => findDocument(r, id)));
    if (documents.some((d) => !d || d.operatorId !== operatorId || d.applicationId !== null)) return { ok: false, error: { kind: 'unknown-document' } };

    const applicationId = randomUUID();
    const acceptedAt = this.clock.now().toISOString();
    const workstationId = this.options.workstationId();
    const deadline = this.catalog.deadlineFor(service, request.subtype, acceptedAt);
    await this.db.write((w) => {
      const payload: ApplicationSubmission = {
        serviceId: service.id,
        subtype: request.subtype,
        applicant: applicantRefOf(record),
        registryAnswerId: snapshot.answer.answerId,
        representative: representative ? representativeRefOf(representative) : null,
        documents: documents.map((d) => ({ sha256: d!.sha256, fileName: d!.fileName, mediaType: d!.mediaType, sizeBytes: d!.sizeBytes })),
        localNumber: allocateLocalNumber(w, workstationId.slice(0, 6).toUpperCase(), acceptedAt.slice(0, 10)),
        workstationId,
        acceptedAt,
      };
      insertApplicationWithOutbox(w, {
        id: applicationId,
        operatorId,
        snapshotId: snapshot.id,
        applicantDisplayName: applicantDisplayName(record),
        representativeDisplayName: representative ? applicantDisplayName(representative.person) : null,
        plannedResultDate: deadline.plannedResultDate,
        // Created once, here, in the same transaction as the application; never regenerated.
        idempotencyKey: randomUUID(),
        payload,
      });
      attachDocumentsToApplication(w, applicationId, documentIds);
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
