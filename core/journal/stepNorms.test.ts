import { describe, expect, it } from 'vitest';
import { budgetForVisit, normForStep } from './stepNorms';

const norm = (min: number, max: number) => ({ minSeconds: min, maxSeconds: max, quoteKk: `${min}-${max}` });
const entry2012 = {
  stepNorms: { login: norm(30, 60), service: norm(30, 30), lookup: norm(31, 31), dataUnavailable: norm(90, 90), documents: norm(32, 32), send: norm(30, 300) },
  counterLimits: { requestProcessingMinutes: null, resultHandoverMinutes: null },
};
const entry2014 = {
  stepNorms: { login: null, service: null, lookup: null, dataUnavailable: null, documents: null, send: null },
  counterLimits: { requestProcessingMinutes: 15, resultHandoverMinutes: 14 },
};

describe('normForStep', () => {
  it('maps service→service, applicant→lookup, documents→documents, review→send', () => {
    expect(normForStep(entry2012, 'service')).toEqual({ minSeconds: 30, maxSeconds: 30 });
    expect(normForStep(entry2012, 'applicant')).toEqual({ minSeconds: 31, maxSeconds: 31 });
    expect(normForStep(entry2012, 'documents')).toEqual({ minSeconds: 32, maxSeconds: 32 });
    expect(normForStep(entry2012, 'review')).toEqual({ minSeconds: 30, maxSeconds: 300 });
  });

  it('has no norm for steps without an action-table row, for a regulation printing none, or an unknown service', () => {
    for (const step of ['receipt', 'find', 'result', 'handover', 'questionnaire'] as const) expect(normForStep(entry2012, step)).toBeNull();
    expect(normForStep(entry2014, 'service')).toBeNull();
    expect(normForStep(null, 'service')).toBeNull();
  });
});

describe('budgetForVisit', () => {
  it('takes request processing for acceptance and result hand-over for hand-over visits', () => {
    expect(budgetForVisit(entry2014, 'acceptance')).toBe(15);
    expect(budgetForVisit(entry2014, 'handover')).toBe(14);
    expect(budgetForVisit(entry2012, 'acceptance')).toBeNull();
    expect(budgetForVisit(null, 'handover')).toBeNull();
  });
});
