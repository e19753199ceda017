import type { AppInfo, Language } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

export interface PreferencesState {
  /** Kazakh until main says otherwise (DESIGN.md §8: Kazakh is the default). */
  readonly language: Language;
  readonly appInfo: AppInfo | null;
}

export interface PreferencesActions {
  loadPreferences(): Promise<void>;
  /** Switches at once, then persists for this workstation and adopts the language main confirms. */
  changeLanguage(language: Language): Promise<Result<Language, never>>;
}

export type PreferencesSlice = PreferencesState & PreferencesActions;

export const preferencesInitialState: PreferencesState = { language: 'kk', appInfo: null };

export const createPreferencesSlice: SliceCreator<PreferencesSlice> = ({ set, api }) => ({
  ...preferencesInitialState,

  async loadPreferences() {
    const about = await api.system.about();
    if (about.ok) set({ appInfo: about.value, language: about.value.language });
  },

  async changeLanguage(language) {
    set({ language });
    const result = await api.system.setLanguage(language);
    if (result.ok) set({ language: result.value });
    return result;
  },
});
