/**
 * The journal and norm timers (issue #7 item 5). Every counter visit — taking an application, or
 * handing a result over — is timed step by step against the norm of the regulation's action table
 * and the 15-minute budget ([14] W0/W9). The renderer marks each step as the operator reaches it;
 * main stamps the time with its clock, so the journal never trusts the renderer's. The supervisor
 * sees a day/operator/service report and exports it as CSV. The journal holds numbers, statuses
 * and times — never an applicant's IIN or name.
 */
import { z } from 'zod';
import type { Result } from '../result';
import type { ApplicationStatus } from '../backendApi/wire';
import type { NotSignedIn } from './common';
import { entityIdSchema } from './common';

export const visitKindSchema = z.enum(['acceptance', 'handover']);
export type VisitKind = z.infer<typeof visitKindSchema>;

/**
 * Steps of a visit. Acceptance: service → applicant → documents → review (sign and send) → receipt
 * → questionnaire. Hand-over: find → result → handover → questionnaire.
 */
export const journalStepSchema = z.enum(['service', 'applicant', 'documents', 'review', 'receipt', 'find', 'result', 'handover', 'questionnaire']);
export type JournalStep = z.infer<typeof journalStepSchema>;

export const stepMarkSchema = z.object({
  /** Made by the renderer when the visit starts (a fresh UUID per applicant at the counter). */
  visitId: entityIdSchema,
  kind: visitKindSchema,
  step: journalStepSchema,
  /** The application the visit is about, once there is one; links the visit to its service and status. */
  applicationId: entityIdSchema.nullable(),
  /**
   * The service chosen for the visit, as soon as the operator has chosen it (before any application
   * exists), so the timer can show the step's norm from the first step. The linked application's
   * service wins once there is one.
   */
  serviceId: z.string().min(1).max(100).nullable(),
});
export type StepMark = z.infer<typeof stepMarkSchema>;

/** What the discreet timer needs; the renderer counts the seconds itself from these instants. */
export interface VisitTimer {
  readonly visitId: string;
  readonly visitStartedAt: string;
  readonly step: JournalStep;
  readonly stepStartedAt: string;
  /** The action-table norm of this step for the visit's service; null where none is printed or the service is not known yet. */
  readonly stepNorm: { readonly minSeconds: number; readonly maxSeconds: number } | null;
  /** The regulation's budget for the whole visit (15 minutes), null where it states none. */
  readonly budgetMinutes: number | null;
}

const isoDate = z.iso.date();
export const journalFilterSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    operatorId: z.string().min(1).max(64).nullable(),
    serviceId: z.string().min(1).max(100).nullable(),
  })
  .refine((f) => f.from <= f.to, { message: 'from after to', path: ['to'] });
export type JournalFilter = z.infer<typeof journalFilterSchema>;

export const journalExportSchema = z.enum(['visits', 'questionnaire']);
export type JournalExportKind = z.infer<typeof journalExportSchema>;

export interface StepTime {
  readonly step: JournalStep;
  readonly startedAt: string;
  /** Null while the step is still open (the visit is in progress or was abandoned there). */
  readonly seconds: number | null;
  readonly norm: { readonly minSeconds: number; readonly maxSeconds: number } | null;
  readonly overNorm: boolean;
}

export interface JournalVisit {
  readonly visitId: string;
  readonly kind: VisitKind;
  readonly operatorId: string;
  readonly operatorName: string;
  readonly serviceId: string | null;
  readonly applicationId: string | null;
  readonly localNumber: string | null;
  readonly registrationNumber: string | null;
  /** The application's provider status, 'accepted' while it waits in the queue, null for a visit without an application. */
  readonly status: ApplicationStatus | 'accepted' | 'withdrawn' | 'needs-attention' | 'handed-over' | null;
  readonly startedAt: string;
  readonly totalSeconds: number | null;
  readonly budgetMinutes: number | null;
  readonly overBudget: boolean;
  readonly steps: readonly StepTime[];
}

export interface StepSummary {
  readonly step: JournalStep;
  readonly count: number;
  readonly medianSeconds: number;
  readonly maxSeconds: number;
  /** How many of them took longer than the norm's upper bound. */
  readonly overNorm: number;
}

export interface QuestionnaireTally {
  readonly serviceId: string;
  readonly question: 'quality' | 'accessibility';
  /** Answers 0, 1, 2 (not satisfied, partly, satisfied). */
  readonly counts: readonly [number, number, number];
}

export interface JournalReport {
  readonly filter: JournalFilter;
  /** Applications accepted in the range by provider/local status, e.g. { registered: 3, issued: 1 }. */
  readonly countsByStatus: Readonly<Record<string, number>>;
  readonly visits: readonly JournalVisit[];
  readonly steps: readonly StepSummary[];
  readonly questionnaire: readonly QuestionnaireTally[];
  /** Operators seen in the journal (for the filter). */
  readonly operators: readonly { readonly operatorId: string; readonly operatorName: string }[];
}

export interface JournalCsv {
  readonly fileName: string;
  /** UTF-8 with BOM, `;`-separated (what spreadsheet programs in kk/ru locales open directly). */
  readonly csv: string;
}

export type JournalError = NotSignedIn | { readonly kind: 'not-supervisor' };

export interface JournalApi {
  /** Marks that the visit has reached `step` now: closes the step before it and starts this one. */
  markStep(mark: StepMark): Promise<Result<VisitTimer, NotSignedIn | { readonly kind: 'visit-closed' }>>;
  /** The visit is over (next applicant, logout): closes its open step. Idempotent. */
  endVisit(visitId: string): Promise<Result<null, NotSignedIn>>;
  /** Supervisors: the journal for a range of days (Kazakhstan time), one operator and/or one service. */
  report(filter: JournalFilter): Promise<Result<JournalReport, JournalError>>;
  /** Supervisors: the same as CSV — one row per visit step, or the questionnaire answers. */
  exportCsv(filter: JournalFilter, kind: JournalExportKind): Promise<Result<JournalCsv, JournalError>>;
}
