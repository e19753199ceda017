import type { ApplicationSummary, SubmitDraftError } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectCanSubmit } from './submissionSelectors';

export type Submission =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'failed'; readonly error: SubmitDraftError }
  | { readonly kind: 'done'; readonly application: ApplicationSummary };

export interface SubmissionState {
  readonly submission: Submission;
}

export interface SubmissionActions {
  /**
   * Submits the draft (main assembles one PDF per slot). Null when the draft is incomplete or a
   * submission is already under way: a double Enter must never send the application twice.
   * Afterwards the draft is closed in main and gone from the store.
   */
  submitApplication(): Promise<Result<ApplicationSummary, SubmitDraftError> | null>;
}

export type SubmissionSlice = SubmissionState & SubmissionActions;

export const submissionInitialState: SubmissionState = { submission: { kind: 'idle' } };

export const createSubmissionSlice: SliceCreator<SubmissionSlice> = ({ set, get, api }) => ({
  ...submissionInitialState,

  async submitApplication() {
    const before = get();
    if (!before.draft || !selectCanSubmit(before)) return null;

    set({ submission: { kind: 'busy' } });
    const result = await api.submissions.submitDraft(before.draft.draftId);
    // After a logout the application is safe in main's journal; the screen must not show it to the next operator.
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;

    if (result.ok) {
      get().forgetDraft();
      set({ submission: { kind: 'done', application: result.value } });
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ submission: { kind: 'failed', error: result.error } });
      // Missing slots or an unreadable page: show the pages as main has them now.
      await get().refreshDraft();
    }
    return result;
  },
});
