import type { ApplicationSummary, SubmitError } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectSubmitRequest } from './submissionSelectors';

export type Submission =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'failed'; readonly error: SubmitError }
  | { readonly kind: 'done'; readonly application: ApplicationSummary };

export interface SubmissionState {
  readonly submission: Submission;
}

export interface SubmissionActions {
  /**
   * Submits the draft. Null when the draft is incomplete or a submission is already under way:
   * a double Enter must never send the application twice.
   */
  submitApplication(): Promise<Result<ApplicationSummary, SubmitError> | null>;
}

export type SubmissionSlice = SubmissionState & SubmissionActions;

export const submissionInitialState: SubmissionState = { submission: { kind: 'idle' } };

export const createSubmissionSlice: SliceCreator<SubmissionSlice> = ({ set, get, api }) => ({
  ...submissionInitialState,

  async submitApplication() {
    const before = get();
    const request = selectSubmitRequest(before);
    if (request === null || before.submission.kind === 'busy' || before.submission.kind === 'done') return null;

    set({ submission: { kind: 'busy' } });
    const result = await api.submissions.submit(request);
    // After a logout the application is safe in main's journal; the screen must not show it to the next operator.
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;

    if (result.ok) {
      set({ submission: { kind: 'done', application: result.value } });
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ submission: { kind: 'failed', error: result.error } });
    }
    return result;
  },
});
