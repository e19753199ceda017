import { close, existsSync, fdatasync, ftruncate, open as openFd, write } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { atomicWriteFile } from './atomicWriteFile';

/** An append-only journal file kept open while the database is. */
export interface JournalHandle {
  /** Appends all of `bytes` at the end of the file (not yet durable). */
  append(bytes: Uint8Array): Promise<void>;
  /** Makes every append so far durable (fdatasync). */
  sync(): Promise<void>;
  /** Empties the file durably. */
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
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export const nodeDbStorage: DbStorage = {
  async read(file) {
    try {
      return new Uint8Array(await readFile(file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  },
  replaceAtomically: atomicWriteFile,
  async openJournal(file) {
    const created = !existsSync(file);
    // A plain descriptor (not a FileHandle): a database dropped without close() must not trip Node's FileHandle GC warnings.
    const fd = await promisify(openFd)(file, 'a', 0o600);
    // A new file exists durably only once its directory entry is: fsync the directory once.
    if (created) await syncDirectory(path.dirname(file));
    const writeAt = promisify(write);
    return {
      async append(bytes) {
        let written = 0;
        while (written < bytes.byteLength) written += (await writeAt(fd, bytes, written, bytes.byteLength - written, null)).bytesWritten;
      },
      sync: () => promisify(fdatasync)(fd),
      async truncate() {
        await promisify(ftruncate)(fd, 0);
        await promisify(fdatasync)(fd);
      },
      close: () => promisify(close)(fd),
    };
  },
};
