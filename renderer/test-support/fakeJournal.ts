/**
 * The fake journal area: main's JournalService in memory. Marks are stamped with main's clock
 * (fakeMain.now, a second per reading); a visit's norms and budget come from the service of its
 * application once there is one (15 minutes until then). The report is empty for the filter unless
 * a test scripts it (`controller.setReport`) to show a screen with chosen figures; only supervisors
 * get it.
 * CSV exports answer a small `;`-separated text that names the filter and the kind.
 */
import type {
  JournalApi,
  JournalCsv,
  JournalReport,
  JournalStep,
  StepMark,
  VisitKind,
  VisitTimer,
} from '../../core/contract';
import type { StepNorms } from '../../core/catalog/catalogSchema';
import { err, ok } from '../../core/result';
import { NOT_SIGNED_IN, type FakeMain } from './fakeMain';

interface FakeVisit {
  readonly visitId: string;
  readonly kind: VisitKind;
  readonly operatorId: string;
  readonly startedAt: string;
  applicationId: string | null;
  serviceId: string | null;
  step: JournalStep;
  stepStartedAt: string;
  isEnded: boolean;
}

export interface FakeJournalController {
  /** Every visit main has seen, in the order it opened them. */
  visits(): readonly { readonly visitId: string; readonly kind: VisitKind; readonly isEnded: boolean; readonly applicationId: string | null }[];
  /** Scripts the report's answer (null: an empty report). */
  setReport(report: JournalReport | null): void;
}

const NORM_OF_STEP: Partial<Record<JournalStep, keyof StepNorms>> = {
  service: 'service',
  applicant: 'lookup',
  documents: 'documents',
  review: 'send',
};

export function createFakeJournal(main: FakeMain): { readonly api: JournalApi; readonly controller: FakeJournalController } {
  const visits = new Map<string, FakeVisit>();
  let scriptedReport: JournalReport | null = null;

  const timerOf = (visit: FakeVisit): VisitTimer => {
    const serviceId = (visit.applicationId ? main.applications.find((a) => a.applicationId === visit.applicationId)?.serviceId : undefined) ?? visit.serviceId;
    const service = serviceId ? main.serviceById(serviceId) : undefined;
    const normKey = NORM_OF_STEP[visit.step];
    const norm = service && normKey ? service.stepNorms[normKey] : null;
    const limits = service?.counterLimits;
    return {
      visitId: visit.visitId,
      visitStartedAt: visit.startedAt,
      step: visit.step,
      stepStartedAt: visit.stepStartedAt,
      stepNorm: norm ? { minSeconds: norm.minSeconds, maxSeconds: norm.maxSeconds } : null,
      // The regulations budget 15 minutes per applicant at the counter (DESIGN.md §1) until the service says otherwise.
      budgetMinutes: (visit.kind === 'acceptance' ? limits?.requestProcessingMinutes : limits?.resultHandoverMinutes) ?? 15,
    };
  };

  const isSupervisor = () => main.operator()?.role === 'supervisor';

  const emptyReport = (filter: JournalReport['filter']): JournalReport => ({
    filter,
    countsByStatus: {},
    visits: [],
    steps: [],
    questionnaire: [],
    operators: [],
  });

  const api: JournalApi = {
    async markStep(mark: StepMark) {
      const operator = main.operator();
      if (!operator) return err(NOT_SIGNED_IN);
      const now = main.now();
      let visit = visits.get(mark.visitId);
      if (visit?.isEnded) return err({ kind: 'visit-closed' });
      if (!visit) {
        visit = { visitId: mark.visitId, kind: mark.kind, operatorId: operator.login, startedAt: now, applicationId: null, serviceId: null, step: mark.step, stepStartedAt: now, isEnded: false };
        visits.set(mark.visitId, visit);
      }
      visit.step = mark.step;
      visit.stepStartedAt = now;
      visit.applicationId = mark.applicationId ?? visit.applicationId;
      visit.serviceId = mark.serviceId ?? visit.serviceId;
      return ok(timerOf(visit));
    },
    async endVisit(visitId) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      const visit = visits.get(visitId);
      if (visit) visit.isEnded = true;
      return ok(null);
    },
    async report(filter) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      if (!isSupervisor()) return err({ kind: 'not-supervisor' });
      return ok(scriptedReport ? { ...scriptedReport, filter } : emptyReport(filter));
    },
    async exportCsv(filter, kind) {
      if (!main.operator()) return err(NOT_SIGNED_IN);
      if (!isSupervisor()) return err({ kind: 'not-supervisor' });
      const csv: JournalCsv = {
        fileName: `journal-${kind}-${filter.from}-${filter.to}.csv`,
        csv: `\uFEFFkind;from;to\n${kind};${filter.from};${filter.to}\n`,
      };
      return ok(csv);
    },
  };

  return {
    api,
    controller: {
      visits: () => [...visits.values()].map(({ visitId, kind, isEnded, applicationId }) => ({ visitId, kind, isEnded, applicationId })),
      setReport(report) {
        scriptedReport = report;
      },
    },
  };
}
