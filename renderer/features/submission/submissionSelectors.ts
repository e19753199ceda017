import type { ApplicationSummary } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectAreDraftPartiesRecorded } from '../draft/draftSelectors';
import { selectIsDraftBusy, selectIsStepReachable } from '../workflow/workflowSelectors';

export const selectSubmission = (state: WorkstationState) => state.submission;
export const selectIsSubmitting = (state: WorkstationState): boolean => state.submission.kind === 'busy';

export function selectSubmittedApplication(state: WorkstationState): ApplicationSummary | null {
  return state.submission.kind === 'done' ? state.submission.application : null;
}

/**
 * The draft is complete as main holds it (applicant and representative recorded, every required
 * slot with a page), nothing is still being scanned or imported, and it has not been sent yet.
 */
export function selectCanSubmit(state: WorkstationState): boolean {
  const kind = state.submission.kind;
  return (
    selectIsStepReachable(state, 'review') &&
    selectAreDraftPartiesRecorded(state) &&
    !selectIsDraftBusy(state) &&
    kind !== 'busy' &&
    kind !== 'done'
  );
}
