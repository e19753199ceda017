import { describe, expect, it } from 'vitest';
import type { StepTime } from '../contract/journal';
import { median, summarizeSteps } from './summarizeSteps';

const step = (name: StepTime['step'], seconds: number | null, overNorm = false): StepTime => ({ step: name, startedAt: '2026-11-20T05:00:00.000Z', seconds, norm: null, overNorm });

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('summarizeSteps', () => {
  it('counts finished steps per step in contract order, with median, max and over-norm count', () => {
    const summary = summarizeSteps([
      { steps: [step('documents', 40, true), step('service', 10), step('documents', 10)] },
      { steps: [step('service', 30, true), step('service', 20), step('review', null)] },
    ]);
    expect(summary).toEqual([
      { step: 'service', count: 3, medianSeconds: 20, maxSeconds: 30, overNorm: 1 },
      { step: 'documents', count: 2, medianSeconds: 25, maxSeconds: 40, overNorm: 1 },
    ]);
  });
});
