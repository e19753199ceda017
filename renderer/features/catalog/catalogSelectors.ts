import type { ServiceSummary } from '../../../core/contract';
import type { ApplicationSubtype } from '../../../core/backendApi/wire';
import type { WorkstationState } from '../../store/storeTypes';
import { selectOperatorPerformer } from '../session/sessionSelectors';

/** Services this operator may accept: those whose regulation names their kind of workplace as performer. */
export function selectOfferedServices(state: WorkstationState): readonly ServiceSummary[] {
  const performer = selectOperatorPerformer(state);
  return state.services.filter((service) => service.performer === performer);
}

function normaliseForSearch(text: string): string {
  return text.toLocaleLowerCase('kk').replace(/[«»"'()]/g, ' ').replace(/\s+/g, ' ');
}

/**
 * Keeps the services whose title, in any of kk/ru/en, contains every word of the query: a clerk
 * types whatever language the applicant spoke ("казино", "casino", "ойын").
 */
export function filterServicesByQuery(services: readonly ServiceSummary[], query: string): readonly ServiceSummary[] {
  const words = normaliseForSearch(query).split(' ').filter((word) => word.length > 0);
  if (words.length === 0) return services;
  return services.filter((service) => {
    const haystack = normaliseForSearch(`${service.title.kk} ${service.title.ru} ${service.title.en}`);
    return words.every((word) => haystack.includes(word));
  });
}

export function selectVisibleServices(state: WorkstationState): readonly ServiceSummary[] {
  return filterServicesByQuery(selectOfferedServices(state), state.serviceQuery);
}

export function selectServiceById(state: WorkstationState, serviceId: string): ServiceSummary | null {
  return state.services.find((service) => service.id === serviceId) ?? null;
}

/** The chosen service, if it is still one this operator may accept. */
export function selectSelectedService(state: WorkstationState): ServiceSummary | null {
  const id = state.selectedServiceId;
  if (id === null) return null;
  return selectOfferedServices(state).find((service) => service.id === id) ?? null;
}

export const selectSelectedSubtype = (state: WorkstationState): ApplicationSubtype | null => state.selectedSubtype;
export const selectServiceQuery = (state: WorkstationState): string => state.serviceQuery;
export const selectIsCatalogLoading = (state: WorkstationState): boolean => state.catalogLoad.kind === 'loading';

export function selectIsServiceChosen(state: WorkstationState): boolean {
  return selectSelectedService(state) !== null && state.selectedSubtype !== null;
}
