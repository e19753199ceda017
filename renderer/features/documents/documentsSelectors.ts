import type { AttachedDocument } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';

export const selectDocuments = (state: WorkstationState): readonly AttachedDocument[] => state.documents;
export const selectHasDocuments = (state: WorkstationState): boolean => state.documents.length > 0;
export const selectDocumentActivity = (state: WorkstationState) => state.documentActivity;
export const selectDocumentProblem = (state: WorkstationState) => state.documentProblem;
export const selectIsDocumentBusy = (state: WorkstationState): boolean => state.documentActivity.kind !== 'idle';

export function totalBytesOf(documents: readonly AttachedDocument[]): number {
  return documents.reduce((sum, document) => sum + document.sizeBytes, 0);
}

export const selectTotalDocumentBytes = (state: WorkstationState): number => totalBytesOf(state.documents);

/** First 12 hex digits: enough for the operator to tell two scans apart, short enough to read aloud. */
export function shortDigest(sha256: string): string {
  return sha256.slice(0, 12);
}
