import type { ApplicantCard } from '../../../core/contract';
import type { RegistryRecord } from '../../../core/backendApi/wire';
import type { ApplicantKind } from '../../../core/catalog/catalogSchema';
import { validateKzIdentifier } from '../../../core/identifiers/kzIdentifier';
import type { WorkstationState } from '../../store/storeTypes';
import { selectSelectedService } from '../catalog/catalogSelectors';

const NO_KINDS: readonly ApplicantKind[] = [];

export function selectAllowedApplicantKinds(state: WorkstationState): readonly ApplicantKind[] {
  return selectSelectedService(state)?.applicantKinds ?? NO_KINDS;
}

/** The kind in effect: the operator's choice if the service allows it, else the service's first kind. */
export function selectApplicantKind(state: WorkstationState): ApplicantKind | null {
  const allowed = selectAllowedApplicantKinds(state);
  const chosen = state.chosenApplicantKind;
  if (chosen !== null && allowed.includes(chosen)) return chosen;
  return allowed[0] ?? null;
}

/**
 * What to tell the operator about the number being typed. A short number is only "in progress"
 * until a lookup is attempted: nagging after the third digit would be noise at a busy counter.
 */
export type IdentifierFeedback =
  | { readonly kind: 'empty' }
  | { readonly kind: 'typing'; readonly length: number }
  | { readonly kind: 'valid' }
  | { readonly kind: 'not-digits' }
  | { readonly kind: 'wrong-length'; readonly length: number }
  | { readonly kind: 'checksum-mismatch' }
  | { readonly kind: 'no-check-digit' };

export function describeIdentifierInput(input: string, isSubmitted: boolean): IdentifierFeedback {
  if (input.trim() === '') return isSubmitted ? { kind: 'wrong-length', length: 0 } : { kind: 'empty' };
  const validation = validateKzIdentifier(input);
  if (validation.ok) return { kind: 'valid' };
  const error = validation.error;
  if (error.kind === 'wrong-length' && error.length < 12 && !isSubmitted) return { kind: 'typing', length: error.length };
  return error;
}

export function selectIdentifierFeedback(state: WorkstationState): IdentifierFeedback {
  return describeIdentifierInput(state.identifierInput, state.isIdentifierSubmitted);
}

export function selectApplicantCard(state: WorkstationState): ApplicantCard | null {
  return state.lookup.kind === 'found' ? state.lookup.card : null;
}

export const selectApplicantLookup = (state: WorkstationState) => state.lookup;
export const selectIdentifierInput = (state: WorkstationState): string => state.identifierInput;

/** Why a found applicant still cannot apply; each stops the application like "data cannot be obtained". */
export type ApplicantBlocker = 'deceased' | 'entity-not-active' | 'kind-not-allowed';

export function findApplicantBlocker(record: RegistryRecord, allowedKinds: readonly ApplicantKind[]): ApplicantBlocker | null {
  if (!allowedKinds.includes(record.kind)) return 'kind-not-allowed';
  if (record.kind === 'individual') return record.status === 'deceased' ? 'deceased' : null;
  return record.status === 'active' ? null : 'entity-not-active';
}

export function selectApplicantBlocker(state: WorkstationState): ApplicantBlocker | null {
  const card = selectApplicantCard(state);
  return card ? findApplicantBlocker(card.record, selectAllowedApplicantKinds(state)) : null;
}

/**
 * The application cannot go on with this applicant (regulations.md §3, W3-F): the registry has no
 * data, or its answer rules the applicant out. There is no manual override; only another number
 * or a new application.
 */
export function selectIsApplicationStopped(state: WorkstationState): boolean {
  const lookup = state.lookup;
  return (lookup.kind === 'failed' && lookup.error.kind === 'not-found') || selectApplicantBlocker(state) !== null;
}

/** The registry found the applicant and nothing in the answer stops the application. */
export function selectIsApplicantAccepted(state: WorkstationState): boolean {
  const card = selectApplicantCard(state);
  return card !== null && card.record.kind === selectApplicantKind(state) && selectApplicantBlocker(state) === null;
}

export function applicantDisplayName(record: RegistryRecord): string {
  if (record.kind === 'legal-entity') return record.name;
  return [record.lastName, record.firstName, record.middleName].filter((part) => part).join(' ');
}

export function applicantIdentifier(record: RegistryRecord): string {
  return record.kind === 'individual' ? record.iin : record.bin;
}
