import { createStore } from 'zustand/vanilla';
import type { WorkstationApi } from '../../core/contract';
import { applicantInitialState, createApplicantSlice } from '../features/applicant/applicantSlice';
import { applicationsInitialState, createApplicationsSlice } from '../features/applications/applicationsSlice';
import { createCatalogSlice, serviceSelectionInitialState } from '../features/catalog/catalogSlice';
import { createDocumentsSlice, documentsInitialState } from '../features/documents/documentsSlice';
import { createPreferencesSlice } from '../features/preferences/preferencesSlice';
import { createRepresentativeSlice, representativeInitialState } from '../features/representative/representativeSlice';
import { createSessionSlice } from '../features/session/sessionSlice';
import { createSettingsSlice } from '../features/settings/settingsSlice';
import { createDeadlinePreviewSlice, deadlinePreviewInitialState } from '../features/submission/deadlinePreviewSlice';
import { createSubmissionSlice, submissionInitialState } from '../features/submission/submissionSlice';
import { createWorkflowSlice, workflowInitialState } from '../features/workflow/workflowSlice';
import type { SliceContext, WorkstationState, WorkstationStore } from './storeTypes';

/** Every piece of state that describes an applicant or the application being taken for them. */
const citizenDataInitialState = {
  ...serviceSelectionInitialState,
  ...applicantInitialState,
  ...representativeInitialState,
  ...documentsInitialState,
  ...submissionInitialState,
  ...deadlinePreviewInitialState,
  ...applicationsInitialState,
  ...workflowInitialState,
};

/**
 * The one bound store of the renderer. The api is injected so main.tsx passes the real bridge and
 * tests pass a fake; there is no module-level instance.
 */
export function createWorkstationStore(api: WorkstationApi): WorkstationStore {
  return createStore<WorkstationState>()((set, get) => {
    const context: SliceContext = { set, get, api };
    return {
      ...createSessionSlice(context),
      ...createPreferencesSlice(context),
      ...createCatalogSlice(context),
      ...createApplicantSlice(context),
      ...createRepresentativeSlice(context),
      ...createDocumentsSlice(context),
      ...createSubmissionSlice(context),
      ...createDeadlinePreviewSlice(context),
      ...createApplicationsSlice(context),
      ...createWorkflowSlice(context),
      ...createSettingsSlice(context),
      citizenDataEpoch: 0,
      resetCitizenData() {
        set({ ...citizenDataInitialState, citizenDataEpoch: get().citizenDataEpoch + 1 });
      },
    };
  });
}
