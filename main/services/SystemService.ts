import { languageSchema, type Language } from '../../core/contract/common';
import type { AppInfo, StorageStatus, SystemApi } from '../../core/contract/system';
import type { Result } from '../../core/result';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';

const LANGUAGE_KEY = 'ui.language';

/** The interface language the operator chose last (Kazakh until they choose). */
export function storedLanguage(db: SqlJsDatabase): Language {
  const stored = languageSchema.safeParse(db.read((r) => getSetting(r, LANGUAGE_KEY)));
  return stored.success ? stored.data : 'kk';
}

export class SystemService implements SystemApi {
  constructor(
    private readonly db: SqlJsDatabase,
    private readonly info: Omit<AppInfo, 'language'>,
    /** The database's health (main/storage/storageStatus.ts); never reads the database. */
    private readonly storageStatus: () => StorageStatus,
  ) {}

  async about(): Promise<Result<AppInfo, never>> {
    // After a durability failure the database refuses reads: the interface still starts, in Kazakh.
    const language = this.db.access.kind === 'failed' ? 'kk' : storedLanguage(this.db);
    return { ok: true, value: { ...this.info, language } };
  }

  async storage(): Promise<Result<StorageStatus, never>> {
    return { ok: true, value: this.storageStatus() };
  }

  async setLanguage(language: Language): Promise<Result<Language, never>> {
    await this.db.write((w) => putSetting(w, LANGUAGE_KEY, language));
    return { ok: true, value: language };
  }
}
