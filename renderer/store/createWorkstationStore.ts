import { createStore } from 'zustand/vanilla';
import type { WorkstationApi } from '../../core/contract';
import { applicantInitialState, createApplicantSlice } from '../features/applicant/applicantSlice';
import { applicationsInitialState, createApplicationsSlice } from '../features/applications/applicationsSlice';
import { createCatalogSlice, serviceSelectionInitialState } from '../features/catalog/catalogSlice';
import { createDraftSlice, draftInitialState } from '../features/draft/draftSlice';
import { createDocumentsSlice, documentsInitialState } from '../features/documents/documentsSlice';
import { createThumbnailsSlice, thumbnailsInitialState } from '../features/documents/thumbnailsSlice';
import { createPreferencesSlice } from '../features/preferences/preferencesSlice';
import { createQueueSlice } from '../features/queue/queueSlice';
import { createReceiptsSlice } from '../features/receipts/receiptsSlice';
import { createPrintingSlice } from '../features/printing/printingSlice';
import { createStatusSlice, releaseResultViewer, statusInitialState } from '../features/status/statusSlice';
import { createHandOverSlice, handOverInitialState } from '../features/handover/handoverSlice';
import { createRecoverySlice, recoveryInitialState } from '../features/recovery/recoverySlice';
import { createRepresentativeSlice, representativeInitialState } from '../features/representative/representativeSlice';
import { createScanningSlice, scanRunInitialState } from '../features/scanning/scanningSlice';
import { createSessionSlice } from '../features/session/sessionSlice';
import { createSettingsSlice } from '../features/settings/settingsSlice';
import { createSigningSlice, signingAttemptInitialState } from '../features/signing/signingSlice';
import { createDeadlinePreviewSlice, deadlinePreviewInitialState } from '../features/submission/deadlinePreviewSlice';
import { createSubmissionSlice, submissionInitialState } from '../features/submission/submissionSlice';
import { createWorkflowSlice, workflowInitialState } from '../features/workflow/workflowSlice';
import { createVisitSlice } from '../features/timer/visitSlice';
import { watchVisitSteps } from '../features/timer/watchVisitSteps';
import { createQuestionnaireSlice, questionnaireInitialState } from '../features/questionnaire/questionnaireSlice';
import { createJournalSlice, journalReportInitialState } from '../features/journal/journalSlice';
import { createDiagnosticsSlice, diagnosticsInitialState } from '../features/diagnostics/diagnosticsSlice';
import { createStorageSlice } from '../features/storage/storageSlice';
import type { SliceContext, StoreOptions, WorkstationState, WorkstationStore } from './storeTypes';

/** The renderer's copy of the draft in main: its pages, thumbnails, file names and scan. */
const draftWorkInitialState = {
  ...draftInitialState,
  ...documentsInitialState,
  ...thumbnailsInitialState,
  ...scanRunInitialState,
};

/** Every piece of state that describes an applicant or the application being taken for them. */
const citizenDataInitialState = {
  ...serviceSelectionInitialState,
  ...applicantInitialState,
  ...representativeInitialState,
  ...draftWorkInitialState,
  ...recoveryInitialState,
  ...submissionInitialState,
  ...deadlinePreviewInitialState,
  ...applicationsInitialState,
  // The result viewer's PDF and the hand-over search (found applicants, the typed IIN/BIN).
  ...statusInitialState,
  ...handOverInitialState,
  ...workflowInitialState,
  // The questionnaire names the application; the supervisor's journal report lists numbers and statuses.
  ...questionnaireInitialState,
  ...journalReportInitialState,
  // Not citizen data, but it explains this application's failed attempt: the next one starts without it.
  ...signingAttemptInitialState,
  // Machine facts and the operator's id only; dropped with the rest so the next operator collects afresh.
  ...diagnosticsInitialState,
};

const sleepWithTimer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The one bound store of the renderer. The api is injected so main.tsx passes the real bridge and
 * tests pass a fake; there is no module-level instance.
 */
export function createWorkstationStore(api: WorkstationApi, options: StoreOptions = {}): WorkstationStore {
  const store = createStore<WorkstationState>()((set, get) => {
    const context: SliceContext = { set, get, api, sleep: options.sleep ?? sleepWithTimer };
    return {
      ...createSessionSlice(context),
      ...createPreferencesSlice(context),
      ...createCatalogSlice(context),
      ...createApplicantSlice(context),
      ...createRepresentativeSlice(context),
      ...createDraftSlice(context),
      ...createDocumentsSlice(context),
      ...createThumbnailsSlice(context),
      ...createScanningSlice(context),
      ...createRecoverySlice(context),
      ...createSubmissionSlice(context),
      ...createDeadlinePreviewSlice(context),
      ...createApplicationsSlice(context),
      ...createWorkflowSlice(context),
      ...createSettingsSlice(context),
      ...createSigningSlice(context),
      ...createQueueSlice(context),
      ...createReceiptsSlice(context),
      ...createPrintingSlice(context),
      ...createStatusSlice(context),
      ...createHandOverSlice(context),
      ...createVisitSlice(context),
      ...createQuestionnaireSlice(context),
      ...createJournalSlice(context),
      ...createDiagnosticsSlice(context),
      ...createStorageSlice(context),
      citizenDataEpoch: 0,
      resetCitizenData() {
        releaseResultViewer(get().resultViewer);
        set({ ...citizenDataInitialState, citizenDataEpoch: get().citizenDataEpoch + 1 });
      },
      forgetDraft() {
        set(draftWorkInitialState);
      },
    };
  });
  // The journal's step marks follow the wizard, whichever action moved it (features/timer/watchVisitSteps.ts).
  watchVisitSteps(store);
  return store;
}
