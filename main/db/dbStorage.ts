import path from 'node:path';
import { atomicWriteFile, tempFileName } from './atomicWriteFile';
import { errorCode, nodeDurableFs, syncDirectory, writeAll, type DurableFs } from './durableFs';
import { removeStaleTempFiles } from './removeStaleTempFiles';

/** An append-only journal file kept open while the database is. */
export interface JournalHandle {
  /** Appends all of `bytes` at the end of the file (not yet durable). */
  append(bytes: Uint8Array): Promise<void>;
  /** Makes every append so far durable (fdatasync). */
  sync(): Promise<void>;
  /** Empties the file durably (ftruncate + fdatasync); rejects if either fails. */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations the database needs; tests substitute one that can crash at any step. */
export interface DbStorage {
  /** The file's bytes, or null when it does not exist. */
  read(file: string): Promise<Uint8Array | null>;
  /** Replaces the file so that after a crash it holds the old or the new bytes, never a mix. */
  replaceAtomically(file: string, bytes: Uint8Array): Promise<void>;
  /** Opens (creating it durably if missing) a journal file for appending. */
  openJournal(file: string): Promise<JournalHandle>;
  /** Removes temp files a crash left of `file`'s atomic replacements; returns how many. */
  removeStaleTemp(file: string): Promise<number>;
  /**
   * Writes, syncs and removes a small temp file beside `file`: rejects (ENOSPC, EROFS, EACCES, EIO…)
   * when the disk would refuse the database's writes, so a full disk is found at start, not at the
   * first acknowledged write.
   */
  probeWritable(file: string): Promise<void>;
}

/** Room a start needs beyond the journal's own appends: one group commit of a busy counter. */
const PROBE_BYTES = 64 * 1024;

/** The database's storage on a file system (the real one by default; a fault layer in tests). */
export function createDbStorage(fs: DurableFs): DbStorage {
  return {
    async read(file) {
      try {
        return await fs.readFile(file);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        throw error;
      }
    },
    replaceAtomically: (file, bytes) => atomicWriteFile(file, bytes, fs),
    removeStaleTemp: (file) => removeStaleTempFiles(path.dirname(file), { of: path.basename(file), fs }),
    async probeWritable(file) {
      const probe = tempFileName(file);
      try {
        const fd = await fs.open(probe, 'w');
        try {
          await writeAll(fs, fd, new Uint8Array(PROBE_BYTES));
          await fs.fsync(fd);
        } finally {
          await fs.close(fd);
        }
      } finally {
        await fs.unlink(probe).catch(() => undefined);
      }
    },
    async openJournal(file) {
      const created = await exists(fs, file).then((found) => !found);
      const fd = await fs.open(file, 'a');
      try {
        // A new file exists durably only once its directory entry is: fsync the directory once.
        if (created) await syncDirectory(fs, path.dirname(file));
      } catch (error) {
        await fs.close(fd).catch(() => undefined);
        throw error;
      }
      return {
        append: (bytes) => writeAll(fs, fd, bytes),
        sync: () => fs.fdatasync(fd),
        async truncate() {
          await fs.ftruncate(fd, 0);
          await fs.fdatasync(fd);
        },
        close: () => fs.close(fd),
      };
    },
  };
}

async function exists(fs: DurableFs, file: string): Promise<boolean> {
  try {
    await fs.close(await fs.open(file, 'r'));
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

export const nodeDbStorage: DbStorage = createDbStorage(nodeDurableFs);
