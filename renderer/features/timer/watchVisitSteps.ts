import type { WorkstationState, WorkstationStore } from '../../store/storeTypes';
import { selectIsApplicationFinished } from '../workflow/workflowSelectors';

/**
 * Turns the wizard's movements into journal marks of the acceptance visit, whichever action moved
 * it (Next, the step bar, Alt+←, a draft continued after a crash), so no slice has to remember to.
 *
 * - A visit opens when the operator starts on an applicant: the first service chosen, or a step
 *   entered, on an empty wizard. An idle counter between applicants is not a visit.
 * - Every step the wizard enters is marked; the submitted application's receipt is marked with
 *   its id (main links the visit to the service and status through it).
 * - The citizen-data wipe (New application, login, logout, an expired session) ends the acceptance
 *   visit; signing out ends any visit, before main forgets the session.
 *
 * Returns the unsubscribe function.
 */
export function watchVisitSteps(store: WorkstationStore): () => void {
  return store.subscribe((state, previous) => {
    if (state.citizenDataEpoch !== previous.citizenDataEpoch) {
      if (state.visit?.kind === 'acceptance') state.endVisit();
      return;
    }
    if (state.operator === null) {
      if (previous.operator !== null) state.endVisit();
      return;
    }
    if (state.submission.kind === 'done' && previous.submission.kind !== 'done') {
      if (state.visit?.kind === 'acceptance') state.markVisitStep('receipt', state.submission.application.applicationId);
      return;
    }
    if (hasEnteredStep(state, previous) && !selectIsApplicationFinished(state)) {
      if (state.visit?.kind === 'acceptance') state.markVisitStep(state.step);
      else state.beginAcceptanceVisit(state.step);
    }
  });
}

function hasEnteredStep(state: WorkstationState, previous: WorkstationState): boolean {
  if (state.step !== previous.step) return true;
  // The service step is entered by choosing a service, not by the empty wizard showing up.
  return state.step === 'service' && state.selectedServiceId !== null && previous.selectedServiceId === null;
}
