import type { SliceCreator } from '../../store/storeTypes';
import { selectIsSupervisor } from '../session/sessionSelectors';
import type { ApplicationStep } from './applicationSteps';
import { selectIsApplicationFinished, selectIsStepReachable } from './workflowSelectors';

/** Which screen the workspace shows: the application being taken, this workstation's journal, or (supervisors) its settings. */
export type WorkspaceView = 'application' | 'journal' | 'settings';

export interface WorkflowState {
  readonly view: WorkspaceView;
  readonly step: ApplicationStep;
}

export interface WorkflowActions {
  /** Moves to a step only when everything before it is done; returns whether it moved. */
  goToStep(step: ApplicationStep): boolean;
  openJournal(): void;
  /** Supervisors only; returns whether the settings screen opened. */
  openSettings(): boolean;
  /** Back to the application: the one in progress, or a fresh one once the last was submitted. */
  openApplication(): void;
  /**
   * Abandons the draft: discards its documents in main (they belong to no application), then wipes
   * the citizen data and starts at step 1. After a submission there is nothing to discard.
   */
  startNewApplication(): Promise<void>;
}

export type WorkflowSlice = WorkflowState & WorkflowActions;

export const workflowInitialState: WorkflowState = { view: 'application', step: 'service' };

export const createWorkflowSlice: SliceCreator<WorkflowSlice> = ({ set, get, api }) => ({
  ...workflowInitialState,

  goToStep(step) {
    if (!selectIsStepReachable(get(), step)) return false;
    set({ view: 'application', step });
    return true;
  },

  openJournal() {
    set({ view: 'journal' });
  },

  openSettings() {
    if (!selectIsSupervisor(get())) return false;
    set({ view: 'settings' });
    return true;
  },

  openApplication() {
    if (selectIsApplicationFinished(get())) get().resetCitizenData();
    else set({ view: 'application' });
  },

  async startNewApplication() {
    const state = get();
    const orphans = selectIsApplicationFinished(state) ? [] : state.documents.map((document) => document.documentId);
    state.resetCitizenData();
    // Sequential and after the wipe: the screen is already clear; a not-found answer means it is already gone.
    for (const documentId of orphans) await api.documents.discardDocument(documentId);
  },
});
