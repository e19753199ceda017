import { isResignable } from '../../../core/submission/resignable';
import type { ApplicationSummary, QueueStatus } from '../../../core/contract';
import type { WorkstationState } from '../../store/storeTypes';
import { selectApplications } from '../applications/applicationsSelectors';
import type { QueueActionFailure, QueueActionKind } from './queueSlice';

/** An application's state as the queue panel shows it: "sending" is an accepted one the sender holds right now. */
export type QueueRowState = 'accepted' | 'sending' | 'registered' | 'needs-attention' | 'withdrawn';

export const selectQueueStatus = (state: WorkstationState): QueueStatus | null => state.queueStatus;
export const selectIsQueuePaused = (state: WorkstationState): boolean => state.queueStatus?.paused === true;
export const selectIsQueueToggleBusy = (state: WorkstationState): boolean => state.isQueueToggleBusy;

/** How many applications wait to be sent (those being sent included); null before the first poll. */
export const selectWaitingCount = (state: WorkstationState): number | null => state.queueStatus?.counts.accepted ?? null;

/** The backlog draining since the queue was last empty, or null when nothing waits (no progress bar). */
export function selectDrainingBacklog(state: WorkstationState): QueueStatus['backlog'] | null {
  const backlog = state.queueStatus?.backlog;
  return backlog !== undefined && backlog.remaining > 0 && backlog.total > 0 ? backlog : null;
}

export function selectIsSending(state: WorkstationState, applicationId: string): boolean {
  return state.queueStatus?.sendingIds.includes(applicationId) === true;
}

export function queueRowStateOf(application: ApplicationSummary, isSending: boolean): QueueRowState {
  return application.state === 'accepted' && isSending ? 'sending' : application.state;
}

const ROW_ORDER: Readonly<Record<QueueRowState, number>> = { 'needs-attention': 0, sending: 1, accepted: 2, registered: 3, withdrawn: 3 };

/**
 * The applications as the queue panel lists them: what needs the operator first, then what is being
 * sent and what waits, then the rest; newest first within each group. New array, same items: use
 * with useWorkstationShallow.
 */
export function selectQueueApplications(state: WorkstationState): readonly ApplicationSummary[] {
  const sendingIds = state.queueStatus?.sendingIds ?? [];
  const rank = (application: ApplicationSummary) => ROW_ORDER[queueRowStateOf(application, sendingIds.includes(application.applicationId))];
  return selectApplications(state)
    .map((application, index) => ({ application, index }))
    .sort((a, b) => rank(a.application) - rank(b.application) || a.index - b.index)
    .map(({ application }) => application);
}

/** Which of the operator's options a row offers in its state. */
export interface QueueRowOptions {
  readonly canRetry: boolean;
  readonly canWithdraw: boolean;
  /** Only for a refusal of the signature: re-signing cannot cure a wrong document or data. */
  readonly canResign: boolean;
}

export function queueRowOptionsOf(application: ApplicationSummary, rowState: QueueRowState): QueueRowOptions {
  switch (rowState) {
    case 'accepted':
      return { canRetry: true, canWithdraw: true, canResign: false };
    case 'needs-attention':
      return { canRetry: true, canWithdraw: true, canResign: isResignable(application.problemCode) };
    // Being sent: its answer decides; withdrawing now would race the registration.
    case 'sending':
    case 'registered':
    case 'withdrawn':
      return { canRetry: false, canWithdraw: false, canResign: false };
  }
}

export function selectQueueBusy(state: WorkstationState, applicationId: string): QueueActionKind | null {
  return state.queueBusy[applicationId] ?? null;
}

export function selectQueueFailure(state: WorkstationState, applicationId: string): QueueActionFailure | null {
  return state.queueFailures[applicationId] ?? null;
}
