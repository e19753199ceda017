import type { ApplicantRef, ApplicationSubtype, ProviderDecision, RefusalReason } from '../../core/backendApi/wire';

export type IssuedDocument = Extract<ProviderDecision, { outcome: 'issued' }>['document'];

/** What the provider will decide, before it is dated: the timeline says when. */
export type PlannedDecision =
  | { readonly outcome: 'issued'; readonly document: IssuedDocument }
  | { readonly outcome: 'refused'; readonly reason: RefusalReason };

const DOCUMENT_OF_SUBTYPE: Record<ApplicationSubtype, IssuedDocument> = {
  issue: 'licence',
  reissue: 'reissued-licence',
  duplicate: 'duplicate',
};

/**
 * The simulated provider's decision: deterministic, so it is the same on every read and after
 * restarts. Applicants the fixtures mark (`providerRefusals`, by IIN or BIN) are refused with the
 * fixture's reason; everyone else gets the document of the subtype they applied for.
 */
export function planDecision(
  application: { readonly applicant: ApplicantRef; readonly subtype: ApplicationSubtype },
  refusals: ReadonlyMap<string, RefusalReason>,
): PlannedDecision {
  const identifier = application.applicant.kind === 'individual' ? application.applicant.iin : application.applicant.bin;
  const reason = refusals.get(identifier);
  if (reason) return { outcome: 'refused', reason };
  return { outcome: 'issued', document: DOCUMENT_OF_SUBTYPE[application.subtype] };
}
