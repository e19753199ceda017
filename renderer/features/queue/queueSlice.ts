import type { ApplicationSummary, QueueActionError, QueueApi, QueueStatus } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator, WorkstationState } from '../../store/storeTypes';
import { signingMethodOf } from '../signing/signingSelectors';

/** What the operator can do to one application in the queue. */
export type QueueActionKind = 'retry' | 'withdraw' | 'resign';

type FailureOf<R> = R extends Promise<Result<unknown, infer E>> ? E : never;
export type ResignError = FailureOf<ReturnType<QueueApi['resign']>>;

/** Why the last action on an application did not happen (not-signed-in ends the session instead). */
export type QueueActionFailure =
  | { readonly action: 'retry' | 'withdraw'; readonly error: Exclude<QueueActionError, { readonly kind: 'not-signed-in' }> }
  | { readonly action: 'resign'; readonly error: Exclude<ResignError, { readonly kind: 'not-signed-in' }> };

export interface QueueState {
  /** main's outbox as last polled; null until the first answer (the indicator shows "checking"). */
  readonly queueStatus: QueueStatus | null;
  /** The action under way per application id. */
  readonly queueBusy: Readonly<Record<string, QueueActionKind>>;
  /** The last failed action per application id, until the next action on it. */
  readonly queueFailures: Readonly<Record<string, QueueActionFailure>>;
  /** Pause or resume under way. */
  readonly isQueueToggleBusy: boolean;
  /** Bumped by clearQueue (logout, lock): an answer to a call made before it is dropped. */
  readonly queueGeneration: number;
}

export interface QueueActions {
  /**
   * Polls main's outbox (the indicator's poll). When the counts moved and the application list is
   * loaded (queue panel or journal), or the result screen waits for a registration, reloads the
   * list too, so rows and the result follow the sender.
   */
  refreshQueueStatus(): Promise<void>;
  retryApplication(applicationId: string): Promise<Result<ApplicationSummary, QueueActionError> | null>;
  /** Takes it out of the queue for good; the panel asks the operator to confirm first. */
  withdrawApplication(applicationId: string): Promise<Result<ApplicationSummary, QueueActionError> | null>;
  /**
   * Signs the application's payload anew with the key chosen in the signing controls (or NCALayer).
   * `keyPassword` opens the key file for this call only and is not kept. Null when there is no key
   * or password yet, or an action on it is already under way.
   */
  resignApplication(applicationId: string, keyPassword: string): Promise<Result<ApplicationSummary, ResignError> | null>;
  /** Pauses sending if it runs, resumes it if paused. */
  toggleQueuePause(): Promise<void>;
  /** Logout and lock: the next operator starts from a fresh poll. */
  clearQueue(): void;
}

export type QueueSlice = QueueState & QueueActions;

export const queueInitialState: Omit<QueueState, 'queueGeneration'> = {
  queueStatus: null,
  queueBusy: {},
  queueFailures: {},
  isQueueToggleBusy: false,
};

function haveCountsChanged(before: QueueStatus | null, after: QueueStatus): boolean {
  if (before === null) return true;
  const a = before.counts;
  const b = after.counts;
  return a.accepted !== b.accepted || a.registered !== b.registered || a.needsAttention !== b.needsAttention || a.withdrawn !== b.withdrawn;
}

function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  if (!Object.hasOwn(record, key)) return record;
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** The list with main's new state of one application (the rows on screen follow at once, before the next poll). */
function withApplication(state: WorkstationState, application: ApplicationSummary): Partial<WorkstationState> {
  const load = state.applicationsLoad;
  if (load.kind !== 'loaded') return {};
  const applications = load.applications.map((existing) => (existing.applicationId === application.applicationId ? application : existing));
  return { applicationsLoad: { kind: 'loaded', applications } };
}

/** The result screen shows an application the backend has not registered yet: it follows the queue. */
function isResultPending(state: WorkstationState): boolean {
  return state.submission.kind === 'done' && (state.submission.application.state === 'accepted' || state.submission.application.state === 'needs-attention');
}

export const createQueueSlice: SliceCreator<QueueSlice> = ({ set, get, api }) => {
  /** "Accepted at the counter" turns into "registered" on the result screen once the backend confirms. */
  function followSubmitted(applications: readonly ApplicationSummary[]): void {
    const submission = get().submission;
    if (submission.kind !== 'done') return;
    const current = applications.find((application) => application.applicationId === submission.application.applicationId);
    if (current !== undefined && current.state !== submission.application.state) set({ submission: { kind: 'done', application: current } });
  }

  /**
   * Runs one action on an application: marks it busy, drops an answer that belongs to an earlier
   * session, ends an expired one, and otherwise records the new state or the failure.
   */
  async function runQueueAction<E extends { readonly kind: string }>(
    applicationId: string,
    action: QueueActionKind,
    call: () => Promise<Result<ApplicationSummary, E>>,
    failure: (error: Exclude<E, { readonly kind: 'not-signed-in' }>) => QueueActionFailure,
  ): Promise<Result<ApplicationSummary, E> | null> {
    const before = get();
    if (before.operator === null || Object.hasOwn(before.queueBusy, applicationId)) return null;
    set({ queueBusy: { ...before.queueBusy, [applicationId]: action }, queueFailures: without(before.queueFailures, applicationId) });
    const result = await call();
    const after = get();
    if (after.queueGeneration !== before.queueGeneration) return result;
    const queueBusy = without(after.queueBusy, applicationId);
    if (result.ok) {
      set({ queueBusy, ...withApplication(after, result.value) });
      await get().refreshQueueStatus();
    } else if (result.error.kind === 'not-signed-in') {
      set({ queueBusy });
      get().endExpiredSession();
    } else {
      const error = result.error as Exclude<E, { readonly kind: 'not-signed-in' }>;
      set({ queueBusy, queueFailures: { ...after.queueFailures, [applicationId]: failure(error) } });
      // not-found / not-pending: someone else (the sender, another window) moved it; show what main has now.
      if (error.kind === 'not-found' || error.kind === 'not-pending') await get().loadApplications();
    }
    return result;
  }

  return {
    ...queueInitialState,
    queueGeneration: 0,

    async refreshQueueStatus() {
      const { operator, queueGeneration } = get();
      if (operator === null) return;
      const result = await api.queue.status();
      if (get().queueGeneration !== queueGeneration) return;
      if (!result.ok) {
        get().endExpiredSession();
        return;
      }
      const previous = get().queueStatus;
      set({ queueStatus: result.value });
      if (!haveCountsChanged(previous, result.value)) return;
      const state = get();
      const isListShown = state.applicationsLoad.kind === 'loaded';
      if (!isListShown && !isResultPending(state)) return;
      const list = await state.loadApplications();
      if (list.ok && get().queueGeneration === queueGeneration) followSubmitted(list.value);
    },

    retryApplication(applicationId) {
      return runQueueAction(applicationId, 'retry', () => api.queue.retryNow(applicationId), (error) => ({ action: 'retry', error }));
    },

    withdrawApplication(applicationId) {
      return runQueueAction(applicationId, 'withdraw', () => api.queue.withdraw(applicationId), (error) => ({ action: 'withdraw', error }));
    },

    async resignApplication(applicationId, keyPassword) {
      const method = signingMethodOf(get(), keyPassword);
      if (method === null) return null;
      return runQueueAction(applicationId, 'resign', () => api.queue.resign(applicationId, method), (error) => ({ action: 'resign', error }));
    },

    async toggleQueuePause() {
      const before = get();
      if (before.operator === null || before.queueStatus === null || before.isQueueToggleBusy) return;
      set({ isQueueToggleBusy: true });
      const result = before.queueStatus.paused ? await api.queue.resume() : await api.queue.pause();
      if (get().queueGeneration !== before.queueGeneration) return;
      set({ isQueueToggleBusy: false });
      if (result.ok) set({ queueStatus: result.value });
      else get().endExpiredSession();
    },

    clearQueue() {
      set({ ...queueInitialState, queueGeneration: get().queueGeneration + 1 });
    },
  };
};
