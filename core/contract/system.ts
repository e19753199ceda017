import type { Result } from '../result';
import type { Language } from './common';

export interface AppInfo {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  /**
   * `not-configured`: an installed workstation with no backend URL and no training mode; nothing was
   * started and the renderer shows "not configured: call the administrator" instead of the login.
   */
  readonly backend: { readonly mode: 'embedded' | 'configured' | 'not-configured'; readonly url: string };
  /** Training mode (the administrator's file): a permanent banner, and every printout is marked as training. */
  readonly trainingMode: boolean;
  /** The administrator's file this workstation reads (where the backend URL or training mode is set). */
  readonly adminConfigFile: string;
  /**
   * The blob key is kept without the OS key store's protection (no keyring, deliberately continued):
   * a warning stays on screen until the administrator fixes it.
   */
  readonly keyStoreWarning: boolean;
  readonly language: Language;
}

export interface SystemApi {
  /** Version, host kind, backend in use and the interface language; available before login. */
  about(): Promise<Result<AppInfo, never>>;
  /** Persists the interface language for this workstation. */
  setLanguage(language: Language): Promise<Result<Language, never>>;
}
