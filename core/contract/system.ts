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

/** Why the database opened read-only: the disk refused the writes that opening must make. */
export type StorageReadOnlyReason = 'disk-full' | 'read-only-file-system' | 'no-permission' | 'io-error';

export type StorageState =
  | { readonly kind: 'ok' }
  /** Everything on disk is shown; nothing can be accepted, changed or sent until the cause is fixed and the workstation restarts. */
  | { readonly kind: 'read-only'; readonly reason: StorageReadOnlyReason }
  /** A journal write failed while running: nothing more is read, saved or sent until the workstation restarts. */
  | { readonly kind: 'failed' };

/**
 * Damage at the end of a journal file found when the workstation started: the bytes were moved to a
 * quarantine file beside the database, and the applications whose local numbers they still show
 * (acknowledged at the counter) may be lost here — check them with the licensing body.
 */
export interface StorageDamage {
  /** File names only (they live in the data directory). */
  readonly journalFile: string;
  readonly offset: number;
  readonly bytes: number;
  readonly reason: string;
  /** null when the database opened read-only (the bytes were left in place). */
  readonly quarantineFile: string | null;
  readonly possiblyLostLocalNumbers: readonly string[];
}

/** The local database's health for the header and diagnostics (issue 16); no personal data. */
export interface StorageStatus {
  readonly state: StorageState;
  /** Damage found when this run started (empty when none). */
  readonly damage: readonly StorageDamage[];
  /** When this run opened the database. */
  readonly openedAt: string;
}

export interface SystemApi {
  /** Version, host kind, backend in use and the interface language; available before login. */
  about(): Promise<Result<AppInfo, never>>;
  /** The database's state and any damage found at start; available before login. */
  storage(): Promise<Result<StorageStatus, never>>;
  /** Persists the interface language for this workstation. */
  setLanguage(language: Language): Promise<Result<Language, never>>;
}
