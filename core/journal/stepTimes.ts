/**
 * Step durations of one visit from its step marks. Each mark closes the step open before it; the
 * visit's end closes the last one. A mark repeating the step already open is not a new step (the
 * renderer may mark twice, e.g. after a re-render), while going back to an earlier step starts a
 * new timing of that step: the journal measures what the operator did, in order.
 */
import type { JournalStep, StepTime } from '../contract/journal';
import type { StepNorm } from './stepNorms';

export interface MarkAt {
  readonly step: JournalStep;
  /** ISO instant stamped by main's clock. */
  readonly at: string;
}

export interface VisitTiming {
  readonly steps: readonly StepTime[];
  /** From the first mark to the end of the visit; null while the visit is open. */
  readonly totalSeconds: number | null;
  readonly overBudget: boolean;
}

/** Whether a new mark of `step` starts a new step, given the step open now (null: the visit has none yet). */
export function startsNewStep(openStep: JournalStep | null, step: JournalStep): boolean {
  return openStep !== step;
}

/** Whole seconds between two instants; never negative (a clock set back must not produce negative times). */
export function secondsBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
}

/** Over the norm means longer than its upper bound; a step without a norm or still open is never over. */
export function isOverNorm(seconds: number | null, norm: StepNorm | null): boolean {
  return seconds !== null && norm !== null && seconds > norm.maxSeconds;
}

/**
 * Times each step of a visit. `marks` are in the order they were made; `endedAt` is when the visit
 * ended (null while open). `normOf` gives each step's norm for the visit's service.
 */
export function timeVisit(
  marks: readonly MarkAt[],
  endedAt: string | null,
  normOf: (step: JournalStep) => StepNorm | null,
  budgetMinutes: number | null,
): VisitTiming {
  const distinct = marks.filter((mark, i) => i === 0 || startsNewStep(marks[i - 1]!.step, mark.step));
  const steps = distinct.map((mark, i): StepTime => {
    const closedAt = distinct[i + 1]?.at ?? endedAt;
    const seconds = closedAt === null ? null : secondsBetween(mark.at, closedAt);
    const norm = normOf(mark.step);
    return { step: mark.step, startedAt: mark.at, seconds, norm, overNorm: isOverNorm(seconds, norm) };
  });
  const first = distinct[0];
  const totalSeconds = first && endedAt !== null ? secondsBetween(first.at, endedAt) : null;
  return { steps, totalSeconds, overBudget: totalSeconds !== null && budgetMinutes !== null && totalSeconds > budgetMinutes * 60 };
}
