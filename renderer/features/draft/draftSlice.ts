import type { DraftError, DraftNotFound, DraftView, NotSignedIn } from '../../../core/contract';
import { ok, type Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectSelectedService } from '../catalog/catalogSelectors';
import { isRecordedIn, selectDesiredParties, selectIsDraftForChosenService } from './draftSelectors';

export type DraftStartError = NotSignedIn | { readonly kind: 'unknown-service' };
export type PartiesError = DraftError | { readonly kind: 'unknown-applicant' } | { readonly kind: 'unknown-representative' };

export type DraftActivity = { readonly kind: 'idle' } | { readonly kind: 'starting' } | { readonly kind: 'recording-parties' };

/** What went wrong with the draft itself; not-signed-in ends the session instead. */
export type DraftProblem =
  | { readonly operation: 'start'; readonly error: Exclude<DraftStartError, NotSignedIn> }
  | { readonly operation: 'parties'; readonly error: Exclude<PartiesError, NotSignedIn> }
  | { readonly operation: 'refresh'; readonly error: DraftNotFound };

export interface DraftState {
  /**
   * The application in progress as main keeps it on disk, page by page (DESIGN.md §3): opened by
   * the service step's Next, gone after submission. The renderer's copy only mirrors main's answers.
   */
  readonly draft: DraftView | null;
  readonly draftActivity: DraftActivity;
  readonly draftProblem: DraftProblem | null;
}

export interface DraftActions {
  /**
   * Step 1's Next: opens a draft for the chosen service and subtype and moves to the applicant. A
   * draft opened for another choice is discarded first (its slots depend on the subtype). Null
   * when nothing is chosen or the draft is busy.
   */
  beginApplication(): Promise<Result<DraftView, DraftStartError> | null>;
  /**
   * Step 2's Next: records the checked applicant and representative in the draft (main adds or
   * drops the power-of-attorney slot) and moves to the documents. Null while step 2 is incomplete.
   */
  confirmApplicant(): Promise<Result<DraftView, PartiesError> | null>;
  /** Reloads the draft from main: pages arrive during a scan, a failed import may have stored some. */
  refreshDraft(): Promise<void>;
  /**
   * Shows a state of the current draft main answered with, unless a newer one is already shown
   * (answers to overlapping calls can arrive out of order; `updatedAt` orders them), and loads the
   * thumbnails of new pages. An answer about a draft no longer on screen is dropped.
   */
  adoptDraft(view: DraftView): Promise<void>;
}

export type DraftSlice = DraftState & DraftActions;

export const draftInitialState: DraftState = { draft: null, draftActivity: { kind: 'idle' }, draftProblem: null };

const IDLE: DraftActivity = { kind: 'idle' };

export const createDraftSlice: SliceCreator<DraftSlice> = ({ set, get, api }) => ({
  ...draftInitialState,

  async beginApplication() {
    const before = get();
    const service = selectSelectedService(before);
    const subtype = before.selectedSubtype;
    if (!service || !subtype || before.draftActivity.kind !== 'idle') return null;
    if (before.draft && selectIsDraftForChosenService(before)) {
      get().goToStep('applicant');
      return ok(before.draft);
    }

    set({ draftActivity: { kind: 'starting' }, draftProblem: null });
    const previous = before.draft;
    if (previous) {
      // Chosen again after a change of mind: the old draft's slots no longer fit. A not-found answer means it is gone already.
      get().forgetDraft();
      set({ draftActivity: { kind: 'starting' } });
      await api.drafts.discard(previous.draftId);
    }
    const result = await api.drafts.start({ serviceId: service.id, subtype });
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;

    if (result.ok) {
      set({ draft: result.value, draftActivity: IDLE });
      if (selectIsDraftForChosenService(get())) get().goToStep('applicant');
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ draftActivity: IDLE, draftProblem: { operation: 'start', error: result.error } });
    }
    return result;
  },

  async confirmApplicant() {
    const before = get();
    const draft = before.draft;
    const parties = selectDesiredParties(before);
    if (!draft || !parties || before.draftActivity.kind !== 'idle') return null;
    if (isRecordedIn(draft, parties)) {
      get().goToStep('documents');
      return ok(draft);
    }

    set({ draftActivity: { kind: 'recording-parties' }, draftProblem: null });
    const result = await api.drafts.setParties(draft.draftId, parties);
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;

    set({ draftActivity: IDLE });
    if (result.ok) {
      await get().adoptDraft(result.value);
      if (isRecordedIn(get().draft, selectDesiredParties(get()))) get().goToStep('documents');
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ draftProblem: { operation: 'parties', error: result.error } });
    }
    return result;
  },

  async refreshDraft() {
    const before = get();
    const draft = before.draft;
    if (!draft) return;
    const result = await api.drafts.get(draft.draftId);
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return;
    if (result.ok) await get().adoptDraft(result.value);
    else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
    else set({ draftProblem: { operation: 'refresh', error: result.error } });
  },

  async adoptDraft(view) {
    const current = get().draft;
    // Only ever a newer state of the draft on screen: never one submitted, discarded or replaced meanwhile.
    if (!current || current.draftId !== view.draftId || view.updatedAt < current.updatedAt) return;
    set({ draft: view });
    await get().loadThumbnails();
  },
});
