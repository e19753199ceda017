import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { databaseFiles } from '../db/SqlJsDatabase';

/**
 * Size and last save of the database on disk: the snapshot plus both journals (every commit is
 * appended to a journal durably, so the newest mtime is the last save). Read-only: stats the
 * files, never opens them.
 */
export async function databaseFileStats(file: string): Promise<{ sizeBytes: number; lastSavedAt: string | null }> {
  const stats = await Promise.all(databaseFiles(file).map((name) => stat(name).catch(() => null)));
  let sizeBytes = 0;
  let last = 0;
  for (const s of stats) {
    if (!s) continue;
    sizeBytes += s.size;
    last = Math.max(last, s.mtimeMs);
  }
  return { sizeBytes, lastSavedAt: last > 0 ? new Date(last).toISOString() : null };
}

/** Quarantine files (damaged journal bytes set aside at a start) beside the database, oldest first; names only. */
export async function quarantineFilesBeside(file: string): Promise<string[]> {
  const prefix = `${path.basename(file)}.quarantine-`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(prefix)).sort();
}
