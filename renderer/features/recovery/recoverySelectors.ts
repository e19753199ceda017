import type { DraftView } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectIsApplicationFinished } from '../workflow/workflowSelectors';

const NONE: readonly DraftView[] = [];

export function selectOpenDrafts(state: WorkstationState): readonly DraftView[] {
  return state.openDrafts.kind === 'loaded' ? state.openDrafts.drafts : NONE;
}

/** Offered only on an empty wizard: once the operator has an application of their own, it waits. */
export function selectIsRecoveryOffered(state: WorkstationState): boolean {
  return state.draft === null && !selectIsApplicationFinished(state) && selectOpenDrafts(state).length > 0;
}

export const selectRecoveryProblem = (state: WorkstationState) => state.recoveryProblem;
