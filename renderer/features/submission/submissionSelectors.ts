import type { ApplicationSummary, SubmitRequest } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectApplicantCard, selectIsApplicantAccepted } from '../applicant/applicantSelectors';
import { selectSelectedService } from '../catalog/catalogSelectors';
import { selectIsRepresentativeSettled, selectRepresentativeCard } from '../representative/representativeSelectors';

/**
 * The request the Submit button would send, or null while any part of the draft is missing (a
 * representative ticked but not yet checked counts as missing).
 */
export function selectSubmitRequest(state: WorkstationState): SubmitRequest | null {
  const service = selectSelectedService(state);
  const card = selectApplicantCard(state);
  const subtype = state.selectedSubtype;
  if (!service || !subtype || !card || !selectIsApplicantAccepted(state) || state.documents.length === 0) return null;
  if (!selectIsRepresentativeSettled(state)) return null;
  return {
    serviceId: service.id,
    subtype,
    applicantSnapshotId: card.snapshotId,
    representativeSnapshotId: selectRepresentativeCard(state)?.snapshotId ?? null,
    documentIds: state.documents.map((document) => document.documentId),
  };
}

export const selectSubmission = (state: WorkstationState) => state.submission;
export const selectIsSubmitting = (state: WorkstationState): boolean => state.submission.kind === 'busy';

export function selectSubmittedApplication(state: WorkstationState): ApplicationSummary | null {
  return state.submission.kind === 'done' ? state.submission.application : null;
}

export function selectCanSubmit(state: WorkstationState): boolean {
  const kind = state.submission.kind;
  return selectSubmitRequest(state) !== null && kind !== 'busy' && kind !== 'done';
}
