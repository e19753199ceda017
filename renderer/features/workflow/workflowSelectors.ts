import type { WorkstationState } from '../../store/storeTypes';
import { selectIsApplicantAccepted } from '../applicant/applicantSelectors';
import { selectIsServiceChosen } from '../catalog/catalogSelectors';
import { selectIsRepresentativeSettled } from '../representative/representativeSelectors';
import { nextStepOf, type ApplicationStep } from './applicationSteps';

export const selectView = (state: WorkstationState) => state.view;
export const selectCurrentStep = (state: WorkstationState): ApplicationStep => state.step;

/** Submitted: the result screen shows and the draft can no longer change. */
export function selectIsApplicationFinished(state: WorkstationState): boolean {
  return state.submission.kind === 'done';
}

/** W2–W3 complete: service chosen, applicant accepted, and the representative (if any) checked. */
function isApplicantStepDone(state: WorkstationState): boolean {
  return selectIsServiceChosen(state) && selectIsApplicantAccepted(state) && selectIsRepresentativeSettled(state);
}

/** Whether every step before `step` is complete, so the operator may open it. */
export function selectIsStepReachable(state: WorkstationState, step: ApplicationStep): boolean {
  if (selectIsApplicationFinished(state)) return false;
  switch (step) {
    case 'service':
      return true;
    case 'applicant':
      return selectIsServiceChosen(state);
    case 'documents':
      return isApplicantStepDone(state);
    case 'review':
      return isApplicantStepDone(state) && state.documents.length > 0;
  }
}

/** Whether the current step is complete, i.e. its Next button may be pressed. */
export function selectCanAdvance(state: WorkstationState): boolean {
  const next = nextStepOf(state.step);
  return next !== null && selectIsStepReachable(state, next);
}

/** A step is done once the step after it may be opened (the last one, once submitted). */
export function selectIsStepDone(state: WorkstationState, step: ApplicationStep): boolean {
  if (selectIsApplicationFinished(state)) return true;
  const next = nextStepOf(step);
  return next !== null && selectIsStepReachable(state, next);
}

/** The draft holds something of the applicant: leaving it by accident would lose work. */
export function selectHasDraft(state: WorkstationState): boolean {
  return !selectIsApplicationFinished(state) && (state.lookup.kind !== 'idle' || state.identifierInput !== '' || state.documents.length > 0);
}
