import { applicationQuerySchema, type ApplicationSummary, type HandOverError, type NotSignedIn } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

/** The search of the hand-over screen: what was asked and what main found (newest first). */
export type HandOverSearch =
  | { readonly kind: 'idle' }
  | { readonly kind: 'searching'; readonly query: string }
  | { readonly kind: 'found'; readonly query: string; readonly applications: readonly ApplicationSummary[] };

export type HandOverAttempt =
  | { readonly kind: 'idle' }
  | { readonly kind: 'recording'; readonly applicationId: string }
  | { readonly kind: 'refused'; readonly applicationId: string; readonly error: HandOverError }
  | { readonly kind: 'done'; readonly applicationId: string; readonly handedOverAt: string };

export interface HandOverState {
  /** What the operator typed or the scanner sent: possibly an IIN/BIN, so citizen data. */
  readonly handOverQuery: string;
  /** The applications found, with applicants' names and IIN/BINs: citizen data, wiped with the rest. */
  readonly handOverSearch: HandOverSearch;
  readonly handOverSelectedId: string | null;
  readonly handOverAttempt: HandOverAttempt;
}

export interface HandOverActions {
  editHandOverQuery(text: string): void;
  /**
   * Asks main for the applications matching the query (receipt QR text, a number or an IIN/BIN);
   * a single match is chosen at once, so a scanned receipt goes straight to its application.
   * Null when the query is blank (nothing asked).
   */
  findForHandOver(): Promise<Result<readonly ApplicationSummary[], NotSignedIn> | null>;
  chooseForHandOver(applicationId: string): void;
  /** Records the hand-over of the chosen application's result by the signed-in operator, now. */
  handOverChosen(): Promise<Result<ApplicationSummary, HandOverError> | null>;
  /** Clears the screen for the next applicant (and closes the result viewer); ends the hand-over visit. */
  clearHandOver(): void;
}

export type HandOverSlice = HandOverState & HandOverActions;

export const handOverInitialState: HandOverState = {
  handOverQuery: '',
  handOverSearch: { kind: 'idle' },
  handOverSelectedId: null,
  handOverAttempt: { kind: 'idle' },
};

export const createHandOverSlice: SliceCreator<HandOverSlice> = ({ set, get, api }) => ({
  ...handOverInitialState,

  editHandOverQuery(text) {
    set({ handOverQuery: text });
  },

  async findForHandOver() {
    const parsed = applicationQuerySchema.safeParse(get().handOverQuery);
    if (!parsed.success) return null;
    const query = parsed.data;
    // The journal times the hand-over visit from the search (a second search in the same visit changes nothing).
    get().markHandoverStep('find', null);
    const epoch = get().citizenDataEpoch;
    get().closeResult();
    set({ handOverSearch: { kind: 'searching', query }, handOverSelectedId: null, handOverAttempt: { kind: 'idle' } });
    const result = await api.status.find(query);
    if (get().citizenDataEpoch !== epoch) return result;
    if (!result.ok) {
      get().endExpiredSession();
      return result;
    }
    const only = result.value.length === 1 ? result.value[0]!.applicationId : null;
    set({ handOverSearch: { kind: 'found', query, applications: result.value }, handOverSelectedId: only });
    if (only !== null) get().markHandoverStep('result', only);
    return result;
  },

  chooseForHandOver(applicationId) {
    if (get().handOverSelectedId === applicationId) return;
    get().closeResult();
    set({ handOverSelectedId: applicationId, handOverAttempt: { kind: 'idle' } });
    get().markHandoverStep('result', applicationId);
  },

  async handOverChosen() {
    const applicationId = get().handOverSelectedId;
    if (applicationId === null || get().handOverAttempt.kind === 'recording') return null;
    const epoch = get().citizenDataEpoch;
    set({ handOverAttempt: { kind: 'recording', applicationId } });
    const result = await api.status.handOver(applicationId);
    if (get().citizenDataEpoch !== epoch) return result;
    if (result.ok) {
      get().rememberApplication(result.value);
      set({ handOverAttempt: { kind: 'done', applicationId, handedOverAt: result.value.handOver?.handedOverAt ?? '' } });
      get().markHandoverStep('handover', applicationId);
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ handOverAttempt: { kind: 'refused', applicationId, error: result.error } });
    }
    return result;
  },

  clearHandOver() {
    get().closeResult();
    set(handOverInitialState);
    // The next applicant is a new visit.
    if (get().visit?.kind === 'handover') get().endVisit();
  },
});
