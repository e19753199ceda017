import { languageSchema, type Language } from '../../core/contract/common';
import type { AppInfo, SystemApi } from '../../core/contract/system';
import type { Result } from '../../core/result';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';

const LANGUAGE_KEY = 'ui.language';

export class SystemService implements SystemApi {
  constructor(
    private readonly db: SqlJsDatabase,
    private readonly info: Omit<AppInfo, 'language'>,
  ) {}

  async about(): Promise<Result<AppInfo, never>> {
    const stored = languageSchema.safeParse(this.db.read((r) => getSetting(r, LANGUAGE_KEY)));
    return { ok: true, value: { ...this.info, language: stored.success ? stored.data : 'kk' } };
  }

  async setLanguage(language: Language): Promise<Result<Language, never>> {
    await this.db.write((w) => putSetting(w, LANGUAGE_KEY, language));
    return { ok: true, value: language };
  }
}
