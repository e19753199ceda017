import type { ApplicationSummary, ProviderStatus } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';

const NO_APPLICATIONS: readonly ApplicationSummary[] = [];

export function selectHandOverResults(state: WorkstationState): readonly ApplicationSummary[] {
  return state.handOverSearch.kind === 'found' ? state.handOverSearch.applications : NO_APPLICATIONS;
}

export function selectHandOverChosen(state: WorkstationState): ApplicationSummary | null {
  return selectHandOverResults(state).find((application) => application.applicationId === state.handOverSelectedId) ?? null;
}

/** Why the result cannot be handed over yet; the screen explains it next to the disabled button. */
export type HandOverBlocker =
  | { readonly kind: 'not-registered' }
  | { readonly kind: 'no-status' }
  | { readonly kind: 'not-ready'; readonly status: ProviderStatus }
  | { readonly kind: 'view-result-first' }
  | { readonly kind: 'already-handed-over'; readonly handedOverAt: string };

/**
 * Mirrors main's rule (status.handOver answers not-ready otherwise): the provider's status is
 * ready-for-handover and the result document is stored here, which viewing or printing it does.
 */
export function handOverBlockerOf(application: ApplicationSummary): HandOverBlocker | null {
  if (application.handOver !== null) return { kind: 'already-handed-over', handedOverAt: application.handOver.handedOverAt };
  if (application.state !== 'registered') return { kind: 'not-registered' };
  const tracking = application.tracking;
  if (tracking === null) return { kind: 'no-status' };
  if (tracking.status !== 'ready-for-handover') return { kind: 'not-ready', status: tracking.status };
  if (!tracking.resultStored) return { kind: 'view-result-first' };
  return null;
}

/**
 * The questionnaire screen's opener, when the store has one (another feature adds
 * `openQuestionnaire(applicationId)`); the hand-over screen offers the button only then.
 */
export function questionnaireOpenerOf(state: WorkstationState): ((applicationId: string) => unknown) | null {
  const candidate = (state as { readonly openQuestionnaire?: unknown }).openQuestionnaire;
  return typeof candidate === 'function' ? (candidate as (applicationId: string) => unknown) : null;
}
