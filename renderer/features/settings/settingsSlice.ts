import type {
  BackendConnectionCheck,
  BackendConnectionCheckError,
  BackendConnectionInput,
  NotSignedIn,
  ServiceSummary,
  SettingsError,
  SupervisorSettings,
} from '../../../core/contract';
import type { CalendarOverride } from '../../../core/calendar/calendarSchema';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

export type SettingsLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly settings: SupervisorSettings; readonly versions: readonly ServiceSummary[] };

export type SettingsActivity =
  | { readonly kind: 'idle' }
  /** `serviceId` is shown as chosen while main saves it; a refusal puts the saved one back. */
  | { readonly kind: 'saving-version'; readonly activityId: string; readonly serviceId: string }
  | { readonly kind: 'saving-overrides' }
  | { readonly kind: 'saving-idle-lock' }
  | { readonly kind: 'saving-retention' }
  | { readonly kind: 'saving-backend-connection' };

/** The section a save belongs to: its outcome is shown there, next to the control that caused it. */
export type SettingName = 'service-version' | 'calendar-overrides' | 'idle-lock' | 'retention' | 'backend-connection';

/** What the last save did; cleared by the next edit. */
export type SettingsOutcome =
  | { readonly kind: 'saved'; readonly setting: SettingName }
  | { readonly kind: 'failed'; readonly setting: SettingName; readonly error: SettingsError }
  | null;

/** The last connection check of a candidate backend (nothing saved); forgotten when the candidate changes. */
export type BackendCheckState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'passed'; readonly check: BackendConnectionCheck }
  | { readonly kind: 'failed'; readonly error: BackendConnectionCheckError };

export interface SettingsState {
  readonly settingsLoad: SettingsLoad;
  /** The overrides being edited, sorted by date; null while they equal the saved ones. */
  readonly overridesDraft: readonly CalendarOverride[] | null;
  readonly settingsActivity: SettingsActivity;
  readonly settingsOutcome: SettingsOutcome;
  readonly backendCheck: BackendCheckState;
}

export interface SettingsActions {
  /** The saved settings and every regulation version of this workplace's services. */
  loadSettings(): Promise<Result<SupervisorSettings, NotSignedIn>>;
  /** Makes `serviceId` the version operators are offered, then reloads the service list. */
  chooseServiceVersion(activityId: string, serviceId: string): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Adds a parsed override to the draft; false when its date already has one (the contract allows one per date). */
  addCalendarOverride(override: CalendarOverride): boolean;
  removeCalendarOverride(date: string): void;
  /** Replaces the saved overrides with the draft; null when there is nothing to save. */
  saveCalendarOverrides(): Promise<Result<SupervisorSettings, SettingsError> | null>;
  /** Sets the idle auto-lock timeout (whole minutes, 1–60); this workstation's lock follows at once. */
  saveIdleLockMinutes(minutes: number): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Sets the retention period (whole days, 1–3650) after which main purges an application's personal data. */
  saveRetentionDays(days: number): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Saves the backend connection; main uses it from the next start (`backendConnection.restartRequired`). */
  saveBackendConnection(input: BackendConnectionInput): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Tries a candidate connection in main and keeps what it found in `backendCheck`. */
  checkBackendConnection(input: BackendConnectionInput): Promise<Result<BackendConnectionCheck, BackendConnectionCheckError>>;
  /** Drops the last check: it described another candidate than the one now in the form. */
  forgetBackendCheck(): void;
  /** Forgets everything on logout: the next person may not be a supervisor. */
  clearSettings(): void;
}

export type SettingsSlice = SettingsState & SettingsActions;

export const settingsInitialState: SettingsState = {
  settingsLoad: { kind: 'idle' },
  overridesDraft: null,
  settingsActivity: { kind: 'idle' },
  settingsOutcome: null,
  backendCheck: { kind: 'idle' },
};

const NO_OVERRIDES: readonly CalendarOverride[] = [];

function byDate(a: CalendarOverride, b: CalendarOverride): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** The overrides on screen: the draft if any, else the saved ones. */
export function overridesShown(state: SettingsState): readonly CalendarOverride[] {
  if (state.overridesDraft !== null) return state.overridesDraft;
  return state.settingsLoad.kind === 'loaded' ? state.settingsLoad.settings.calendarOverrides : NO_OVERRIDES;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = ({ set, get, api }) => {
  /** A saved answer replaces the settings on screen; the version list stays. */
  function adoptSaved(setting: SettingName, settings: SupervisorSettings, overridesDraft: readonly CalendarOverride[] | null) {
    const load = get().settingsLoad;
    const versions = load.kind === 'loaded' ? load.versions : [];
    set({
      settingsLoad: { kind: 'loaded', settings, versions },
      overridesDraft,
      settingsActivity: { kind: 'idle' },
      settingsOutcome: { kind: 'saved', setting },
    });
  }

  function refuse(setting: SettingName, error: SettingsError) {
    if (error.kind === 'not-signed-in') get().endExpiredSession();
    else set({ settingsActivity: { kind: 'idle' }, settingsOutcome: { kind: 'failed', setting, error } });
  }

  return {
    ...settingsInitialState,

    async loadSettings() {
      if (get().settingsLoad.kind !== 'loaded') set({ settingsLoad: { kind: 'loading' } });
      const [settings, versions] = await Promise.all([api.settings.get(), api.catalog.listAllVersions()]);
      if (!settings.ok || !versions.ok) {
        get().endExpiredSession();
        return settings.ok ? { ok: false, error: { kind: 'not-signed-in' } } : settings;
      }
      set({ settingsLoad: { kind: 'loaded', settings: settings.value, versions: versions.value }, overridesDraft: null, settingsOutcome: null, backendCheck: { kind: 'idle' } });
      return settings;
    },

    async chooseServiceVersion(activityId, serviceId) {
      set({ settingsActivity: { kind: 'saving-version', activityId, serviceId }, settingsOutcome: null });
      const result = await api.settings.setCurrentServiceVersion(activityId, serviceId);
      if (!result.ok) {
        refuse('service-version', result.error);
        return result;
      }
      adoptSaved('service-version', result.value, get().overridesDraft);
      await get().loadServices();
      return result;
    },

    addCalendarOverride(override) {
      const shown = overridesShown(get());
      if (shown.some((existing) => existing.date === override.date)) return false;
      set({ overridesDraft: [...shown, override].sort(byDate), settingsOutcome: null });
      return true;
    },

    removeCalendarOverride(date) {
      set({ overridesDraft: overridesShown(get()).filter((override) => override.date !== date), settingsOutcome: null });
    },

    async saveCalendarOverrides() {
      const draft = get().overridesDraft;
      if (draft === null || get().settingsActivity.kind !== 'idle') return null;
      set({ settingsActivity: { kind: 'saving-overrides' }, settingsOutcome: null });
      const result = await api.settings.setCalendarOverrides(draft);
      if (result.ok) adoptSaved('calendar-overrides', result.value, null);
      else refuse('calendar-overrides', result.error);
      return result;
    },

    async saveIdleLockMinutes(minutes) {
      set({ settingsActivity: { kind: 'saving-idle-lock' }, settingsOutcome: null });
      const result = await api.settings.setIdleLockMinutes(minutes);
      if (result.ok) {
        adoptSaved('idle-lock', result.value, get().overridesDraft);
        set({ idleLockMinutes: result.value.idleLockMinutes });
      } else refuse('idle-lock', result.error);
      return result;
    },

    async saveRetentionDays(days) {
      set({ settingsActivity: { kind: 'saving-retention' }, settingsOutcome: null });
      const result = await api.settings.setRetentionDays(days);
      if (result.ok) adoptSaved('retention', result.value, get().overridesDraft);
      else refuse('retention', result.error);
      return result;
    },

    async saveBackendConnection(input) {
      set({ settingsActivity: { kind: 'saving-backend-connection' }, settingsOutcome: null });
      const result = await api.settings.setBackendConnection(input);
      if (result.ok) adoptSaved('backend-connection', result.value, get().overridesDraft);
      else refuse('backend-connection', result.error);
      return result;
    },

    async checkBackendConnection(input) {
      set({ backendCheck: { kind: 'checking' }, settingsOutcome: null });
      const result = await api.settings.checkBackendConnection(input);
      if (result.ok) set({ backendCheck: { kind: 'passed', check: result.value } });
      else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
      else set({ backendCheck: { kind: 'failed', error: result.error } });
      return result;
    },

    forgetBackendCheck() {
      if (get().backendCheck.kind !== 'idle') set({ backendCheck: { kind: 'idle' } });
    },

    clearSettings() {
      set(settingsInitialState);
    },
  };
};
