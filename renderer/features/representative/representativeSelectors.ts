import type { RepresentativeCard, RepresentativeQuery } from '../../../core/contract';
import { validateKzIdentifier } from '../../../core/identifiers/kzIdentifier';
import { WORKFLOW_PROFILES, type RepresentativeRule } from '../../../core/workflow/workflowProfiles';
import type { WorkstationState } from '../../store/storeTypes';
import { describeIdentifierInput, selectApplicantCard, selectIsApplicantAccepted, type IdentifierFeedback } from '../applicant/applicantSelectors';
import { selectSelectedService } from '../catalog/catalogSelectors';
import { checkPoaNumber, MAX_POA_NUMBER_LENGTH } from './poaNumber';
import type { RepresentativeContext, RepresentativeLookup } from './representativeSlice';

const IDLE: RepresentativeLookup = { kind: 'idle' };

/** What the chosen service's regulation says about representatives (regulations.md §3.3); null before a service is chosen. */
export function selectRepresentativeRule(state: WorkstationState): RepresentativeRule | null {
  const service = selectSelectedService(state);
  return service ? WORKFLOW_PROFILES[service.workflowProfile].representative : null;
}

/** [12] and [14] provide for a representative; the provider-only regulations do not. */
export function selectIsRepresentationOffered(state: WorkstationState): boolean {
  const rule = selectRepresentativeRule(state);
  return rule !== null && rule !== 'not-regulated';
}

export function selectIsRepresented(state: WorkstationState): boolean {
  return state.isRepresented && selectIsRepresentationOffered(state);
}

/** The service and the accepted applicant a representative check is made for. */
export function selectRepresentativeContext(state: WorkstationState): RepresentativeContext | null {
  const service = selectSelectedService(state);
  const card = selectApplicantCard(state);
  if (!service || !card || !selectIsApplicantAccepted(state)) return null;
  return { serviceId: service.id, applicantSnapshotId: card.snapshotId };
}

/** The check as it concerns the current draft: an answer given for another service or applicant counts as none. */
export function selectRepresentativeLookup(state: WorkstationState): RepresentativeLookup {
  const lookup = state.representativeLookup;
  if (lookup.kind === 'idle') return lookup;
  const context = selectRepresentativeContext(state);
  const isCurrent =
    context !== null && context.serviceId === lookup.context.serviceId && context.applicantSnapshotId === lookup.context.applicantSnapshotId;
  return isCurrent ? lookup : IDLE;
}

export function selectRepresentativeCard(state: WorkstationState): RepresentativeCard | null {
  if (!selectIsRepresented(state)) return null;
  const lookup = selectRepresentativeLookup(state);
  return lookup.kind === 'found' ? lookup.card : null;
}

/** Nothing about the representative holds the application up: in person, or a representative checked for this draft. */
export function selectIsRepresentativeSettled(state: WorkstationState): boolean {
  return !selectIsRepresented(state) || selectRepresentativeCard(state) !== null;
}

/**
 * W3-F for the representative ([14]: «деректерді алудың мүмкін еместігі» covers a missing PoA as
 * well as a missing person): the application stops like for a missing applicant.
 */
export function selectIsRepresentativeStopped(state: WorkstationState): boolean {
  if (!selectIsRepresented(state)) return false;
  const lookup = selectRepresentativeLookup(state);
  return lookup.kind === 'failed' && (lookup.error.kind === 'not-found' || lookup.error.kind === 'power-of-attorney-not-found');
}

/** Whether a PoA number is part of the check: [14] with a notarised PoA. */
export function selectIsPoaNumberAsked(state: WorkstationState): boolean {
  return selectRepresentativeRule(state) === 'notarised-poa-checked' && state.poaKind === 'notarised';
}

export function selectRepresentativeIinFeedback(state: WorkstationState): IdentifierFeedback {
  return describeIdentifierInput(state.representativeIinInput, state.isRepresentativeSubmitted);
}

export type PoaNumberFeedback =
  | { readonly kind: 'empty' }
  | { readonly kind: 'valid' }
  | { readonly kind: 'required' }
  | { readonly kind: 'too-long'; readonly length: number; readonly max: number }
  | { readonly kind: 'invalid-characters' };

export function describePoaNumberInput(input: string, isSubmitted: boolean): PoaNumberFeedback {
  const checked = checkPoaNumber(input);
  if (checked.ok) return { kind: 'valid' };
  switch (checked.error.kind) {
    case 'empty':
      return isSubmitted ? { kind: 'required' } : { kind: 'empty' };
    case 'too-long':
      return { kind: 'too-long', length: checked.error.length, max: MAX_POA_NUMBER_LENGTH };
    case 'invalid-characters':
      return checked.error;
  }
}

export function selectPoaNumberFeedback(state: WorkstationState): PoaNumberFeedback {
  return describePoaNumberInput(state.poaNumberInput, state.isRepresentativeSubmitted);
}

/**
 * The check the Check button would ask for, or null while a field is incomplete. Under [12]
 * ('registry-only') no PoA data are entered, so the PoA is sent as `other`.
 */
export function selectRepresentativeQuery(state: WorkstationState): RepresentativeQuery | null {
  const context = selectRepresentativeContext(state);
  if (context === null || !selectIsRepresented(state)) return null;
  const iin = validateKzIdentifier(state.representativeIinInput);
  if (!iin.ok) return null;
  if (!selectIsPoaNumberAsked(state)) return { ...context, iin: iin.value, powerOfAttorney: { kind: 'other' } };
  const number = checkPoaNumber(state.poaNumberInput);
  return number.ok ? { ...context, iin: iin.value, powerOfAttorney: { kind: 'notarised', number: number.value } } : null;
}

export const selectRepresentativeIinInput = (state: WorkstationState): string => state.representativeIinInput;
export const selectPoaNumberInput = (state: WorkstationState): string => state.poaNumberInput;
export const selectPoaKind = (state: WorkstationState) => state.poaKind;
