import { describe, expect, it } from 'vitest';
import { advance, reachableSteps, startWorkflow, type WorkflowEvent, type WorkflowState } from './workflowMachine';
import { WORKFLOW_PROFILES, type WorkflowProfile } from './workflowProfiles';

/** Applies events in order, failing the test on the first refusal. */
function run(profile: WorkflowProfile, events: readonly WorkflowEvent[]): WorkflowState {
  return events.reduce((state, event) => {
    const next = advance(profile, state, event);
    if (!next.ok) throw new Error(`refused ${event.type} at ${next.error.at}`);
    return next.value;
  }, startWorkflow(profile));
}

const HAPPY_PSC: WorkflowEvent[] = [{ type: 'service-chosen' }, { type: 'applicant-found' }, { type: 'documents-ready' }, { type: 'signed' }, { type: 'submitted' }];

describe('PSC 2014 profile (seed 002_9149a4a58fa77cb3.txt, Diagram No. 2)', () => {
  const profile = WORKFLOW_PROFILES['psc-2014'];

  it('runs service → applicant → documents → EDS → submit → receipt (processes 2–7; тізілімдеме per W7)', () => {
    const afterSubmit = run(profile, HAPPY_PSC);
    expect(afterSubmit).toMatchObject({ status: 'in-progress', step: 'receipt' });
    expect(run(profile, [...HAPPY_PSC, { type: 'receipt-handed-over' }])).toEqual({ status: 'done' });
  });

  it('stops with "data cannot be obtained" when the notarised PoA is not in БНАЖ (condition 1 covers the PoA in [14])', () => {
    expect(run(profile, [{ type: 'service-chosen' }, { type: 'power-of-attorney-not-found' }])).toEqual({
      status: 'stopped',
      reason: 'data-cannot-be-obtained',
    });
  });

  it('checks a notarised PoA and leaves other PoAs unchecked (process 2: «сенімхат басқаша расталған кезде … толтырылмайды»)', () => {
    expect(profile.representative).toBe('notarised-poa-checked');
  });
});

describe('PSC 2012 profile (seed 000_633c90a07688dd66.txt, Diagram No. 2)', () => {
  const profile = WORKFLOW_PROFILES['psc-2012'];

  it('has the operator certify with EDS before sending, and no receipt step (W4, W5; тізілімдеме is [14] only)', () => {
    expect(run(profile, HAPPY_PSC)).toEqual({ status: 'done' });
    expect(profile.receipt).toBe(false);
  });

  it('queries the representative but regulates no PoA, so a PoA miss is not an event here', () => {
    const atApplicant = run(profile, [{ type: 'service-chosen' }]);
    expect(advance(profile, atApplicant, { type: 'power-of-attorney-not-found' })).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(profile.representative).toBe('registry-only');
  });

  it('stops when the applicant is not found (1-шарт → 4-үдеріс, no manual override)', () => {
    expect(run(profile, [{ type: 'service-chosen' }, { type: 'applicant-not-found' }])).toEqual({ status: 'stopped', reason: 'data-cannot-be-obtained' });
  });
});

describe('provider employee profile (seeds 001_…, 003_…, 004_…, Diagram No. 2 through the provider)', () => {
  const profile = WORKFLOW_PROFILES.provider;

  it('has no signing and no separate send step: documents are followed by registration (W4 "[P]: no signing step")', () => {
    const atDocuments = run(profile, [{ type: 'service-chosen' }, { type: 'applicant-found' }]);
    expect(advance(profile, atDocuments, { type: 'signed' })).toMatchObject({ ok: false });
    expect(run(profile, [{ type: 'service-chosen' }, { type: 'applicant-found' }, { type: 'documents-ready' }, { type: 'submitted' }])).toEqual({ status: 'done' });
  });

  it('ends on a failed login (1-шарт → 2-процесс, 10 s) and has no representative', () => {
    expect(profile.loginFailureIsTerminal).toBe(true);
    expect(profile.representative).toBe('not-regulated');
    expect(profile.operatorEds).toBe(false);
  });
});

describe('the machine in general', () => {
  const profile = WORKFLOW_PROFILES['psc-2014'];

  it('refuses steps out of order and events after a stop', () => {
    const start = startWorkflow(profile);
    expect(advance(profile, start, { type: 'submitted' })).toEqual({ ok: false, error: { kind: 'not-allowed', event: 'submitted', at: 'service' } });
    const stopped = run(profile, [{ type: 'service-chosen' }, { type: 'applicant-not-found' }]);
    expect(advance(profile, stopped, { type: 'applicant-found' })).toEqual({ ok: false, error: { kind: 'not-allowed', event: 'applicant-found', at: 'stopped' } });
  });

  it('going back re-opens a step and forgets the later ones', () => {
    const atSign = run(profile, HAPPY_PSC.slice(0, 3));
    expect(reachableSteps(profile, atSign)).toEqual(['service', 'applicant', 'documents', 'sign']);
    const back = advance(profile, atSign, { type: 'go-back', step: 'applicant' });
    if (!back.ok) throw new Error('refused');
    expect(back.value).toMatchObject({ status: 'in-progress', step: 'applicant' });
    expect(reachableSteps(profile, back.value)).toEqual(['service', 'applicant']);
    expect(advance(profile, back.value, { type: 'go-back', step: 'documents' })).toMatchObject({ ok: false });
  });
});
