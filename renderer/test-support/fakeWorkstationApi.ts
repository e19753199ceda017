/**
 * An in-memory WorkstationApi for renderer tests. Calls go through createContractClient and
 * dispatchContractCall, i.e. the contract's own argument schemas, exactly as a real host parses
 * them: a renderer bug that sends a malformed argument throws here as it would in production.
 * `impl` methods may be replaced in a test to script a slow or failing answer. Drafts, scanning,
 * signing, submissions, the queue, receipts and settings live in their own files (fakeDrafts, fakeScanning,
 * fakeSigning, fakeSubmissions, fakeQueue, fakeReceipts, fakeSettings) over the shared state of fakeMain.
 */
import { createFakePrinting, type FakePrintingController } from './fakePrinting';
import {
  createContractClient,
  dispatchContractCall,
  type ApplicationState,
  type Language,
  type OperatorProfile,
  type RepresentativeCard,
  type ScannerDeviceView,
  type ServiceSummary,
  type StorageStatus,
  type SupervisorSettings,
  type WorkstationApi,
} from '../../core/contract';
import { currentVersions } from '../../core/catalog/currentVersions';
import { isServiceOfferedTo } from '../../core/catalog/servicesFor';
import { err, ok } from '../../core/result';
import { previewDeadlineFor } from './fakeDeadline';
import { createFakeDrafts, type FakeDraftStore } from './fakeDrafts';
import { FAKE_ALL_VERSIONS, FAKE_REGISTRY, OPERATOR_PASSWORD, PROVIDER_EMPLOYEE, PSC_OPERATOR, SUPERVISOR } from './fakeFixtures';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';
import { FAKE_TODAY } from './fakeNotaryFixtures';
import { checkRepresentative } from './fakeRepresentativeCheck';
import { createFakeQueue, type FakeQueueController, type FakeQueueOptions } from './fakeQueue';
import { createFakeReceipts } from './fakeReceipts';
import { createFakeScanning, type FakeScannerController } from './fakeScanning';
import { createFakeSigning, type FakeSigningController, type FakeSigningOptions } from './fakeSigning';
import { createFakeStatus, type FakeStatusController } from './fakeStatus';
import { createFakeJournal, type FakeJournalController } from './fakeJournal';
import { createFakeQuestionnaire, type FakeQuestionnaireController } from './fakeQuestionnaireApi';
import { createFakeSubmitDraft, listApplications } from './fakeSubmissions';
import { createFakeDiagnostics, type FakeDiagnosticsController } from './fakeDiagnostics';
import { createFakeSettings, type FakeSettingsController } from './fakeSettings';

export { DEFAULT_FAKE_SETTINGS } from './fakeSettings';

export interface FakeCall {
  readonly area: string;
  readonly method: string;
  readonly args: readonly unknown[];
}

export interface FakeWorkstationOptions {
  readonly language?: Language;
  /** What system.about says of the backend: `not-configured` shows the administrator screen. */
  readonly backendMode?: 'embedded' | 'configured' | 'not-configured';
  readonly trainingMode?: boolean;
  readonly keyStoreWarning?: boolean;
  /** What submit answers when the backend "responds in time" (registered) or not (accepted). */
  readonly submitState?: ApplicationState;
  /** The backend's problem code when submitState is needs-attention; validation-failed by default. */
  readonly refusalCode?: string;
  readonly isBackendAvailable?: boolean;
  /** The Kazakhstan date main would see as today ('YYYY-MM-DD'); FAKE_TODAY by default. */
  readonly today?: string;
  readonly settings?: SupervisorSettings;
  /** The scanners connected to the workstation; FAKE_SCANNER by default. */
  readonly scanners?: readonly ScannerDeviceView[];
  /** No scanner software (SANE) installed: listDevices answers scanner-software-missing. */
  readonly isScannerSoftwareMissing?: boolean;
  /** The remembered key file, the revocation list and NCALayer (fakeSigning.ts). */
  readonly signing?: FakeSigningOptions;
  /** Connectivity and pause at start (fakeQueue.ts). */
  readonly queue?: FakeQueueOptions;
  /** What `system.storage()` answers: a healthy database by default. */
  readonly storage?: StorageStatus;
}

export interface FakeWorkstation {
  readonly api: WorkstationApi;
  readonly impl: WorkstationApi;
  readonly calls: FakeCall[];
  /** Main's drafts, as on its disk: they outlive the renderer's store (a reload, a crash, a logout). */
  readonly drafts: FakeDraftStore;
  readonly scanner: FakeScannerController;
  readonly signing: FakeSigningController;
  /** Main's outbox: connectivity, the sender and the backend's answers, moved on by the test. */
  readonly queue: FakeQueueController;
  /** The provider's decisions and main's status poller (fakeStatus.ts), moved on by the test. */
  readonly status: FakeStatusController;
  /** Main's visit journal (fakeJournal.ts): the visits marked so far, a scripted report. */
  readonly journal: FakeJournalController;
  /** The questionnaire answers stored (fakeQuestionnaireApi.ts). */
  readonly questionnaire: FakeQuestionnaireController;
  /** Main's diagnostics (fakeDiagnostics.ts): the scripted scanimage answer, reports collected. */
  readonly diagnostics: FakeDiagnosticsController;
  /** Main's settings (fakeSettings.ts): settings the administrator locked, a scripted connection check. */
  readonly settings: FakeSettingsController;
  /** Main's printing (fakePrinting.ts): the chosen printer, scripted failures, jobs printed. */
  readonly printing: FakePrintingController;
  /** Simulates main dropping the session (idle lock): the next call answers not-signed-in. */
  expireSession(): void;
  callsTo(area: string, method: string): readonly FakeCall[];
}

function uuidFromCounter(counter: number): string {
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export function createFakeWorkstation(options: FakeWorkstationOptions = {}): FakeWorkstation {
  let language: Language = options.language ?? 'kk';
  let operator: OperatorProfile | null = null;
  let counter = 0;
  let clockSeconds = 0;
  const today = options.today ?? FAKE_TODAY;
  const submitState = options.submitState ?? 'registered';
  const calls: FakeCall[] = [];

  const versionsOfWorkplace = (who: OperatorProfile): readonly ServiceSummary[] =>
    FAKE_ALL_VERSIONS.filter((service) => isServiceOfferedTo(service, who));
  const offeredTo = (who: OperatorProfile) => currentVersions(versionsOfWorkplace(who), settingsArea.current().currentServiceVersions);

  const main: FakeMain = {
    today,
    operator: () => operator,
    settings: () => settingsArea.current(),
    nextId: () => uuidFromCounter(++counter),
    now: () => new Date(Date.parse(`${today}T09:10:00+05:00`) + 1000 * clockSeconds++).toISOString(),
    serviceById: (serviceId) => FAKE_ALL_VERSIONS.find((service) => service.id === serviceId),
    findOffered: (serviceId) => (operator ? (offeredTo(operator).find((service) => service.id === serviceId) ?? null) : null),
    snapshots: new Map(),
    representatives: new Map(),
    applications: [],
  };
  const drafts = createFakeDrafts(main);
  const scanning = createFakeScanning(main, drafts.store, { devices: options.scanners, isSoftwareMissing: options.isScannerSoftwareMissing });
  const signing = createFakeSigning(main, options.signing);
  const queue = createFakeQueue(main, signing.sign, options.queue);
  const status = createFakeStatus(main);
  const journal = createFakeJournal(main);
  const questionnaire = createFakeQuestionnaire(main);
  const diagnostics = createFakeDiagnostics(main);
  const printing = createFakePrinting(main, { receipts: () => impl.receipts, status: () => impl.status });
  const settingsArea = createFakeSettings(main, options.settings);

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
      async lock() {
        operator = null;
        return ok(null);
      },
      async current() {
        return ok(operator);
      },
    },
    catalog: {
      async listServices() {
        return operator ? ok(offeredTo(operator)) : err(NOT_SIGNED_IN);
      },
      async listAllVersions() {
        return operator ? ok(versionsOfWorkplace(operator)) : err(NOT_SIGNED_IN);
      },
      async previewDeadline({ serviceId, subtype }) {
        if (!operator) return err(NOT_SIGNED_IN);
        const service = main.serviceById(serviceId);
        if (!service) return err({ kind: 'unknown-service' });
        return ok(previewDeadlineFor(service, subtype, today, settingsArea.current().calendarOverrides));
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
        const snapshotId = main.nextId();
        main.snapshots.set(snapshotId, record);
        return ok({ snapshotId, answeredAt: `${today}T09:15:00+05:00`, record });
      },
      async lookupRepresentative(query) {
        if (!operator) return err(NOT_SIGNED_IN);
        const checked = checkRepresentative(query, {
          service: main.serviceById(query.serviceId),
          applicant: main.snapshots.get(query.applicantSnapshotId),
          today,
        });
        if (!checked.ok) return checked;
        const card: RepresentativeCard = { snapshotId: main.nextId(), ...checked.value };
        main.representatives.set(card.snapshotId, { query, card });
        return ok(card);
      },
    },
    submissions: {
      submitDraft: createFakeSubmitDraft(main, drafts.store, { state: submitState, problemCode: options.refusalCode ?? 'validation-failed' }, signing.sign),
      list: listApplications(main),
    },
    system: {
      async about() {
        return ok({ version: '0.1.0-test', host: 'browser', backend: { mode: options.backendMode ?? 'embedded', url: 'http://127.0.0.1:0' }, trainingMode: options.trainingMode ?? false, adminConfigFile: '/etc/psc-workstation/admin.json', keyStoreWarning: options.keyStoreWarning ?? false, language });
      },
      async storage() {
        return ok(options.storage ?? { state: { kind: 'ok' }, damage: [], openedAt: `${today}T03:00:00.000Z` });
      },
      async setLanguage(next) {
        language = next;
        return ok(next);
      },
    },
    settings: settingsArea.api,
    drafts: drafts.api,
    scanning: scanning.api,
    signing: signing.api,
    queue: queue.api,
    receipts: createFakeReceipts(main),
    status: status.api,
    questionnaire: questionnaire.api,
    journal: journal.api,
    diagnostics: diagnostics.api,
    printing: printing.api,
  };

  const api = createContractClient((area, method, args) => {
    calls.push({ area, method, args });
    return dispatchContractCall(impl, area, method, args);
  });

  return {
    api,
    impl,
    calls,
    drafts: drafts.store,
    scanner: scanning.controller,
    signing: signing.controller,
    queue: queue.controller,
    status: status.controller,
    journal: journal.controller,
    questionnaire: questionnaire.controller,
    diagnostics: diagnostics.controller,
    settings: settingsArea.controller,
    printing: printing.controller,
    expireSession() {
      operator = null;
    },
    callsTo: (area, method) => calls.filter((call) => call.area === area && call.method === method),
  };
}
