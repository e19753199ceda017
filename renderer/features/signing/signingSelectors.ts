import type { CertificateCardView, KeySource, RememberedKey, SigningMethod, SigningProblem } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectSelectedService } from '../catalog/catalogSelectors';

/** The chosen service's regulation requires the operator's EDS (Diagram No. 2 step 6); provider services do not. */
export function selectIsSigningRequired(state: WorkstationState): boolean {
  return selectSelectedService(state)?.operatorEdsRequired === true;
}

export const selectSigningChoice = (state: WorkstationState) => state.signingChoice;
export const selectPickedKey = (state: WorkstationState) => state.pickedKey;
export const selectKeyPickError = (state: WorkstationState) => state.keyPickError;
export const selectKeyCheck = (state: WorkstationState) => state.keyCheck;
export const selectRevocation = (state: WorkstationState) => state.revocation;

export function selectRememberedKey(state: WorkstationState): RememberedKey | null {
  return state.rememberedKey.kind === 'loaded' ? state.rememberedKey.key : null;
}

/** The key the operator will sign with: the file picked now, else the remembered one if main can reopen it. */
export type ChosenKey = { readonly kind: 'picked' | 'remembered'; readonly fileName: string };

export function selectChosenKey(state: WorkstationState): ChosenKey | null {
  if (state.pickedKey) return { kind: 'picked', fileName: state.pickedKey.fileName };
  const remembered = selectRememberedKey(state);
  return remembered?.reopenable ? { kind: 'remembered', fileName: remembered.fileName } : null;
}

/** Whether a key is chosen; a primitive, so a component re-renders only when it changes. */
export const selectHasChosenKey = (state: WorkstationState): boolean => selectChosenKey(state) !== null;
export const selectChosenKeyName = (state: WorkstationState): string | null => selectChosenKey(state)?.fileName ?? null;

export function selectKeySource(state: WorkstationState): KeySource | null {
  const picked = state.pickedKey;
  if (picked) return { kind: 'file', fileName: picked.fileName, path: picked.path, bytesBase64: picked.bytesBase64 };
  return selectChosenKey(state) ? { kind: 'remembered' } : null;
}

/** What submitDraft gets: null for a service without the operator's EDS, or how to sign; incomplete while something is missing. */
export type SigningRequest =
  | { readonly kind: 'not-required' }
  | { readonly kind: 'ready'; readonly method: SigningMethod }
  | { readonly kind: 'incomplete' };

/** How to sign with the method and key on screen; null while the key file or its password is missing. */
export function signingMethodOf(state: WorkstationState, keyPassword: string): SigningMethod | null {
  // NCALayer asks for the password in its own window.
  if (state.signingChoice === 'ncalayer') return { kind: 'ncalayer' };
  const key = selectKeySource(state);
  if (key === null || keyPassword === '') return null;
  return { kind: 'key-file', key, password: keyPassword };
}

export function signingRequestOf(state: WorkstationState, keyPassword: string): SigningRequest {
  if (!selectIsSigningRequired(state)) return { kind: 'not-required' };
  const method = signingMethodOf(state, keyPassword);
  return method === null ? { kind: 'incomplete' } : { kind: 'ready', method };
}

/** Whether "Sign and submit" has what signing needs (the draft's own completeness is selectCanSubmit). */
export function selectIsSigningReady(state: WorkstationState, hasKeyPassword: boolean): boolean {
  return signingRequestOf(state, hasKeyPassword ? 'typed' : '').kind !== 'incomplete';
}

/** The problem to show at the key: the last signing attempt's, else the last check's. */
export function selectKeyProblem(state: WorkstationState): SigningProblem | null {
  if (state.signingFailure) return state.signingFailure;
  if (state.signingChoice !== 'key-file') return null;
  const check = state.keyCheck;
  if (check.kind === 'failed') return check.error;
  return check.kind === 'checked' ? check.inspection.problem : null;
}

export function selectCertificateCard(state: WorkstationState): CertificateCardView | null {
  return state.signingChoice === 'key-file' && state.keyCheck.kind === 'checked' ? state.keyCheck.inspection.card : null;
}

/** The card of the key NCALayer signed with, when main refused it (expired, revoked, another person's…). */
export const selectRefusedAgentCard = (state: WorkstationState): CertificateCardView | null =>
  state.signingChoice === 'ncalayer' ? state.signingFailureCard : null;

export const selectIsCheckingKey = (state: WorkstationState): boolean => state.keyCheck.kind === 'busy';
