import type { WorkstationState } from '../../store/storeTypes';
import { selectIsApplicantAccepted } from '../applicant/applicantSelectors';
import { selectIsServiceChosen } from '../catalog/catalogSelectors';
import { selectAreDraftPartiesRecorded, selectIsDraftApplicantKept, selectIsDraftForChosenService } from '../draft/draftSelectors';
import { selectIsRepresentativeSettled } from '../representative/representativeSelectors';
import { nextStepOf, type ApplicationStep } from './applicationSteps';

export const selectView = (state: WorkstationState) => state.view;
export const selectCurrentStep = (state: WorkstationState): ApplicationStep => state.step;

/** Submitted: the result screen shows and the draft can no longer change. */
export function selectIsApplicationFinished(state: WorkstationState): boolean {
  return state.submission.kind === 'done';
}

/** Something is under way in main that the next step must wait for: opening the draft, recording parties, a scan or an import. */
export function selectIsDraftBusy(state: WorkstationState): boolean {
  return (
    state.draftActivity.kind !== 'idle' ||
    state.documentActivity.kind !== 'idle' ||
    state.scanRun.kind === 'starting' ||
    state.scanRun.kind === 'running'
  );
}

/** W3 complete: the applicant accepted and the representative (if any) checked, or kept from a continued draft. */
function isApplicantComplete(state: WorkstationState): boolean {
  return (selectIsApplicantAccepted(state) && selectIsRepresentativeSettled(state)) || selectIsDraftApplicantKept(state);
}

function areDocumentsComplete(state: WorkstationState): boolean {
  return state.draft !== null && state.draft.missingRequiredSlots.length === 0;
}

/** What the operator has to do on `step` is done; its Next then brings main's draft in line and moves on. */
export function selectIsStepComplete(state: WorkstationState, step: ApplicationStep): boolean {
  switch (step) {
    case 'service':
      return selectIsServiceChosen(state);
    case 'applicant':
      return isApplicantComplete(state);
    case 'documents':
      return areDocumentsComplete(state);
    case 'review':
      return selectIsApplicationFinished(state);
  }
}

/**
 * Whether every step before `step` is complete and main's draft reflects it (opened for the chosen
 * service, naming the checked applicant), so the operator may open it from the step bar.
 */
export function selectIsStepReachable(state: WorkstationState, step: ApplicationStep): boolean {
  if (selectIsApplicationFinished(state)) return false;
  switch (step) {
    case 'service':
      return true;
    case 'applicant':
      return selectIsServiceChosen(state) && selectIsDraftForChosenService(state);
    case 'documents':
      return selectIsStepReachable(state, 'applicant') && isApplicantComplete(state) && selectAreDraftPartiesRecorded(state);
    case 'review':
      return selectIsStepReachable(state, 'documents') && areDocumentsComplete(state);
  }
}

/** Whether the current step's Next may be pressed: its work is done and nothing is still under way. */
export function selectCanAdvance(state: WorkstationState): boolean {
  return nextStepOf(state.step) !== null && selectIsStepComplete(state, state.step) && !selectIsDraftBusy(state);
}

/** A step is done once the step after it may be opened (the last one, once submitted). */
export function selectIsStepDone(state: WorkstationState, step: ApplicationStep): boolean {
  if (selectIsApplicationFinished(state)) return true;
  const next = nextStepOf(step);
  return next !== null && selectIsStepReachable(state, next);
}

/** The application holds something of the applicant: leaving it by accident would lose work. */
export function selectHasDraft(state: WorkstationState): boolean {
  return !selectIsApplicationFinished(state) && (state.draft !== null || state.lookup.kind !== 'idle' || state.identifierInput !== '');
}
