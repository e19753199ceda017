/**
 * The fake status area: main's StatusService over the fake journal. The test plays the provider
 * (`controller.provider(…)`: what the backend would answer) and main's own poller
 * (`controller.poll(…)`: main asks the backend and stores the answer). `refresh` asks "the backend"
 * at once, `result` fetches the PDF once and marks it stored, `handOver` enforces the contract's
 * rule: only ready-for-handover with the result stored here, and only once.
 */
import type { ApplicationSummary, HandOverError, ProviderDecision, ProviderStatus, StatusApi, StatusEvent, StatusTracking } from '../../core/contract';
import { err, ok, type Result } from '../../core/result';
import { tinyPdf } from './fakeReceipts';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

/** What the provider has decided so far about one application, as the backend would report it. */
export interface FakeProviderView {
  readonly status: ProviderStatus;
  readonly decision?: ProviderDecision | null;
  /** Whether GET …/result has a document; by default once issued, refused or ready for hand-over. */
  readonly resultAvailable?: boolean;
}

export interface FakeStatusController {
  /** The backend's answer from now on (history grows by this status); main learns it at its next poll or refresh. */
  provider(applicationId: string, view: FakeProviderView): void;
  /** Main's poller asks the backend about this application now and stores the answer. */
  poll(applicationId: string): ApplicationSummary;
  /** provider() then poll(): the status is already known here, as after main's background poll. */
  track(applicationId: string, view: FakeProviderView): ApplicationSummary;
  /** The backend cannot be reached: refresh and uncached result fetches answer backend-unavailable. */
  setBackendAvailable(isAvailable: boolean): void;
  /**
   * Main's retention purge removed the applicant's personal data at `at` (ApplicationSummary.purgedAt):
   * numbers, statuses and hand-over stay; refresh and result answer not-found from then on.
   */
  purge(applicationId: string, at: string): ApplicationSummary;
}

export interface FakeStatus {
  readonly api: StatusApi;
  readonly controller: FakeStatusController;
}

interface ProviderRecord {
  readonly history: StatusEvent[];
  decision: ProviderDecision | null;
  resultAvailable: boolean;
}

const DECIDED: readonly ProviderStatus[] = ['issued', 'refused', 'ready-for-handover'];
const NOT_FOUND = { kind: 'not-found' } as const;

/** An issued licence, as the fake provider decides it. */
export function fakeLicenceDecision(decidedAt: string, document: 'licence' | 'reissued-licence' | 'duplicate' = 'licence'): ProviderDecision {
  return { outcome: 'issued', document, licenceNumber: 'LIC-25-000123', decidedAt };
}

export const FAKE_REFUSAL_REASON = {
  kk: 'Ұсынылған құжаттар біліктілік талаптарына сәйкес келмейді.',
  ru: 'Представленные документы не соответствуют квалификационным требованиям.',
} as const;

export function fakeRefusalDecision(decidedAt: string): ProviderDecision {
  return { outcome: 'refused', reason: FAKE_REFUSAL_REASON, decidedAt };
}

export function resultFileNameOf(application: ApplicationSummary): string {
  return `result-${(application.registrationNumber ?? application.localNumber).replace(/[^0-9A-Za-z-]+/g, '_')}.pdf`;
}

export function createFakeStatus(main: FakeMain): FakeStatus {
  const providers = new Map<string, ProviderRecord>();
  let isBackendAvailable = true;

  function find(applicationId: string): ApplicationSummary | undefined {
    return main.applications.find((candidate) => candidate.applicationId === applicationId);
  }

  function replace(next: ApplicationSummary): ApplicationSummary {
    const index = main.applications.findIndex((candidate) => candidate.applicationId === next.applicationId);
    main.applications[index] = next;
    return next;
  }

  /** Every registered application has at least the backend's "registered" event. */
  function providerOf(application: ApplicationSummary): ProviderRecord {
    let record = providers.get(application.applicationId);
    if (!record) {
      record = { history: [{ status: 'registered', at: application.registeredAt ?? main.now() }], decision: null, resultAvailable: false };
      providers.set(application.applicationId, record);
    }
    return record;
  }

  /** What main stores after the backend answered: status, history, decision, result availability. */
  function learn(application: ApplicationSummary): ApplicationSummary {
    const record = providerOf(application);
    const status = record.history[record.history.length - 1]!.status;
    const tracking: StatusTracking = {
      status,
      history: [...record.history],
      decision: record.decision,
      resultAvailable: record.resultAvailable,
      resultStored: application.tracking?.resultStored ?? false,
      checkedAt: main.now(),
      nextCheckAt: application.handOver === null ? new Date(Date.parse(main.now()) + 60_000).toISOString() : null,
    };
    return replace({ ...application, tracking });
  }

  function registered(applicationId: string): Result<ApplicationSummary, { kind: 'not-found' } | { kind: 'not-registered' }> {
    const application = find(applicationId);
    if (!application || application.purgedAt !== null) return err(NOT_FOUND);
    if (application.state !== 'registered') return err({ kind: 'not-registered' });
    return ok(application);
  }

  const controller: FakeStatusController = {
    provider(applicationId, view) {
      const application = find(applicationId);
      if (!application || application.state !== 'registered') throw new Error(`fake status: ${applicationId} is not registered`);
      const record = providerOf(application);
      const last = record.history[record.history.length - 1]!;
      if (last.status !== view.status) record.history.push({ status: view.status, at: main.now() });
      if (view.decision !== undefined) record.decision = view.decision;
      record.resultAvailable = view.resultAvailable ?? DECIDED.includes(view.status);
    },
    poll(applicationId) {
      const application = find(applicationId);
      if (!application) throw new Error(`fake status: no application ${applicationId}`);
      return learn(application);
    },
    track(applicationId, view) {
      controller.provider(applicationId, view);
      return controller.poll(applicationId);
    },
    setBackendAvailable(isAvailable) {
      isBackendAvailable = isAvailable;
    },
    purge(applicationId, at) {
      const application = find(applicationId);
      if (!application) throw new Error(`fake status: no application ${applicationId}`);
      const applicant = application.applicant.kind === 'individual' ? { kind: 'individual' as const, iin: '', displayName: '' } : { kind: 'legal-entity' as const, bin: '', displayName: '' };
      const tracking = application.tracking && {
        ...application.tracking,
        decision: application.tracking.decision?.outcome === 'issued' ? application.tracking.decision : null,
        resultAvailable: false,
        resultStored: false,
        nextCheckAt: null,
      };
      return replace({ ...application, applicant, representative: null, documents: [], tracking, purgedAt: at });
    },
  };

  const api: StatusApi = {
    async refresh(applicationId) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      const application = registered(applicationId);
      if (!application.ok) return application;
      if (!isBackendAvailable) return err({ kind: 'backend-unavailable' });
      return ok(learn(application.value));
    },
    async result(applicationId) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      const application = registered(applicationId);
      if (!application.ok) return application;
      const tracking = application.value.tracking;
      if (!tracking?.resultStored) {
        if (!isBackendAvailable) return err({ kind: 'backend-unavailable' });
        if (!providerOf(application.value).resultAvailable) return err({ kind: 'no-result-yet' });
        const known = tracking ? application.value : learn(application.value);
        replace({ ...known, tracking: { ...known.tracking!, resultAvailable: true, resultStored: true } });
      }
      const fileName = resultFileNameOf(application.value);
      return ok({ fileName, pdfBase64: btoa(tinyPdf(`result ${fileName}`)) });
    },
    async find(query) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      const wanted = query.trim().toUpperCase();
      return ok(
        main.applications.filter((application) =>
          [
            application.applicationId.toUpperCase(),
            application.localNumber.toUpperCase(),
            application.registrationNumber?.toUpperCase(),
            application.applicant.kind === 'individual' ? application.applicant.iin : application.applicant.bin,
          ].includes(wanted),
        ),
      );
    },
    async handOver(applicationId): Promise<Result<ApplicationSummary, HandOverError>> {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      const application = find(applicationId);
      if (!application) return err(NOT_FOUND);
      if (application.handOver) return err({ kind: 'already-handed-over', handedOverAt: application.handOver.handedOverAt });
      const tracking = application.tracking;
      if (tracking?.status !== 'ready-for-handover' || !tracking.resultStored) return err({ kind: 'not-ready' });
      return ok(
        replace({
          ...application,
          tracking: { ...tracking, nextCheckAt: null },
          handOver: { handedOverAt: main.now(), operatorId: operator.operatorId, operatorName: operator.fullName },
        }),
      );
    },
  };

  return { api, controller };
}
