import type { JournalStep, StepMark, VisitKind, VisitTimer } from '../../../core/contract';
import type { SliceCreator } from '../../store/storeTypes';

/** The steps of a hand-over visit (core/contract/journal.ts), the ones the hand-over screen marks. */
export type HandoverStep = Extract<JournalStep, 'find' | 'result' | 'handover' | 'questionnaire'>;

/**
 * The applicant at the counter now, as the journal knows it. A visit id is not citizen data (a fresh
 * UUID that names nobody), so the visit outlives resetCitizenData; the watcher ends an acceptance
 * visit at that wipe because the wipe is the next applicant.
 */
export interface OpenVisit {
  readonly visitId: string;
  readonly kind: VisitKind;
  /** The last step marked (sent, not necessarily answered yet): a repeated mark of it is not sent again. */
  readonly step: JournalStep;
  readonly applicationId: string | null;
  /** Main's answer to the last mark it took; null until the first answer (or when main could not be reached). */
  readonly timer: VisitTimer | null;
  /** This workstation's clock (ms) when `timer` arrived: the seconds are counted on from main's instants. */
  readonly timerReceivedAt: number | null;
}

export interface VisitState {
  readonly visit: OpenVisit | null;
}

export interface VisitActions {
  /** Ends any open visit and opens a new acceptance visit at `step` (the watcher calls it when an application starts). */
  beginAcceptanceVisit(step: JournalStep): void;
  /**
   * The hand-over screen calls it when the operator starts looking for an applicant's result: ends
   * any open visit and opens a hand-over visit at its first step, 'find'.
   */
  beginHandoverVisit(): void;
  /** Marks a hand-over step (opening a hand-over visit first if none is open). */
  markHandoverStep(step: HandoverStep, applicationId: string | null): void;
  /** Marks `step` on the open visit, whatever its kind; nothing without an open visit. */
  markVisitStep(step: JournalStep, applicationId?: string | null): void;
  /** Tells main the visit is over and forgets it here. Idempotent; nothing without an open visit. */
  endVisit(): void;
  /** Resolves once every mark sent so far has been answered (tests; nothing waits on it at the counter). */
  settleVisitMarks(): Promise<void>;
}

export type VisitSlice = VisitState & VisitActions;

export const visitInitialState: VisitState = { visit: null };

/**
 * Marking never blocks or breaks the operator's work: nothing awaits a mark, and a refusal, an
 * expired session or a lost host is dropped silently (and nothing about the applicant is logged).
 * Marks go to main one at a time, in the order the operator reached the steps, because main
 * stamps each with its own clock when it takes it.
 */
export const createVisitSlice: SliceCreator<VisitSlice> = ({ set, get, api }) => {
  let queue: Promise<void> = Promise.resolve();

  const send = (mark: StepMark) => {
    queue = queue.then(async () => {
      try {
        const result = await api.journal.markStep(mark);
        const current = get().visit;
        if (result.ok && current?.visitId === mark.visitId) {
          set({ visit: { ...current, timer: result.value, timerReceivedAt: Date.now() } });
        }
      } catch {
        // Deliberately silent: the journal is a measurement, the applicant's application comes first.
      }
    });
  };

  // An acceptance visit is about the service being chosen in the wizard; a hand-over's service comes from its application.
  const serviceOf = (kind: VisitKind): string | null => (kind === 'acceptance' ? get().selectedServiceId : null);

  const open = (kind: VisitKind, step: JournalStep, applicationId: string | null) => {
    get().endVisit();
    const visit: OpenVisit = { visitId: crypto.randomUUID(), kind, step, applicationId, timer: null, timerReceivedAt: null };
    set({ visit });
    send({ visitId: visit.visitId, kind, step, applicationId, serviceId: serviceOf(kind) });
  };

  return {
    ...visitInitialState,

    beginAcceptanceVisit(step) {
      open('acceptance', step, null);
    },

    beginHandoverVisit() {
      open('handover', 'find', null);
    },

    markHandoverStep(step, applicationId) {
      if (get().visit?.kind !== 'handover') open('handover', step, applicationId);
      else get().markVisitStep(step, applicationId);
    },

    markVisitStep(step, applicationId) {
      const visit = get().visit;
      if (!visit) return;
      const nextApplicationId = applicationId ?? visit.applicationId;
      if (visit.step === step && visit.applicationId === nextApplicationId) return;
      set({ visit: { ...visit, step, applicationId: nextApplicationId } });
      send({ visitId: visit.visitId, kind: visit.kind, step, applicationId: nextApplicationId, serviceId: serviceOf(visit.kind) });
    },

    endVisit() {
      const visit = get().visit;
      if (!visit) return;
      set({ visit: null });
      // Not queued behind the marks: at logout it must reach main while the session is still open.
      api.journal.endVisit(visit.visitId).catch(() => undefined);
    },

    settleVisitMarks() {
      return queue;
    },
  };
};
