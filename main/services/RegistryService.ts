import { randomUUID } from 'node:crypto';
import { toKzLocalDate } from '../../core/calendar/kzLocalDate';
import { validateKzIdentifier } from '../../core/identifiers/kzIdentifier';
import type {
  ApplicantCard,
  ApplicantQuery,
  LookupError,
  RegistryApi,
  RepresentativeCard,
  RepresentativeError,
  RepresentativeQuery,
} from '../../core/contract/registry';
import { applicantRefOf, isApplicantEligible } from '../../core/registry/applicant';
import { checkPowerOfAttorney } from '../../core/registry/powerOfAttorney';
import type { BackendFailure } from '../../core/submission/backendFailure';
import { WORKFLOW_PROFILES } from '../../core/workflow/workflowProfiles';
import type { Result } from '../../core/result';
import type { LicensingBackend } from '../ports/LicensingBackend';
import type { Clock } from '../ports/Clock';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { findRegistrySnapshot, insertRegistrySnapshot } from '../db/registrySnapshots';
import { insertRepresentativeSnapshot } from '../db/representativeSnapshots';
import type { CatalogService } from './CatalogService';
import type { OperatorSession } from './OperatorSession';
import type { AuditLog } from '../audit/AuditLog';

type RegistryFailure = { readonly kind: 'not-found' } | { readonly kind: 'not-signed-in' } | { readonly kind: 'registry-unavailable' };

export class RegistryService implements RegistryApi {
  constructor(
    private readonly backend: LicensingBackend,
    private readonly session: OperatorSession,
    private readonly catalog: CatalogService,
    private readonly db: SqlJsDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async lookupApplicant(query: ApplicantQuery): Promise<Result<ApplicantCard, LookupError>> {
    const result = await this.applicantLookup(query);
    if (!result.ok) await this.recordFailure(result.error.kind, { kind: query.kind });
    return result;
  }

  async lookupRepresentative(query: RepresentativeQuery): Promise<Result<RepresentativeCard, RepresentativeError>> {
    const result = await this.representativeLookup(query);
    if (!result.ok) await this.recordFailure(result.error.kind, { kind: 'representative', powerOfAttorney: query.powerOfAttorney.kind });
    return result;
  }

  /**
   * A refused lookup is recorded too (who asked, what kind, why it failed — never the identifier):
   * repeated not-found answers are how someone fishing the registries would show up.
   */
  private async recordFailure(reason: string, detail: Readonly<Record<string, string>>): Promise<void> {
    if (reason === 'not-signed-in') return;
    const operator = this.session.current()?.operator;
    if (!operator) return;
    await this.audit.record({ operatorId: operator.operatorId, action: 'lookup-failed', subject: null, detail: { ...detail, reason } });
  }

  private async applicantLookup(query: ApplicantQuery): Promise<Result<ApplicantCard, LookupError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const id = query.kind === 'individual' ? query.iin : query.bin;
    if (!validateKzIdentifier(id).ok) return { ok: false, error: { kind: 'invalid-identifier' } };

    const { token, operator } = active.value;
    // Signed in offline: the registry is as unreachable as during the outage itself.
    if (token === null) return { ok: false, error: { kind: 'registry-unavailable' } };
    const answer = query.kind === 'individual' ? await this.backend.lookupPerson(token, id) : await this.backend.lookupLegalEntity(token, id);
    if (!answer.ok) return { ok: false, error: this.registryFailure(answer.error) };
    const record = answer.value.record;
    const returnedId = record.kind === 'individual' ? record.iin : record.bin;
    if (record.kind !== query.kind || returnedId !== id) return { ok: false, error: { kind: 'registry-unavailable' } };

    const snapshotId = randomUUID();
    await this.db.write((w) => {
      insertRegistrySnapshot(w, { id: snapshotId, operatorId: operator.operatorId, answer: answer.value, createdAt: this.clock.now().toISOString() });
      this.audit.appendIn(w, { operatorId: operator.operatorId, action: 'lookup', subject: snapshotId, detail: { kind: query.kind } });
    });
    return { ok: true, value: { snapshotId, answeredAt: answer.value.answeredAt, record } };
  }

  private async representativeLookup(query: RepresentativeQuery): Promise<Result<RepresentativeCard, RepresentativeError>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const { token, operator } = active.value;
    const refuse = (error: RepresentativeError): Result<RepresentativeCard, RepresentativeError> => ({ ok: false, error });
    if (token === null) return refuse({ kind: 'registry-unavailable' });

    const service = this.catalog.findOffered(query.serviceId);
    const rule = service ? WORKFLOW_PROFILES[service.workflowProfile].representative : 'not-regulated';
    // [P] has no representative; [12] queries the representative but regulates no PoA data.
    if (rule === 'not-regulated' || (rule === 'registry-only' && query.powerOfAttorney.kind === 'notarised')) {
      return refuse({ kind: 'not-allowed-by-regulation' });
    }
    const applicant = this.db.read((r) => findRegistrySnapshot(r, query.applicantSnapshotId));
    if (!applicant || applicant.operatorId !== operator.operatorId) return refuse({ kind: 'unknown-applicant' });
    if (!validateKzIdentifier(query.iin).ok) return refuse({ kind: 'invalid-identifier' });
    const principal = applicantRefOf(applicant.answer.record);
    if (principal.kind === 'individual' && principal.iin === query.iin) return refuse({ kind: 'same-as-applicant' });

    const person = await this.backend.lookupPerson(token, query.iin);
    if (!person.ok) return refuse(this.registryFailure(person.error));
    const personRecord = person.value.record;
    if (personRecord.kind !== 'individual' || personRecord.iin !== query.iin) return refuse({ kind: 'registry-unavailable' });
    if (!isApplicantEligible(personRecord)) return refuse({ kind: 'representative-not-eligible' });

    let powerOfAttorney: { answerId: string; record: RepresentativeCard['powerOfAttorney'] & object } | null = null;
    if (query.powerOfAttorney.kind === 'notarised') {
      const poa = await this.backend.lookupPowerOfAttorney(token, query.powerOfAttorney.number);
      if (!poa.ok) {
        const failure = this.registryFailure(poa.error);
        return refuse(failure.kind === 'not-found' ? { kind: 'power-of-attorney-not-found' } : failure);
      }
      const today = toKzLocalDate(this.clock.now().toISOString());
      if (!today.ok) throw new Error('clock produced an invalid instant');
      const fits = checkPowerOfAttorney(poa.value.record, { principal, representativeIin: query.iin }, today.value);
      if (!fits.ok) return refuse({ kind: 'power-of-attorney-invalid', problem: fits.error });
      powerOfAttorney = { answerId: poa.value.answerId, record: poa.value.record };
    }

    const snapshotId = randomUUID();
    await this.db.write((w) => {
      insertRepresentativeSnapshot(w, {
        id: snapshotId,
        operatorId: operator.operatorId,
        applicantSnapshotId: applicant.id,
        serviceId: query.serviceId,
        personAnswerId: person.value.answerId,
        person: personRecord,
        powerOfAttorney,
        createdAt: this.clock.now().toISOString(),
      });
      this.audit.appendIn(w, { operatorId: operator.operatorId, action: 'lookup', subject: snapshotId, detail: { kind: 'representative', powerOfAttorney: query.powerOfAttorney.kind } });
    });
    return { ok: true, value: { snapshotId, person: personRecord, powerOfAttorney: powerOfAttorney?.record ?? null } };
  }

  /** 404 is the regulation's "data cannot be obtained"; an expired token ends the session; anything else may pass. */
  private registryFailure(failure: BackendFailure): RegistryFailure {
    if (failure.kind === 'http' && failure.status === 404) return { kind: 'not-found' };
    if (failure.kind === 'http' && failure.status === 401) {
      this.session.end();
      return { kind: 'not-signed-in' };
    }
    return { kind: 'registry-unavailable' };
  }
}
