import type { Result } from '../result';
import type { Language } from './common';

export interface AppInfo {
  readonly version: string;
  readonly host: 'electron' | 'browser';
  readonly backend: { readonly mode: 'embedded' | 'configured'; readonly url: string };
  readonly language: Language;
}

export interface SystemApi {
  /** Version, host kind, backend in use and the interface language; available before login. */
  about(): Promise<Result<AppInfo, never>>;
  /** Persists the interface language for this workstation. */
  setLanguage(language: Language): Promise<Result<Language, never>>;
}
