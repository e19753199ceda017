import type { StoreApi } from 'zustand/vanilla';
import type { WorkstationApi } from '../../core/contract';
import type { SessionSlice } from '../features/session/sessionSlice';
import type { PreferencesSlice } from '../features/preferences/preferencesSlice';
import type { CatalogSlice } from '../features/catalog/catalogSlice';
import type { ApplicantSlice } from '../features/applicant/applicantSlice';
import type { DraftSlice } from '../features/draft/draftSlice';
import type { DocumentsSlice } from '../features/documents/documentsSlice';
import type { ThumbnailsSlice } from '../features/documents/thumbnailsSlice';
import type { ScanningSlice } from '../features/scanning/scanningSlice';
import type { RecoverySlice } from '../features/recovery/recoverySlice';
import type { SubmissionSlice } from '../features/submission/submissionSlice';
import type { ApplicationsSlice } from '../features/applications/applicationsSlice';
import type { WorkflowSlice } from '../features/workflow/workflowSlice';
import type { RepresentativeSlice } from '../features/representative/representativeSlice';
import type { DeadlinePreviewSlice } from '../features/submission/deadlinePreviewSlice';
import type { SettingsSlice } from '../features/settings/settingsSlice';
import type { SigningSlice } from '../features/signing/signingSlice';
import type { QueueSlice } from '../features/queue/queueSlice';
import type { ReceiptsSlice } from '../features/receipts/receiptsSlice';
import type { PrintingSlice } from '../features/printing/printingSlice';
import type { StatusSlice } from '../features/status/statusSlice';
import type { HandOverSlice } from '../features/handover/handoverSlice';
import type { VisitSlice } from '../features/timer/visitSlice';
import type { QuestionnaireSlice } from '../features/questionnaire/questionnaireSlice';
import type { JournalSlice } from '../features/journal/journalSlice';
import type { DiagnosticsSlice } from '../features/diagnostics/diagnosticsSlice';
import type { StorageSlice } from '../features/storage/storageSlice';

export interface CitizenDataSlice {
  /**
   * Incremented by every resetCitizenData(). An action compares it before and after awaiting main
   * and drops an answer that belongs to a citizen already wiped (e.g. a lookup answered after logout).
   */
  readonly citizenDataEpoch: number;
  /**
   * Returns every slice holding citizen data (applicant, representative, the draft with its pages,
   * thumbnails and scan, the drafts offered back, submission result, journal, the service choice,
   * planned date and step, the result viewer and the hand-over search) to its initial state, revoking the
   * result viewer's blob URL. Invariant: afterwards no IIN/BIN, name, address,
   * page image or document of any applicant remains in the store. The drafts themselves stay in main.
   */
  resetCitizenData(): void;
  /** Drops the renderer's copy of the draft (pages, thumbnails, file names, scan) without touching main. */
  forgetDraft(): void;
}

export type WorkstationState = SessionSlice &
  PreferencesSlice &
  CatalogSlice &
  ApplicantSlice &
  RepresentativeSlice &
  DraftSlice &
  DocumentsSlice &
  ThumbnailsSlice &
  ScanningSlice &
  RecoverySlice &
  SubmissionSlice &
  DeadlinePreviewSlice &
  ApplicationsSlice &
  WorkflowSlice &
  SettingsSlice &
  SigningSlice &
  QueueSlice &
  ReceiptsSlice &
  PrintingSlice &
  StatusSlice &
  HandOverSlice &
  VisitSlice &
  QuestionnaireSlice &
  JournalSlice &
  DiagnosticsSlice &
  StorageSlice &
  CitizenDataSlice;

export type WorkstationStore = StoreApi<WorkstationState>;

export interface StoreOptions {
  /** How an action waits between two polls of main (a scan job); tests pass a short one. The queue's poll has its own timer (useQueuePolling). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What every slice creator receives: the bound store's set/get, the injected contract and timing. */
export interface SliceContext {
  readonly set: WorkstationStore['setState'];
  readonly get: WorkstationStore['getState'];
  readonly api: WorkstationApi;
  readonly sleep: (ms: number) => Promise<void>;
}

export type SliceCreator<Slice> = (context: SliceContext) => Slice;
