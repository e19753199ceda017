import type { ReadableDb, WritableDb } from './SqlJsDatabase';

export function getSetting(db: ReadableDb, key: string): string | null {
  const row = db.get(`SELECT value FROM settings WHERE key = ?`, [key]);
  return typeof row?.value === 'string' ? row.value : null;
}

export function putSetting(db: WritableDb, key: string, value: string): void {
  db.run(`INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, [key, value]);
}
