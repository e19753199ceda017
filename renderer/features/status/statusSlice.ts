import type { ApplicationSummary, ResultDocument, ResultError, StatusError } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator, WorkstationState } from '../../store/storeTypes';
import { replaceApplicationIn, withResultStored } from './applicationUpdates';
import { createResultUrl, revokeResultUrl } from './resultPdf';

/**
 * The in-app viewer of one application's result document. While open it holds a blob: URL of an
 * applicant's licence or refusal: citizen data, revoked on close and by resetCitizenData().
 */
export type ResultViewer =
  | { readonly kind: 'closed' }
  | { readonly kind: 'loading'; readonly applicationId: string }
  | { readonly kind: 'open'; readonly applicationId: string; readonly fileName: string; readonly url: string }
  | { readonly kind: 'failed'; readonly applicationId: string; readonly error: ResultError };

export interface StatusState {
  readonly resultViewer: ResultViewer;
}

export interface StatusActions {
  /** Asks main to ask the backend now (the row's «мәртебені жаңалау»); the answer replaces the local copies. */
  refreshApplicationStatus(applicationId: string): Promise<Result<ApplicationSummary, StatusError>>;
  /**
   * The result PDF for printing or saving; nothing of it is kept in the store. On success the local
   * copies are marked "result stored" (main keeps it now), which hand-over requires.
   */
  fetchResultDocument(applicationId: string): Promise<Result<ResultDocument, ResultError>>;
  /** Fetches the result and opens it in the viewer; a previous one is closed (and its URL revoked) first. */
  viewResult(applicationId: string): Promise<Result<ResultDocument, ResultError>>;
  closeResult(): void;
  /** Puts main's newer copy of an application wherever the renderer shows one (status list, hand-over search). */
  rememberApplication(application: ApplicationSummary): void;
}

export type StatusSlice = StatusState & StatusActions;

export const statusInitialState: StatusState = { resultViewer: { kind: 'closed' } };

/** Revokes the viewer's blob URL, if any; resetCitizenData() calls it before wiping the state. */
export function releaseResultViewer(viewer: ResultViewer): void {
  if (viewer.kind === 'open') revokeResultUrl(viewer.url);
}

function isViewerLoading(state: WorkstationState, applicationId: string): boolean {
  return state.resultViewer.kind === 'loading' && state.resultViewer.applicationId === applicationId;
}

export const createStatusSlice: SliceCreator<StatusSlice> = ({ set, get, api }) => ({
  ...statusInitialState,

  async refreshApplicationStatus(applicationId) {
    const epoch = get().citizenDataEpoch;
    const result = await api.status.refresh(applicationId);
    if (get().citizenDataEpoch !== epoch) return result;
    if (result.ok) get().rememberApplication(result.value);
    else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
    return result;
  },

  async fetchResultDocument(applicationId) {
    const epoch = get().citizenDataEpoch;
    const result = await api.status.result(applicationId);
    if (get().citizenDataEpoch !== epoch) return result;
    if (result.ok) {
      const state = get();
      const known =
        (state.applicationsLoad.kind === 'loaded' ? state.applicationsLoad.applications : []).find((a) => a.applicationId === applicationId) ??
        (state.handOverSearch.kind === 'found' ? state.handOverSearch.applications : []).find((a) => a.applicationId === applicationId);
      if (known) state.rememberApplication(withResultStored(known));
    } else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
    return result;
  },

  async viewResult(applicationId) {
    const epoch = get().citizenDataEpoch;
    get().closeResult();
    set({ resultViewer: { kind: 'loading', applicationId } });
    const result = await get().fetchResultDocument(applicationId);
    // Wiped meanwhile (logout), or the operator closed the viewer or opened another one: nothing to show.
    if (get().citizenDataEpoch !== epoch || !isViewerLoading(get(), applicationId)) return result;
    if (result.ok) set({ resultViewer: { kind: 'open', applicationId, fileName: result.value.fileName, url: createResultUrl(result.value.pdfBase64) } });
    else set({ resultViewer: { kind: 'failed', applicationId, error: result.error } });
    return result;
  },

  closeResult() {
    releaseResultViewer(get().resultViewer);
    set({ resultViewer: { kind: 'closed' } });
  },

  rememberApplication(application) {
    const { applicationsLoad, handOverSearch } = get();
    set({
      applicationsLoad:
        applicationsLoad.kind === 'loaded'
          ? { kind: 'loaded', applications: replaceApplicationIn(applicationsLoad.applications, application) }
          : applicationsLoad,
      handOverSearch:
        handOverSearch.kind === 'found' ? { ...handOverSearch, applications: replaceApplicationIn(handOverSearch.applications, application) } : handOverSearch,
    });
  },
});
