import type { Catalog } from './catalogSchema';

/** What the provider's result documents print for a service: its title (the licensed activity) and the provider (licensor). */
export interface BackendServiceTitles {
  readonly title: { readonly kk: string; readonly ru: string };
  readonly provider: { readonly kk: string; readonly ru: string };
}

/**
 * What the licensing backend needs to know of the catalog: which service ids an application may
 * name, which of them the regulation has the operator sign ([12]/[14] W4) — those it refuses
 * unsigned — and, per service id, the Kazakh and Russian titles its result documents print.
 */
export function backendServiceSets(catalog: Catalog): {
  serviceIds: ReadonlySet<string>;
  signatureRequiredServiceIds: ReadonlySet<string>;
  serviceTitles: ReadonlyMap<string, BackendServiceTitles>;
} {
  return {
    serviceIds: new Set(catalog.services.map((s) => s.id)),
    signatureRequiredServiceIds: new Set(catalog.services.filter((s) => s.operatorEdsRequired).map((s) => s.id)),
    serviceTitles: new Map(
      catalog.services.map((s) => [s.id, { title: { kk: s.title.kk, ru: s.title.ru }, provider: { kk: s.provider.kk, ru: s.provider.ru } }]),
    ),
  };
}
