import type { ProviderDecision } from '../../../core/backendApi/wire';

export interface Bilingual {
  readonly kk: string;
  readonly ru: string;
}

/** Everything a result document shows; the same data always gives the same bytes. */
export interface ResultDocumentData {
  readonly applicationId: string;
  readonly registrationNumber: string;
  /** ISO instant. */
  readonly registeredAt: string;
  readonly decision: ProviderDecision;
  /** As the registry fixture gives them: full name (or entity name) and IIN/BIN. */
  readonly licensee: { readonly kind: 'individual' | 'legal-entity'; readonly identifier: string; readonly name: string };
  /** The catalog's service title (the licensed activity) and its provider (the licensor). */
  readonly service: { readonly title: Bilingual; readonly provider: Bilingual };
}
