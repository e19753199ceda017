import type { JournalStep, JournalVisit } from '../../../core/contract';

export interface NormRange {
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

/**
 * The norm of a step across the visits in a report. The report's summary has none of its own
 * because each service's regulation prints its own; one service gives one norm, several give the
 * widest range. Null where no visit of the step had a norm.
 */
export function stepNormRangeOf(visits: readonly JournalVisit[], step: JournalStep): NormRange | null {
  let range: NormRange | null = null;
  for (const visit of visits) {
    for (const time of visit.steps) {
      if (time.step !== step || time.norm === null) continue;
      range = range === null
        ? { minSeconds: time.norm.minSeconds, maxSeconds: time.norm.maxSeconds }
        : { minSeconds: Math.min(range.minSeconds, time.norm.minSeconds), maxSeconds: Math.max(range.maxSeconds, time.norm.maxSeconds) };
    }
  }
  return range;
}
