import type { ApplicationSummary, SubmitDraftError } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { signingRequestOf } from '../signing/signingSelectors';
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
   * Signs (where the service requires the operator's EDS) and submits the draft; main assembles one
   * PDF per slot. `keyPassword` opens the chosen key file for this call only and is not kept.
   * Null when the draft is incomplete, signing lacks a key or password, or a submission is already
   * under way: a double Enter must never send the application twice. Afterwards the draft is
   * closed in main and gone from the store; when signing failed nothing was queued and it stays.
   */
  submitApplication(keyPassword?: string): Promise<Result<ApplicationSummary, SubmitDraftError> | null>;
}

export type SubmissionSlice = SubmissionState & SubmissionActions;

export const submissionInitialState: SubmissionState = { submission: { kind: 'idle' } };

export const createSubmissionSlice: SliceCreator<SubmissionSlice> = ({ set, get, api }) => ({
  ...submissionInitialState,

  async submitApplication(keyPassword = '') {
    const before = get();
    if (!before.draft || !selectCanSubmit(before)) return null;
    const signing = signingRequestOf(before, keyPassword);
    if (signing.kind === 'incomplete') return null;

    set({ submission: { kind: 'busy' } });
    before.noteSigningFailure(null);
    const result = await api.submissions.submitDraft(before.draft.draftId, signing.kind === 'ready' ? signing.method : null);
    // After a logout the application is safe in main's journal; the screen must not show it to the next operator.
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;

    if (result.ok) {
      get().forgetDraft();
      set({ submission: { kind: 'done', application: result.value } });
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ submission: { kind: 'failed', error: result.error } });
      const isSameKey = get().keyGeneration === before.keyGeneration;
      if (result.error.kind === 'signing-failed' && isSameKey) get().noteSigningFailure(result.error.problem, result.error.card);
      // Missing slots or an unreadable page: show the pages as main has them now.
      await get().refreshDraft();
    }
    return result;
  },
});
