/**
 * An in-memory WorkstationApi for renderer tests. Calls go through createContractClient and
 * dispatchContractCall, i.e. the contract's own argument schemas, exactly as a real host parses
 * them: a renderer bug that sends a malformed argument throws here as it would in production.
 * `impl` methods may be replaced in a test to script a slow or failing answer.
 */
import {
  createContractClient,
  dispatchContractCall,
  type ApplicationState,
  type ApplicationSummary,
  type AttachedDocument,
  type Language,
  type OperatorProfile,
  type RepresentativeCard,
  type RepresentativeQuery,
  type ServiceSummary,
  type SupervisorSettings,
  type WorkstationApi,
} from '../../core/contract';
import type { DocumentRef, RegistryRecord } from '../../core/backendApi/wire';
import { currentVersions } from '../../core/catalog/currentVersions';
import { isServiceOfferedTo } from '../../core/catalog/servicesFor';
import { err, ok } from '../../core/result';
import { previewDeadlineFor } from './fakeDeadline';
import { CASINO_2014, FAKE_ALL_VERSIONS, FAKE_REGISTRY, OPERATOR_PASSWORD, PROVIDER_EMPLOYEE, PSC_OPERATOR, SUPERVISOR } from './fakeFixtures';
import { FAKE_TODAY } from './fakeNotaryFixtures';
import { checkRepresentative } from './fakeRepresentativeCheck';

export interface FakeCall {
  readonly area: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

export interface FakeWorkstationOptions {
  readonly language?: Language;
  /** What submit answers when the backend "responds in time" (registered) or not (accepted). */
  readonly submitState?: ApplicationState;
  readonly isBackendAvailable?: boolean;
  /** The Kazakhstan date main would see as today ('YYYY-MM-DD'); FAKE_TODAY by default. */
  readonly today?: string;
  readonly settings?: SupervisorSettings;
}

/** By default the 2014 casino regulation is current; the 2012 one exists in the catalog too. */
export const DEFAULT_FAKE_SETTINGS: SupervisorSettings = {
  currentServiceVersions: { casino: CASINO_2014.id },
  calendarOverrides: [],
};

export interface FakeWorkstation {
  readonly api: WorkstationApi;
  readonly impl: WorkstationApi;
  readonly calls: FakeCall[];
  /** Simulates main dropping the session (idle lock): the next call answers not-signed-in. */
  expireSession(): void;
  callsTo(area: string, method: string): readonly FakeCall[];
}

const NOT_SIGNED_IN = { kind: 'not-signed-in' } as const;

function uuidFromCounter(counter: number): string {
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

function mediaTypeOf(bytes: Uint8Array): DocumentRef['mediaType'] | null {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'image/tiff';
  return null;
}

/** Not SHA-256: a stable 64-hex stand-in so tests need no crypto. */
function fakeDigest(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').repeat(8);
}

function displayNameOf(record: RegistryRecord): string {
  return record.kind === 'legal-entity' ? record.name : [record.lastName, record.firstName, record.middleName].filter(Boolean).join(' ');
}

interface RepresentativeSnapshot {
  readonly query: RepresentativeQuery;
  readonly card: RepresentativeCard;
}

function representativeOf(snapshot: RepresentativeSnapshot): ApplicationSummary['representative'] {
  const poa = snapshot.query.powerOfAttorney;
  return {
    iin: snapshot.card.person.iin,
    displayName: displayNameOf(snapshot.card.person),
    powerOfAttorney: poa.kind === 'notarised' ? { kind: 'notarised', number: poa.number } : { kind: 'other' },
  };
}

export function createFakeWorkstation(options: FakeWorkstationOptions = {}): FakeWorkstation {
  let language: Language = options.language ?? 'kk';
  let operator: OperatorProfile | null = null;
  let settings: SupervisorSettings = options.settings ?? DEFAULT_FAKE_SETTINGS;
  let counter = 0;
  const today = options.today ?? FAKE_TODAY;
  const nextId = () => uuidFromCounter(++counter);
  const snapshots = new Map<string, RegistryRecord>();
  const representatives = new Map<string, RepresentativeSnapshot>();
  const documents = new Map<string, AttachedDocument>();
  const applications: ApplicationSummary[] = [];
  const calls: FakeCall[] = [];

  const versionsOfWorkplace = (who: OperatorProfile): readonly ServiceSummary[] =>
    FAKE_ALL_VERSIONS.filter((service) => isServiceOfferedTo(service, who));
  const serviceById = (serviceId: string) => FAKE_ALL_VERSIONS.find((service) => service.id === serviceId);

  const impl: WorkstationApi = {
    session: {
      async login({ login, password }) {
        if (options.isBackendAvailable === false) return err({ kind: 'backend-unavailable' });
        const match = [PSC_OPERATOR, PROVIDER_EMPLOYEE, SUPERVISOR].find((candidate) => candidate.login === login);
        if (!match || password !== OPERATOR_PASSWORD) return err({ kind: 'invalid-credentials' });
        operator = match;
        return ok(match);
      },
      async logout() {
        operator = null;
        return ok(null);
      },
      async current() {
        return ok(operator);
      },
    },
    catalog: {
      async listServices() {
        return operator ? ok(currentVersions(versionsOfWorkplace(operator), settings.currentServiceVersions)) : err(NOT_SIGNED_IN);
      },
      async listAllVersions() {
        return operator ? ok(versionsOfWorkplace(operator)) : err(NOT_SIGNED_IN);
      },
      async previewDeadline({ serviceId, subtype }) {
        if (!operator) return err(NOT_SIGNED_IN);
        const service = serviceById(serviceId);
        if (!service) return err({ kind: 'unknown-service' });
        return ok(previewDeadlineFor(service, subtype, today, settings.calendarOverrides));
      },
    },
    registry: {
      async lookupApplicant(query) {
        if (!operator) return err(NOT_SIGNED_IN);
        const identifier = query.kind === 'individual' ? query.iin : query.bin;
        const record = FAKE_REGISTRY.find(
          (candidate) => candidate.kind === query.kind && (candidate.kind === 'individual' ? candidate.iin : candidate.bin) === identifier,
        );
        if (!record) return err({ kind: 'not-found' });
        const snapshotId = nextId();
        snapshots.set(snapshotId, record);
        return ok({ snapshotId, answeredAt: `${today}T09:15:00+05:00`, record });
      },
      async lookupRepresentative(query) {
        if (!operator) return err(NOT_SIGNED_IN);
        const checked = checkRepresentative(query, {
          service: serviceById(query.serviceId),
          applicant: snapshots.get(query.applicantSnapshotId),
          today,
        });
        if (!checked.ok) return checked;
        const card: RepresentativeCard = { snapshotId: nextId(), ...checked.value };
        representatives.set(card.snapshotId, { query, card });
        return ok(card);
      },
    },
    documents: {
      async attachFile({ fileName, contentBase64 }) {
        if (!operator) return err(NOT_SIGNED_IN);
        const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
        if (bytes.length === 0) return err({ kind: 'empty-file' });
        const mediaType = mediaTypeOf(bytes);
        if (!mediaType) return err({ kind: 'unsupported-type' });
        const document: AttachedDocument = { documentId: nextId(), fileName, mediaType, sizeBytes: bytes.length, sha256: fakeDigest(bytes) };
        documents.set(document.documentId, document);
        return ok(document);
      },
      async discardDocument(documentId) {
        if (!operator) return err(NOT_SIGNED_IN);
        return documents.delete(documentId) ? ok(null) : err({ kind: 'not-found' });
      },
    },
    submissions: {
      async submit(request) {
        if (!operator) return err(NOT_SIGNED_IN);
        const service = serviceById(request.serviceId);
        if (!service) return err({ kind: 'unknown-service' });
        const record = snapshots.get(request.applicantSnapshotId);
        if (!record) return err({ kind: 'unknown-applicant' });
        const representative = request.representativeSnapshotId === null ? null : representatives.get(request.representativeSnapshotId);
        const isRepresentativeOfThisDraft =
          representative?.query.applicantSnapshotId === request.applicantSnapshotId && representative.query.serviceId === request.serviceId;
        if (representative !== null && !isRepresentativeOfThisDraft) return err({ kind: 'unknown-representative' });
        const attached = request.documentIds.map((id) => documents.get(id));
        if (attached.some((document) => document === undefined)) return err({ kind: 'unknown-document' });
        const sequence = applications.length + 1;
        const state = options.submitState ?? 'registered';
        const application: ApplicationSummary = {
          applicationId: nextId(),
          localNumber: `WS01-${String(sequence).padStart(6, '0')}`,
          serviceId: request.serviceId,
          subtype: request.subtype,
          applicant:
            record.kind === 'individual'
              ? { kind: 'individual', iin: record.iin, displayName: displayNameOf(record) }
              : { kind: 'legal-entity', bin: record.bin, displayName: displayNameOf(record) },
          representative: representative ? representativeOf(representative) : null,
          plannedResultDate: previewDeadlineFor(service, request.subtype, today, settings.calendarOverrides).plannedResultDate,
          documents: attached.flatMap((document) =>
            document ? [{ sha256: document.sha256, fileName: document.fileName, mediaType: document.mediaType, sizeBytes: document.sizeBytes }] : [],
          ),
          state,
          acceptedAt: `${today}T09:20:00+05:00`,
          registrationNumber: state === 'registered' ? `KZ-LIC-2025-${String(sequence).padStart(5, '0')}` : null,
          registeredAt: state === 'registered' ? `${today}T09:20:02+05:00` : null,
          problemCode: state === 'needs-attention' ? 'validation-failed' : null,
        };
        applications.unshift(application);
        return ok(application);
      },
      async list() {
        return operator ? ok([...applications]) : err(NOT_SIGNED_IN);
      },
    },
    system: {
      async about() {
        return ok({ version: '0.1.0-test', host: 'browser', backend: { mode: 'embedded', url: 'http://127.0.0.1:0' }, language });
      },
      async setLanguage(next) {
        language = next;
        return ok(next);
      },
    },
    settings: {
      async get() {
        return operator ? ok(settings) : err(NOT_SIGNED_IN);
      },
      async setCurrentServiceVersion(activityId, serviceId) {
        if (!operator) return err(NOT_SIGNED_IN);
        if (operator.role !== 'supervisor') return err({ kind: 'not-permitted' });
        if (serviceById(serviceId)?.activityId !== activityId) return err({ kind: 'unknown-service' });
        settings = { ...settings, currentServiceVersions: { ...settings.currentServiceVersions, [activityId]: serviceId } };
        return ok(settings);
      },
      async setCalendarOverrides(overrides) {
        if (!operator) return err(NOT_SIGNED_IN);
        if (operator.role !== 'supervisor') return err({ kind: 'not-permitted' });
        settings = { ...settings, calendarOverrides: [...overrides].sort((a, b) => (a.date < b.date ? -1 : 1)) };
        return ok(settings);
      },
    },
  };

  const api = createContractClient((area, method, args) => {
    calls.push({ area, method, args });
    return dispatchContractCall(impl, area, method, args);
  });

  return {
    api,
    impl,
    calls,
    expireSession() {
      operator = null;
    },
    callsTo: (area, method) => calls.filter((call) => call.area === area && call.method === method),
  };
}
