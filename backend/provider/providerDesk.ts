import { createHash } from 'node:crypto';
import type { ApplicationStatusView, ProviderDecision, RefusalReason, Registration, ResultDocumentRef } from '../../core/backendApi/wire';
import type { BackendServiceTitles } from '../../core/catalog/backendServiceSets';
import type { RegistryDirectory } from '../registry/registryDirectory';
import type { StoredRegistration } from '../state/stateRecords';
import { licenceNumberFor } from './licenceNumber';
import { planDecision } from './providerDecision';
import { providerTimeline } from './providerTimeline';
import { buildResultPdf, resultFileName } from './resultPdf/buildResultPdf';
import type { ResultDocumentData } from './resultPdf/resultData';
import type { ResultFonts } from './resultPdf/resultFonts';

export interface ProviderDeskDeps {
  /** One simulated provider working day, in real milliseconds. */
  readonly msPerProviderDay: number;
  /** IIN/BIN → why the provider refuses that applicant (fixtures `providerRefusals`). */
  readonly refusals: ReadonlyMap<string, RefusalReason>;
  readonly registry: Pick<RegistryDirectory, 'person' | 'legalEntity'>;
  /** Catalog titles per service id; a service without an entry prints its id. */
  readonly serviceTitles: ReadonlyMap<string, BackendServiceTitles>;
  readonly fonts: ResultFonts;
  readonly clock: () => Date;
}

export interface ResultDocument {
  readonly ref: ResultDocumentRef;
  readonly bytes: Uint8Array;
}

/** Result PDFs kept in memory; each is a few tens of KB and cheap to rebuild, so a small cap is enough. */
const CACHE_LIMIT = 64;

/**
 * The simulated licensing body behind GET /v1/applications/{id} and its result. Nothing here is
 * stored: status, decision and document are recomputed from the registration and the clock on
 * every read (providerTimeline, planDecision, licenceNumberFor, buildResultPdf are all
 * deterministic), so they survive restarts and need no timers.
 */
export class ProviderDesk {
  private readonly documents = new Map<string, Promise<ResultDocument>>();

  constructor(private readonly deps: ProviderDeskDeps) {}

  /** The registration as of now: what POST /v1/applications answers (also for a replay). */
  registrationNow(registration: StoredRegistration): Registration {
    const { applicationId, registrationNumber, registeredAt } = registration;
    return { applicationId, registrationNumber, registeredAt, status: this.timeline(registration).status };
  }

  async statusView(registration: StoredRegistration): Promise<ApplicationStatusView> {
    const timeline = this.timeline(registration);
    const decision = timeline.decidedAt === null ? null : this.decision(registration, timeline.decidedAt);
    const result = decision !== null && timeline.readyAt !== null ? (await this.document(registration, decision)).ref : null;
    const { applicationId, registrationNumber, registeredAt } = registration;
    return { applicationId, registrationNumber, registeredAt, status: timeline.status, history: [...timeline.history], decision, result };
  }

  /** The result document, or null while the application is not yet ready for hand-over. */
  async result(registration: StoredRegistration): Promise<ResultDocument | null> {
    const timeline = this.timeline(registration);
    if (timeline.decidedAt === null || timeline.readyAt === null) return null;
    return this.document(registration, this.decision(registration, timeline.decidedAt));
  }

  private timeline(registration: StoredRegistration) {
    return providerTimeline({
      registeredAt: registration.registeredAt,
      now: this.deps.clock(),
      msPerProviderDay: this.deps.msPerProviderDay,
      outcome: planDecision(registration.submission, this.deps.refusals).outcome,
    });
  }

  private decision(registration: StoredRegistration, decidedAt: string): ProviderDecision {
    const planned = planDecision(registration.submission, this.deps.refusals);
    if (planned.outcome === 'refused') return { outcome: 'refused', reason: planned.reason, decidedAt };
    return { outcome: 'issued', document: planned.document, licenceNumber: licenceNumberFor(registration.registrationNumber), decidedAt };
  }

  private document(registration: StoredRegistration, decision: ProviderDecision): Promise<ResultDocument> {
    const cached = this.documents.get(registration.applicationId);
    if (cached) return cached;
    const data = this.documentData(registration, decision);
    const built = buildResultPdf(data, this.deps.fonts).then((bytes) => ({
      bytes,
      ref: { sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length, fileName: resultFileName(data) },
    }));
    // A failed build is not remembered: the next read tries again.
    built.catch(() => this.documents.delete(registration.applicationId));
    if (this.documents.size >= CACHE_LIMIT) {
      const oldest = this.documents.keys().next().value;
      if (oldest !== undefined) this.documents.delete(oldest);
    }
    this.documents.set(registration.applicationId, built);
    return built;
  }

  private documentData(registration: StoredRegistration, decision: ProviderDecision): ResultDocumentData {
    const { submission } = registration;
    const titles = this.deps.serviceTitles.get(submission.serviceId);
    return {
      applicationId: registration.applicationId,
      registrationNumber: registration.registrationNumber,
      registeredAt: registration.registeredAt,
      decision,
      licensee: this.licensee(submission.applicant),
      service: titles ?? { title: { kk: submission.serviceId, ru: submission.serviceId }, provider: { kk: 'Лицензиар', ru: 'Лицензиар' } },
    };
  }

  /** The applicant as the registry names them; registration checked they are listed, a later fixture change shows the bare id. */
  private licensee(applicant: StoredRegistration['submission']['applicant']): ResultDocumentData['licensee'] {
    if (applicant.kind === 'legal-entity') {
      return { kind: 'legal-entity', identifier: applicant.bin, name: this.deps.registry.legalEntity(applicant.bin)?.name ?? '—' };
    }
    const person = this.deps.registry.person(applicant.iin);
    const fullName = person ? [person.lastName, person.firstName, person.middleName].filter(Boolean).join(' ') : '—';
    const name = person?.entrepreneur ? `${person.entrepreneur.tradeName}, ${fullName}` : fullName;
    return { kind: 'individual', identifier: applicant.iin, name };
  }
}
