// Temp files of atomicWriteFile (`.<name>.<hex>.tmp`) that a crash left behind: never renamed into
// place, so nothing refers to them. Removed at start so repeated crashes do not leak disk space.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Removes stale temp files in `dir` and, to `depth` levels, its subfolders; returns how many. */
export async function removeStaleTempFiles(dir: string, depth = 0): Promise<number> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && TEMP_NAME.test(entry.name)) {
      await rm(full, { force: true });
      removed += 1;
    } else if (entry.isDirectory() && depth > 0) {
      removed += await removeStaleTempFiles(full, depth - 1);
    }
  }
  return removed;
}
