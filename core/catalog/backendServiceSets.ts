import type { Catalog } from './catalogSchema';

/**
 * What the licensing backend needs to know of the catalog: which service ids an application may
 * name, and which of them the regulation has the operator sign ([12]/[14] W4) — those it refuses unsigned.
 */
export function backendServiceSets(catalog: Catalog): { serviceIds: ReadonlySet<string>; signatureRequiredServiceIds: ReadonlySet<string> } {
  return {
    serviceIds: new Set(catalog.services.map((s) => s.id)),
    signatureRequiredServiceIds: new Set(catalog.services.filter((s) => s.operatorEdsRequired).map((s) => s.id)),
  };
}
