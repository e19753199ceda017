/** Per-step statistics of the report: how often each step was timed, its median and maximum, and how often it ran over its norm. */
import { journalStepSchema, type JournalVisit, type StepSummary } from '../contract/journal';

/** Median of a non-empty list; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Only finished steps count (an open step has no duration yet); steps never timed are left out; contract order. */
export function summarizeSteps(visits: readonly Pick<JournalVisit, 'steps'>[]): StepSummary[] {
  const byStep = new Map<string, { seconds: number[]; overNorm: number }>();
  for (const visit of visits) {
    for (const step of visit.steps) {
      if (step.seconds === null) continue;
      const entry = byStep.get(step.step) ?? { seconds: [], overNorm: 0 };
      entry.seconds.push(step.seconds);
      if (step.overNorm) entry.overNorm += 1;
      byStep.set(step.step, entry);
    }
  }
  return journalStepSchema.options.flatMap((step) => {
    const entry = byStep.get(step);
    if (!entry) return [];
    return [{ step, count: entry.seconds.length, medianSeconds: median(entry.seconds), maxSeconds: Math.max(...entry.seconds), overNorm: entry.overNorm }];
  });
}
