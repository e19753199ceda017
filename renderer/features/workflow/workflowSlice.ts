import type { SliceCreator } from '../../store/storeTypes';
import { selectIsSupervisor } from '../session/sessionSelectors';
import type { ApplicationStep } from './applicationSteps';
import { selectCanAdvance, selectIsApplicationFinished, selectIsStepReachable } from './workflowSelectors';

/**
 * Which screen the workspace shows: the application being taken, this workstation's journal, its
 * send queue, (supervisors) its settings or the visits journal, or the applicant's questionnaire, or the
 * hand-over of results.
 */
export type WorkspaceView = 'application' | 'journal' | 'queue' | 'settings' | 'supervisor-journal' | 'questionnaire' | 'handover' | 'diagnostics';

export interface WorkflowState {
  readonly view: WorkspaceView;
  readonly step: ApplicationStep;
}

export interface WorkflowActions {
  /** Moves to a step only when everything before it is done; returns whether it moved. */
  goToStep(step: ApplicationStep): boolean;
  /** Next (button, Enter, Alt+→): brings main's draft in line with the step just completed, then moves on. */
  advance(): Promise<void>;
  openJournal(): void;
  openQueue(): void;
  /** The hand-over screen: find an application by receipt, number or IIN/BIN and hand its result over. */
  openHandOver(): void;
  /** Supervisors only; returns whether the settings screen opened. */
  openSettings(): boolean;
  /** Back to the application: the one in progress, or a fresh one once the last was submitted. */
  openApplication(): void;
  /**
   * Abandons the application in progress: stops its scan, wipes the citizen data and starts at
   * step 1, then discards the draft in main (its pages belong to no application) and offers back
   * any other unfinished ones. After a submission there is nothing to discard.
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

  async advance() {
    const state = get();
    if (!selectCanAdvance(state)) return;
    switch (state.step) {
      case 'service':
        await state.beginApplication();
        return;
      case 'applicant':
        await state.confirmApplicant();
        return;
      case 'documents':
        state.goToStep('review');
        return;
      case 'review':
        return;
    }
  },

  openJournal() {
    set({ view: 'journal' });
  },

  openQueue() {
    set({ view: 'queue' });
  },

  openHandOver() {
    set({ view: 'handover' });
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
    const draftId = selectIsApplicationFinished(state) ? null : (state.draft?.draftId ?? null);
    const scan = state.scanRun;
    state.resetCitizenData();
    // After the wipe: the screen is already clear. A not-found answer means it is gone already.
    if (scan.kind === 'running') await api.scanning.cancel(scan.job.jobId);
    if (draftId !== null) await api.drafts.discard(draftId);
    await get().loadOpenDrafts();
  },
});
