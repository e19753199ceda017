import type { OperatorProfile } from '../../../core/contract';
import type { CatalogEntry } from '../../../core/catalog/catalogSchema';
import type { WorkstationState } from '../../store/storeTypes';

export const selectIsStarted = (state: WorkstationState): boolean => state.isStarted;
export const selectOperator = (state: WorkstationState): OperatorProfile | null => state.operator;
export const selectIsSignedIn = (state: WorkstationState): boolean => state.operator !== null;
/** Only a supervisor maintains the workstation settings (DESIGN.md §1). */
export const selectIsSupervisor = (state: WorkstationState): boolean => state.operator?.role === 'supervisor';
export const selectLoginAttempt = (state: WorkstationState) => state.loginAttempt;
export const selectSessionNotice = (state: WorkstationState) => state.sessionNotice;
export const selectIdleLockMinutes = (state: WorkstationState): number => state.idleLockMinutes;
/** Signed in with the cached verifier while the backend was unreachable (no registry, no sending). */
export const selectIsOfflineSignIn = (state: WorkstationState): boolean => state.operator?.offline === true;

/** Who performs Diagram No. 2 at this operator's workplace: a PSC operator or a provider's employee. */
export function selectOperatorPerformer(state: WorkstationState): CatalogEntry['performer'] | null {
  const kind = state.operator?.workplace.kind;
  if (kind === undefined) return null;
  return kind === 'psc' ? 'psc-operator' : 'provider-employee';
}
