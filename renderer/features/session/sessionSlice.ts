import { IDLE_LOCK_MINUTES, type LoginError, type LoginRequest, type OperatorProfile } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

export type LoginAttempt =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'failed'; readonly error: LoginError };

/** Why the login screen is showing although nobody clicked Logout. */
export type SessionNotice = 'session-expired' | 'idle-locked';

export interface SessionState {
  /** False until startWorkstation() has asked main for the language and any session it still holds. */
  readonly isStarted: boolean;
  readonly operator: OperatorProfile | null;
  readonly loginAttempt: LoginAttempt;
  readonly sessionNotice: SessionNotice | null;
  /** Minutes without keyboard or mouse activity before the idle auto-lock (a supervisor setting). */
  readonly idleLockMinutes: number;
}

export interface SessionActions {
  /**
   * Loads the interface language and resumes a session main still holds (after a reload of the
   * browser host), offering back the unfinished applications main kept.
   */
  startWorkstation(): Promise<void>;
  /** Signs in, loads the catalog and the operator's unfinished applications (offered back after a crash). */
  login(request: LoginRequest): Promise<Result<OperatorProfile, LoginError>>;
  /**
   * Wipes citizen data and the operator's key first, then stops a running scan and tells main:
   * nothing of the applicant outlives the click. The draft stays in main and is offered back at the next login.
   */
  logout(): Promise<void>;
  /** A call answered not-signed-in (main locked or lost the session): same wipe as logout, with a notice. */
  endExpiredSession(): void;
  /** Reads the idle auto-lock timeout from the settings; keeps the last known one if main cannot say. */
  loadIdleLockMinutes(): Promise<void>;
  /**
   * Idle auto-lock: the same wipe as logout (nothing of the applicant stays in the renderer), then
   * main ends its session; the operator signs in again and the draft is offered back.
   */
  lockForInactivity(): Promise<void>;
}

export type SessionSlice = SessionState & SessionActions;

export const sessionInitialState: SessionState = {
  isStarted: false,
  operator: null,
  loginAttempt: { kind: 'idle' },
  sessionNotice: null,
  idleLockMinutes: IDLE_LOCK_MINUTES.default,
};

export const createSessionSlice: SliceCreator<SessionSlice> = ({ set, get, api }) => {
  /** Everything logout, lock and an expired session share: citizen data, catalog, settings, key, queue, operator. */
  function wipeSession(notice: SessionNotice | null): void {
    get().resetCitizenData();
    get().clearCatalog();
    get().clearSettings();
    get().clearSigning();
    get().clearQueue();
    set({ operator: null, loginAttempt: { kind: 'idle' }, sessionNotice: notice });
  }

  return {
    ...sessionInitialState,

    async startWorkstation() {
      await get().loadPreferences();
      const current = await api.session.current();
      const operator = current.ok ? current.value : null;
      set({ isStarted: true, operator });
      if (operator) {
        await get().loadServices();
        await get().loadOpenDrafts();
      }
    },

    async login(request) {
      set({ loginAttempt: { kind: 'busy' }, sessionNotice: null });
      const result = await api.session.login(request);
      if (!result.ok) {
        set({ loginAttempt: { kind: 'failed', error: result.error } });
        return result;
      }
      get().resetCitizenData();
      set({ operator: result.value, loginAttempt: { kind: 'idle' } });
      await get().loadServices();
      await get().loadOpenDrafts();
      return result;
    },

    async logout() {
      const scan = get().scanRun;
      wipeSession(null);
      // The feeder must not keep filling the draft of an operator who has left the counter.
      if (scan.kind === 'running') await api.scanning.cancel(scan.job.jobId);
      await api.session.logout();
    },

    endExpiredSession() {
      wipeSession('session-expired');
    },

    async loadIdleLockMinutes() {
      const settings = await api.settings.get();
      if (settings.ok) set({ idleLockMinutes: settings.value.idleLockMinutes });
    },

    async lockForInactivity() {
      const scan = get().scanRun;
      wipeSession('idle-locked');
      if (scan.kind === 'running') await api.scanning.cancel(scan.job.jobId);
      await api.session.lock();
    },
  };
};
