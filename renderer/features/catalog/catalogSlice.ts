import type { NotSignedIn, ServiceSummary } from '../../../core/contract';
import type { ApplicationSubtype } from '../../../core/backendApi/wire';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

export type CatalogLoad = { readonly kind: 'idle' } | { readonly kind: 'loading' } | { readonly kind: 'loaded' };

/** The draft's choice of service: reset with the citizen data so each application starts at step 1. */
export interface ServiceSelectionState {
  readonly serviceQuery: string;
  readonly selectedServiceId: string | null;
  readonly selectedSubtype: ApplicationSubtype | null;
}

export interface CatalogState extends ServiceSelectionState {
  /** Every service of the workstation's catalog; not citizen data, so it survives "New application". */
  readonly services: readonly ServiceSummary[];
  readonly catalogLoad: CatalogLoad;
}

export interface CatalogActions {
  loadServices(): Promise<Result<readonly ServiceSummary[], NotSignedIn>>;
  /** Forgets the catalog on logout: the next operator may work at another kind of workplace. */
  clearCatalog(): void;
  setServiceQuery(query: string): void;
  /** Choosing another service drops the subtype chosen for the previous one. */
  selectService(serviceId: string): void;
  selectSubtype(subtype: ApplicationSubtype): void;
}

export type CatalogSlice = CatalogState & CatalogActions;

export const serviceSelectionInitialState: ServiceSelectionState = {
  serviceQuery: '',
  selectedServiceId: null,
  selectedSubtype: null,
};

export const catalogInitialState: CatalogState = {
  ...serviceSelectionInitialState,
  services: [],
  catalogLoad: { kind: 'idle' },
};

export const createCatalogSlice: SliceCreator<CatalogSlice> = ({ set, get, api }) => ({
  ...catalogInitialState,

  async loadServices() {
    set({ catalogLoad: { kind: 'loading' } });
    const result = await api.catalog.listServices();
    if (!result.ok) {
      set({ catalogLoad: { kind: 'idle' } });
      get().endExpiredSession();
      return result;
    }
    set({ services: result.value, catalogLoad: { kind: 'loaded' } });
    return result;
  },

  clearCatalog() {
    set(catalogInitialState);
  },

  setServiceQuery(query) {
    set({ serviceQuery: query });
  },

  selectService(serviceId) {
    if (get().selectedServiceId === serviceId) return;
    set({ selectedServiceId: serviceId, selectedSubtype: null });
  },

  selectSubtype(subtype) {
    set({ selectedSubtype: subtype });
  },
});
