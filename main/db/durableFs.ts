// The few file-system calls the database's storage code makes, as an interface, so that the real
// code (dbStorage.ts, atomicWriteFile.ts) runs unchanged on top of a fault layer in tests
// (testSupport/PowerCutFs.ts: drops whatever was not made durable by fsync at a simulated power
// cut, fsync errors, lying fsyncs). Descriptor-based on purpose: a database dropped without close()
// must not trip Node's FileHandle GC warnings.
import { close, fdatasync, fsync, ftruncate, open, read, write } from 'node:fs';
import { readdir, readFile, rename, unlink } from 'node:fs/promises';
import { promisify } from 'node:util';

export type OpenFlags = 'r' | 'w' | 'a';

export interface DurableFs {
  /** The file's bytes; rejects with code ENOENT when it does not exist. */
  readFile(file: string): Promise<Uint8Array>;
  /** Opens a descriptor: 'r' read (also for a directory, to fsync it), 'w' create/truncate, 'a' create/append. New files get mode 0600. */
  open(file: string, flags: OpenFlags): Promise<number>;
  /** Writes `length` bytes of `bytes` from `offset`; at the end of the file for an 'a' descriptor. Returns the bytes written. */
  write(fd: number, bytes: Uint8Array, offset: number, length: number): Promise<number>;
  /** Reads up to `length` bytes at `position` into `bytes`; returns how many were read. */
  read(fd: number, bytes: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  /** Makes the file's data (and the size needed to read it back) durable. */
  fdatasync(fd: number): Promise<void>;
  /** Makes data and metadata durable; on a directory descriptor, its entries (creations, renames). */
  fsync(fd: number): Promise<void>;
  ftruncate(fd: number, length: number): Promise<void>;
  close(fd: number): Promise<void>;
  /** Atomically replaces `to` with `from` (durable once the directory is fsynced). */
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
}

const openFd = promisify(open);
const writeFd = promisify(write);
const readFd = promisify(read);

export const nodeDurableFs: DurableFs = {
  readFile: async (file) => new Uint8Array(await readFile(file)),
  open: (file, flags) => openFd(file, flags, 0o600),
  write: async (fd, bytes, offset, length) => (await writeFd(fd, bytes, offset, length, null)).bytesWritten,
  read: async (fd, bytes, offset, length, position) => (await readFd(fd, bytes, offset, length, position)).bytesRead,
  fdatasync: promisify(fdatasync),
  fsync: promisify(fsync),
  ftruncate: promisify(ftruncate),
  close: promisify(close),
  rename,
  unlink,
  readdir: (dir) => readdir(dir),
};

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Writes all of `bytes` (a single write may be short). */
export async function writeAll(fs: DurableFs, fd: number, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.byteLength) written += await fs.write(fd, bytes, written, bytes.byteLength - written);
}

/** Makes a directory's entries durable: a created or renamed file exists after a power cut only once this returns. */
export async function syncDirectory(fs: DurableFs, dir: string): Promise<void> {
  const fd = await fs.open(dir, 'r');
  try {
    await fs.fsync(fd);
  } finally {
    await fs.close(fd);
  }
}
