import type { DraftSlotView } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';

/**
 * The slot scans and imports go to: the operator's pick while the draft has it, else the first
 * required slot still without pages (so a counter that scans papers in order never has to pick),
 * else the first slot.
 */
export function activeSlotOf(slots: readonly DraftSlotView[], chosenSlotId: string | null): string | null {
  if (chosenSlotId !== null && slots.some((slot) => slot.slotId === chosenSlotId)) return chosenSlotId;
  return (slots.find((slot) => slot.required && slot.pages.length === 0) ?? slots[0])?.slotId ?? null;
}

export function selectActiveSlotId(state: WorkstationState): string | null {
  return activeSlotOf(state.draft?.slots ?? [], state.chosenSlotId);
}

export const selectDocumentActivity = (state: WorkstationState) => state.documentActivity;
export const selectImportFailures = (state: WorkstationState) => state.importFailures;
export const selectPageProblem = (state: WorkstationState) => state.pageProblem;
export const selectIsImporting = (state: WorkstationState): boolean => state.documentActivity.kind === 'importing';
export const selectIsDocumentBusy = (state: WorkstationState): boolean => state.documentActivity.kind !== 'idle';

/** The thumbnail of a page: a data URL, null when main has none, undefined while not loaded yet. */
export const selectThumbnail = (state: WorkstationState, pageId: string): string | null | undefined => state.thumbnails[pageId];
export const selectPageFileName = (state: WorkstationState, pageId: string): string | null => state.pageFileNames[pageId] ?? null;
