import type { StoreApi } from 'zustand/vanilla';
import type { WorkstationApi } from '../../core/contract';
import type { SessionSlice } from '../features/session/sessionSlice';
import type { PreferencesSlice } from '../features/preferences/preferencesSlice';
import type { CatalogSlice } from '../features/catalog/catalogSlice';
import type { ApplicantSlice } from '../features/applicant/applicantSlice';
import type { DocumentsSlice } from '../features/documents/documentsSlice';
import type { SubmissionSlice } from '../features/submission/submissionSlice';
import type { ApplicationsSlice } from '../features/applications/applicationsSlice';
import type { WorkflowSlice } from '../features/workflow/workflowSlice';
import type { RepresentativeSlice } from '../features/representative/representativeSlice';
import type { DeadlinePreviewSlice } from '../features/submission/deadlinePreviewSlice';
import type { SettingsSlice } from '../features/settings/settingsSlice';

export interface CitizenDataSlice {
  /**
   * Incremented by every resetCitizenData(). An action compares it before and after awaiting main
   * and drops an answer that belongs to a citizen already wiped (e.g. a lookup answered after logout).
   */
  readonly citizenDataEpoch: number;
  /**
   * Returns every slice holding citizen data (applicant, representative, documents, submission
   * result, journal, the draft's service choice, planned date and step) to its initial state. Invariant: afterwards no IIN/BIN,
   * name, address or document of any applicant remains in the store.
   */
  resetCitizenData(): void;
}

export type WorkstationState = SessionSlice &
  PreferencesSlice &
  CatalogSlice &
  ApplicantSlice &
  RepresentativeSlice &
  DocumentsSlice &
  SubmissionSlice &
  DeadlinePreviewSlice &
  ApplicationsSlice &
  WorkflowSlice &
  SettingsSlice &
  CitizenDataSlice;

export type WorkstationStore = StoreApi<WorkstationState>;

/** What every slice creator receives: the bound store's set/get and the injected contract. */
export interface SliceContext {
  readonly set: WorkstationStore['setState'];
  readonly get: WorkstationStore['getState'];
  readonly api: WorkstationApi;
}

export type SliceCreator<Slice> = (context: SliceContext) => Slice;
