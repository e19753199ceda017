import type { DraftNotFound, DraftView, NotSignedIn } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectServiceById } from '../catalog/catalogSelectors';

export type OpenDraftsLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly drafts: readonly DraftView[] };

export interface RecoveryState {
  /**
   * The operator's unfinished applications main still holds (after a crash, a power cut, a reload
   * or a logout mid-application), offered back on the empty wizard. They name applicants: citizen data.
   */
  readonly openDrafts: OpenDraftsLoad;
  /** The draft the operator chose was no longer open (submitted or discarded meanwhile). */
  readonly recoveryProblem: DraftNotFound | null;
}

export interface RecoveryActions {
  loadOpenDrafts(): Promise<void>;
  /**
   * Takes an unfinished application up again: its service and subtype, its pages, and the step to
   * go on with (the documents once an applicant is recorded, else the applicant lookup).
   */
  continueDraft(draftId: string): Promise<Result<DraftView, NotSignedIn | DraftNotFound> | null>;
  /** Abandons an unfinished application for good. */
  discardOpenDraft(draftId: string): Promise<void>;
}

export type RecoverySlice = RecoveryState & RecoveryActions;

export const recoveryInitialState: RecoveryState = { openDrafts: { kind: 'idle' }, recoveryProblem: null };

export const createRecoverySlice: SliceCreator<RecoverySlice> = ({ set, get, api }) => {
  const withoutDraft = (draftId: string): OpenDraftsLoad => {
    const load = get().openDrafts;
    return load.kind === 'loaded' ? { kind: 'loaded', drafts: load.drafts.filter((draft) => draft.draftId !== draftId) } : load;
  };

  return {
    ...recoveryInitialState,

    async loadOpenDrafts() {
      const epoch = get().citizenDataEpoch;
      // A refresh keeps the list on screen: a button must not vanish under the operator's click.
      if (get().openDrafts.kind !== 'loaded') set({ openDrafts: { kind: 'loading' } });
      const result = await api.drafts.listOpen();
      if (get().citizenDataEpoch !== epoch) return;
      if (result.ok) set({ openDrafts: { kind: 'loaded', drafts: result.value } });
      else get().endExpiredSession();
    },

    async continueDraft(draftId) {
      const before = get();
      const listed = before.openDrafts.kind === 'loaded' ? before.openDrafts.drafts.find((draft) => draft.draftId === draftId) : undefined;
      // A draft of a service version no longer offered here could not be submitted; the panel offers only Discard.
      if (!listed || !selectServiceById(before, listed.serviceId)) return null;
      const result = await api.drafts.get(draftId);
      if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;
      if (!result.ok) {
        if (result.error.kind === 'not-signed-in') get().endExpiredSession();
        else set({ openDrafts: withoutDraft(draftId), recoveryProblem: result.error });
        return result;
      }
      const draft = result.value;
      // Whatever was typed on the empty wizard gives way to the application taken up again.
      get().resetCitizenData();
      set({
        selectedServiceId: draft.serviceId,
        selectedSubtype: draft.subtype,
        draft,
        step: draft.applicantSnapshotId === null ? 'applicant' : 'documents',
      });
      await get().loadThumbnails();
      return result;
    },

    async discardOpenDraft(draftId) {
      const epoch = get().citizenDataEpoch;
      set({ recoveryProblem: null });
      const result = await api.drafts.discard(draftId);
      if (get().citizenDataEpoch !== epoch) return;
      if (!result.ok && result.error.kind === 'not-signed-in') get().endExpiredSession();
      // draft-not-found: it is not open any more either way.
      else set({ openDrafts: withoutDraft(draftId) });
    },
  };
};
