import { describe, expect, it } from 'vitest';
import type { JournalStep } from '../contract/journal';
import { isOverNorm, secondsBetween, startsNewStep, timeVisit } from './stepTimes';

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 5, 0, 0) + seconds * 1000).toISOString();
const norms: Partial<Record<JournalStep, { minSeconds: number; maxSeconds: number }>> = { service: { minSeconds: 30, maxSeconds: 30 }, documents: { minSeconds: 10, maxSeconds: 15 } };
const normOf = (step: JournalStep) => norms[step] ?? null;

describe('timeVisit', () => {
  it('closes each step with the next mark and the last with the end of the visit', () => {
    const timing = timeVisit(
      [{ step: 'service', at: at(0) }, { step: 'applicant', at: at(20) }, { step: 'documents', at: at(50) }, { step: 'review', at: at(70) }],
      at(100), normOf, 15,
    );
    expect(timing.steps.map((s) => [s.step, s.seconds, s.overNorm])).toEqual([
      ['service', 20, false], ['applicant', 30, false], ['documents', 20, true], ['review', 30, false],
    ]);
    expect(timing.steps[2]!.norm).toEqual({ minSeconds: 10, maxSeconds: 15 });
    expect(timing.steps[2]!.startedAt).toBe(at(50));
    expect(timing.totalSeconds).toBe(100);
    expect(timing.overBudget).toBe(false);
  });

  it('ignores a repeated mark of the open step but times a return to an earlier step anew', () => {
    const timing = timeVisit(
      [{ step: 'service', at: at(0) }, { step: 'service', at: at(10) }, { step: 'documents', at: at(40) }, { step: 'service', at: at(45) }, { step: 'documents', at: at(80) }],
      null, normOf, null,
    );
    expect(timing.steps.map((s) => [s.step, s.seconds])).toEqual([['service', 40], ['documents', 5], ['service', 35], ['documents', null]]);
    expect(timing.steps[0]!.overNorm).toBe(true);
  });

  it('leaves the last step and the total open while the visit is open', () => {
    const timing = timeVisit([{ step: 'find', at: at(0) }, { step: 'result', at: at(30) }], null, normOf, 15);
    expect(timing.steps[1]).toMatchObject({ step: 'result', seconds: null, overNorm: false });
    expect(timing).toMatchObject({ totalSeconds: null, overBudget: false });
  });

  it('is over budget only when the visit took longer than the budget', () => {
    const marks = [{ step: 'find' as const, at: at(0) }];
    expect(timeVisit(marks, at(15 * 60), normOf, 15).overBudget).toBe(false);
    expect(timeVisit(marks, at(15 * 60 + 1), normOf, 15).overBudget).toBe(true);
    expect(timeVisit(marks, at(3600), normOf, null).overBudget).toBe(false);
    expect(timeVisit([], at(10), normOf, 15)).toEqual({ steps: [], totalSeconds: null, overBudget: false });
  });
});

describe('step rules', () => {
  it('a mark starts a new step unless that step is already open', () => {
    expect(startsNewStep(null, 'service')).toBe(true);
    expect(startsNewStep('service', 'service')).toBe(false);
    expect(startsNewStep('documents', 'service')).toBe(true);
  });

  it('never counts negative seconds when the clock was set back', () => {
    expect(secondsBetween(at(10), at(0))).toBe(0);
    expect(secondsBetween(at(0), at(1.6))).toBe(2);
  });

  it('is over the norm only above its upper bound', () => {
    expect(isOverNorm(15, { minSeconds: 10, maxSeconds: 15 })).toBe(false);
    expect(isOverNorm(16, { minSeconds: 10, maxSeconds: 15 })).toBe(true);
    expect(isOverNorm(1000, null)).toBe(false);
    expect(isOverNorm(null, { minSeconds: 1, maxSeconds: 1 })).toBe(false);
  });
});
