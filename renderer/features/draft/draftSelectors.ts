import type { DraftParties, DraftSlotView, DraftView } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectApplicantCard, selectIsApplicantAccepted } from '../applicant/applicantSelectors';
import { selectSelectedService } from '../catalog/catalogSelectors';
import { selectIsRepresentativeSettled, selectRepresentativeCard } from '../representative/representativeSelectors';

const NO_SLOTS: readonly DraftSlotView[] = [];

export const selectDraft = (state: WorkstationState): DraftView | null => state.draft;
export const selectDraftSlots = (state: WorkstationState): readonly DraftSlotView[] => state.draft?.slots ?? NO_SLOTS;
export const selectDraftActivity = (state: WorkstationState) => state.draftActivity;
export const selectDraftProblem = (state: WorkstationState) => state.draftProblem;

export function pageCountOf(draft: Pick<DraftView, 'slots'>): number {
  return draft.slots.reduce((sum, slot) => sum + slot.pages.length, 0);
}

export function slotOf(draft: DraftView | null, slotId: string): DraftSlotView | null {
  return draft?.slots.find((slot) => slot.slotId === slotId) ?? null;
}

/** The draft in main was opened for the service and subtype now chosen on step 1. */
export function selectIsDraftForChosenService(state: WorkstationState): boolean {
  const draft = state.draft;
  const service = selectSelectedService(state);
  return draft !== null && service !== null && draft.serviceId === service.id && draft.subtype === state.selectedSubtype;
}

/**
 * The applicant recorded in a draft continued after a restart, kept while the operator has not
 * started another lookup: the registry card itself is not kept, only main's snapshot of it.
 */
export function selectIsDraftApplicantKept(state: WorkstationState): boolean {
  return state.draft?.applicantSnapshotId != null && state.lookup.kind === 'idle' && state.identifierInput.trim() === '';
}

/** Who the draft should name: the applicant (and representative) checked on step 2, or the ones a continued draft kept. */
export function selectDesiredParties(state: WorkstationState): DraftParties | null {
  const card = selectApplicantCard(state);
  if (card && selectIsApplicantAccepted(state) && selectIsRepresentativeSettled(state)) {
    return { applicantSnapshotId: card.snapshotId, representativeSnapshotId: selectRepresentativeCard(state)?.snapshotId ?? null };
  }
  const draft = state.draft;
  if (draft && selectIsDraftApplicantKept(state)) {
    return { applicantSnapshotId: draft.applicantSnapshotId, representativeSnapshotId: draft.representativeSnapshotId };
  }
  return null;
}

export function isRecordedIn(draft: DraftView | null, parties: DraftParties | null): boolean {
  return (
    draft !== null &&
    parties !== null &&
    draft.applicantSnapshotId === parties.applicantSnapshotId &&
    draft.representativeSnapshotId === parties.representativeSnapshotId
  );
}

/** Main's draft names exactly the applicant and representative of step 2. */
export function selectAreDraftPartiesRecorded(state: WorkstationState): boolean {
  return isRecordedIn(state.draft, selectDesiredParties(state));
}
