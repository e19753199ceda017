import type { ApplicationSummary, NotSignedIn } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

export type ApplicationsLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly applications: readonly ApplicationSummary[] };

export interface ApplicationsState {
  /** The journal holds every applicant's name and IIN/BIN: it is citizen data and wiped on logout. */
  readonly applicationsLoad: ApplicationsLoad;
}

export interface ApplicationsActions {
  loadApplications(): Promise<Result<readonly ApplicationSummary[], NotSignedIn>>;
}

export type ApplicationsSlice = ApplicationsState & ApplicationsActions;

export const applicationsInitialState: ApplicationsState = { applicationsLoad: { kind: 'idle' } };

export const createApplicationsSlice: SliceCreator<ApplicationsSlice> = ({ set, get, api }) => ({
  ...applicationsInitialState,

  async loadApplications() {
    const epoch = get().citizenDataEpoch;
    const previous = get().applicationsLoad;
    // A refresh keeps the rows on screen; only the first load shows the loading state.
    if (previous.kind !== 'loaded') set({ applicationsLoad: { kind: 'loading' } });
    const result = await api.submissions.list();
    if (get().citizenDataEpoch !== epoch) return result;
    if (result.ok) set({ applicationsLoad: { kind: 'loaded', applications: result.value } });
    else get().endExpiredSession();
    return result;
  },
});
