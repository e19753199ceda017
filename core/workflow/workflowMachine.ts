import type { Result } from '../result';
import type { WorkflowProfile, WorkflowStep } from './workflowProfiles';

/** Why an application ended before it was submitted. */
export type StopReason =
  /** W3-F: the applicant (or, [14], the notarised PoA) is not in the registry: «деректерді алудың мүмкін еместігі». */
  | 'data-cannot-be-obtained'
  /** The registry lists the applicant as not active (deceased person, liquidated or suspended entity). */
  | 'applicant-not-eligible';

export type WorkflowState =
  | { readonly status: 'in-progress'; readonly step: WorkflowStep; readonly completed: ReadonlySet<WorkflowStep> }
  | { readonly status: 'stopped'; readonly reason: StopReason }
  | { readonly status: 'done' };

export type WorkflowEvent =
  | { readonly type: 'service-chosen' }
  | { readonly type: 'applicant-found' }
  | { readonly type: 'applicant-not-found' }
  | { readonly type: 'applicant-not-eligible' }
  /** [14] only: a notarised PoA that БНАЖ does not confirm stops the application like a missing applicant. */
  | { readonly type: 'power-of-attorney-not-found' }
  | { readonly type: 'documents-ready' }
  | { readonly type: 'signed' }
  | { readonly type: 'submitted' }
  | { readonly type: 'receipt-handed-over' }
  /** Back to an earlier step (to correct something); later steps must be done again. */
  | { readonly type: 'go-back'; readonly step: WorkflowStep };

export type WorkflowRefusal = { readonly kind: 'not-allowed'; readonly event: WorkflowEvent['type']; readonly at: WorkflowState['status'] | WorkflowStep };

/** Which step an event completes. */
const COMPLETES: Partial<Record<WorkflowEvent['type'], WorkflowStep>> = {
  'service-chosen': 'service',
  'applicant-found': 'applicant',
  'documents-ready': 'documents',
  signed: 'sign',
  submitted: 'submit',
  'receipt-handed-over': 'receipt',
};

export function startWorkflow(profile: WorkflowProfile): WorkflowState {
  return { status: 'in-progress', step: profile.steps[0]!, completed: new Set() };
}

/**
 * The next state, or a refusal when the event does not fit the current step of this profile
 * (for example `signed` in a provider profile, which has no signing step, or `submitted`
 * before the documents are attached).
 */
export function advance(profile: WorkflowProfile, state: WorkflowState, event: WorkflowEvent): Result<WorkflowState, WorkflowRefusal> {
  const refuse = (): Result<WorkflowState, WorkflowRefusal> => ({
    ok: false,
    error: { kind: 'not-allowed', event: event.type, at: state.status === 'in-progress' ? state.step : state.status },
  });
  if (state.status !== 'in-progress') return refuse();

  switch (event.type) {
    case 'applicant-not-found':
      return state.step === 'applicant' ? { ok: true, value: { status: 'stopped', reason: 'data-cannot-be-obtained' } } : refuse();
    case 'power-of-attorney-not-found':
      return state.step === 'applicant' && profile.representative === 'notarised-poa-checked'
        ? { ok: true, value: { status: 'stopped', reason: 'data-cannot-be-obtained' } }
        : refuse();
    case 'applicant-not-eligible':
      return state.step === 'applicant' ? { ok: true, value: { status: 'stopped', reason: 'applicant-not-eligible' } } : refuse();
    case 'go-back': {
      const target = profile.steps.indexOf(event.step);
      const current = profile.steps.indexOf(state.step);
      if (target < 0 || target > current) return refuse();
      const completed = new Set(profile.steps.slice(0, target));
      return { ok: true, value: { status: 'in-progress', step: event.step, completed } };
    }
    case 'service-chosen':
    case 'applicant-found':
    case 'documents-ready':
    case 'signed':
    case 'submitted':
    case 'receipt-handed-over': {
      const step = COMPLETES[event.type];
      if (step !== state.step) return refuse();
      const completed = new Set(state.completed).add(step);
      const next = profile.steps[profile.steps.indexOf(step) + 1];
      return { ok: true, value: next ? { status: 'in-progress', step: next, completed } : { status: 'done' } };
    }
  }
}

/** Steps the operator may open now: every completed step and the current one. */
export function reachableSteps(profile: WorkflowProfile, state: WorkflowState): readonly WorkflowStep[] {
  if (state.status !== 'in-progress') return [];
  return profile.steps.filter((s) => state.completed.has(s) || s === state.step);
}
