// Temp files of atomicWriteFile (`.<name>.<hex>.tmp`) that a crash left behind: never renamed into
// place, so nothing refers to them. Removed at start so repeated crashes do not leak disk space.
import path from 'node:path';
import { errorCode, nodeDurableFs, type DurableFs } from './durableFs';

const TEMP_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

export interface TempSweepOptions {
  /** Subfolder levels to descend into (blobs are sharded one level deep). */
  readonly depth?: number;
  /** Only temp files of this file name (e.g. the database's own, in a folder shared with others). */
  readonly of?: string;
  readonly fs?: DurableFs;
}

/** Removes stale temp files in `dir` (and, to `depth` levels, its subfolders); returns how many. */
export async function removeStaleTempFiles(dir: string, depthOrOptions: number | TempSweepOptions = 0): Promise<number> {
  const options = typeof depthOrOptions === 'number' ? { depth: depthOrOptions } : depthOrOptions;
  const fs = options.fs ?? nodeDurableFs;
  const depth = options.depth ?? 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const full = path.join(dir, name);
    if (TEMP_NAME.test(name) && (options.of === undefined || name.startsWith(`.${options.of}.`))) {
      try {
        await fs.unlink(full);
        removed += 1;
      } catch (error) {
        // A folder that merely looks like a temp name, or one removed meanwhile: not ours to worry about.
        if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'EISDIR' && errorCode(error) !== 'EPERM') throw error;
      }
    } else if (depth > 0 && options.of === undefined) {
      removed += await removeStaleTempFiles(full, { depth: depth - 1, fs });
    }
  }
  return removed;
}
