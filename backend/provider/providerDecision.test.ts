import { describe, expect, it } from 'vitest';
import { FIXTURE_IDS } from '../fixtures';
import { planDecision } from './providerDecision';

const REASON = { kk: 'Біліктілік талаптарына сәйкес келмейді', ru: 'Не соответствует квалификационным требованиям' };
const REFUSALS = new Map([
  [FIXTURE_IDS.refusedApplicant as string, REASON],
  [FIXTURE_IDS.refusedCompany as string, REASON],
]);

describe('planDecision', () => {
  it('issues the document of the subtype: licence, re-issued licence, duplicate', () => {
    const applicant = { kind: 'individual', iin: FIXTURE_IDS.activeMan } as const;
    expect(planDecision({ applicant, subtype: 'issue' }, REFUSALS)).toEqual({ outcome: 'issued', document: 'licence' });
    expect(planDecision({ applicant, subtype: 'reissue' }, REFUSALS)).toEqual({ outcome: 'issued', document: 'reissued-licence' });
    expect(planDecision({ applicant, subtype: 'duplicate' }, REFUSALS)).toEqual({ outcome: 'issued', document: 'duplicate' });
  });

  it('refuses a marked individual or legal entity, whatever the subtype, with the fixture reason', () => {
    for (const subtype of ['issue', 'reissue', 'duplicate'] as const) {
      expect(planDecision({ applicant: { kind: 'individual', iin: FIXTURE_IDS.refusedApplicant }, subtype }, REFUSALS)).toEqual({ outcome: 'refused', reason: REASON });
      expect(planDecision({ applicant: { kind: 'legal-entity', bin: FIXTURE_IDS.refusedCompany }, subtype }, REFUSALS)).toEqual({ outcome: 'refused', reason: REASON });
    }
  });

  it('issues to everyone when no refusals are configured', () => {
    expect(planDecision({ applicant: { kind: 'individual', iin: FIXTURE_IDS.refusedApplicant }, subtype: 'issue' }, new Map())).toMatchObject({ outcome: 'issued' });
  });
});
