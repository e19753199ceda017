import type { ApplicationSummary, Language } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectServiceById } from '../catalog/catalogSelectors';

const NO_APPLICATIONS: readonly ApplicationSummary[] = [];

export function selectApplications(state: WorkstationState): readonly ApplicationSummary[] {
  return state.applicationsLoad.kind === 'loaded' ? state.applicationsLoad.applications : NO_APPLICATIONS;
}

export const selectIsApplicationsLoading = (state: WorkstationState): boolean => state.applicationsLoad.kind === 'loading';

/** The service's title in the interface language; the bare id if the catalog no longer lists it. */
export function selectServiceTitle(state: WorkstationState, serviceId: string, language: Language): string {
  return selectServiceById(state, serviceId)?.title[language] ?? serviceId;
}

export function applicantIdentifierOf(application: ApplicationSummary): string {
  return application.applicant.kind === 'individual' ? application.applicant.iin : application.applicant.bin;
}
