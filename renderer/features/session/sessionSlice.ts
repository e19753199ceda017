import type { LoginError, LoginRequest, OperatorProfile } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

export type LoginAttempt =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'failed'; readonly error: LoginError };

/** Why the login screen is showing although nobody clicked Logout. */
export type SessionNotice = 'session-expired';

export interface SessionState {
  /** False until startWorkstation() has asked main for the language and any session it still holds. */
  readonly isStarted: boolean;
  readonly operator: OperatorProfile | null;
  readonly loginAttempt: LoginAttempt;
  readonly sessionNotice: SessionNotice | null;
}

export interface SessionActions {
  /** Loads the interface language and resumes a session main still holds (after a reload of the browser host). */
  startWorkstation(): Promise<void>;
  login(request: LoginRequest): Promise<Result<OperatorProfile, LoginError>>;
  /** Wipes citizen data first, then tells main: nothing of the applicant outlives the click. */
  logout(): Promise<void>;
  /** A call answered not-signed-in (main locked or lost the session): same wipe as logout, with a notice. */
  endExpiredSession(): void;
}

export type SessionSlice = SessionState & SessionActions;

export const sessionInitialState: SessionState = {
  isStarted: false,
  operator: null,
  loginAttempt: { kind: 'idle' },
  sessionNotice: null,
};

export const createSessionSlice: SliceCreator<SessionSlice> = ({ set, get, api }) => ({
  ...sessionInitialState,

  async startWorkstation() {
    await get().loadPreferences();
    const current = await api.session.current();
    const operator = current.ok ? current.value : null;
    set({ isStarted: true, operator });
    if (operator) await get().loadServices();
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
    return result;
  },

  async logout() {
    get().resetCitizenData();
    get().clearCatalog();
    get().clearSettings();
    set({ operator: null, loginAttempt: { kind: 'idle' }, sessionNotice: null });
    await api.session.logout();
  },

  endExpiredSession() {
    get().resetCitizenData();
    get().clearCatalog();
    get().clearSettings();
    set({ operator: null, loginAttempt: { kind: 'idle' }, sessionNotice: 'session-expired' });
  },
});
