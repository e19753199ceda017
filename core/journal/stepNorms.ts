/**
 * Which action-table norm times a journal step, and which counter budget bounds a visit.
 * The action table (regulations.md §3.2) prints norms for W2 service + form, W3 lookup, W4
 * documents and W5 send; the receipt, questionnaire and the hand-over steps have none, but they
 * still count toward the visit's budget ([14] W0/W9: 15 minutes to take a request, 15 to hand a
 * result over).
 */
import type { CatalogEntry, NormDuration, StepNorms } from '../catalog/catalogSchema';
import type { JournalStep, VisitKind } from '../contract/journal';

export interface StepNorm {
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

/** The action-table row each step is timed against; null where the table has no row for it. */
export const NORM_OF_STEP: { readonly [S in JournalStep]: keyof StepNorms | null } = {
  service: 'service',
  applicant: 'lookup',
  documents: 'documents',
  review: 'send',
  receipt: null,
  find: null,
  result: null,
  handover: null,
  questionnaire: null,
};

/** The norm of `step` for the service, or null (no row, none printed, or the service is not known). */
export function normForStep(entry: Pick<CatalogEntry, 'stepNorms'> | null, step: JournalStep): StepNorm | null {
  const row = NORM_OF_STEP[step];
  if (entry === null || row === null) return null;
  const norm: NormDuration | null = entry.stepNorms[row];
  return norm === null ? null : { minSeconds: norm.minSeconds, maxSeconds: norm.maxSeconds };
}

/** Minutes the regulation allows for the whole visit, or null where it states none (or the service is not known). */
export function budgetForVisit(entry: Pick<CatalogEntry, 'counterLimits'> | null, kind: VisitKind): number | null {
  if (entry === null) return null;
  return kind === 'acceptance' ? entry.counterLimits.requestProcessingMinutes : entry.counterLimits.resultHandoverMinutes;
}
