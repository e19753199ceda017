import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile, fsyncDirectory } from './atomicWriteFile';

/** Document bytes by SHA-256. Writing the same digest twice is harmless (same bytes). */
export interface BlobStorage {
  write(sha256: string, bytes: Uint8Array): Promise<void>;
  read(sha256: string): Promise<Uint8Array | null>;
}

export class MemoryBlobStorage implements BlobStorage {
  private readonly blobs = new Map<string, Uint8Array>();

  async write(sha256: string, bytes: Uint8Array): Promise<void> {
    this.blobs.set(sha256, bytes);
  }

  async read(sha256: string): Promise<Uint8Array | null> {
    return this.blobs.get(sha256) ?? null;
  }
}

/** Files at <dir>/<first two hex digits>/<remaining 62>, written atomically. */
export class FileBlobStorage implements BlobStorage {
  constructor(private readonly dir: string) {}

  async write(sha256: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(sha256);
    const firstCreated = await mkdir(path.dirname(file), { recursive: true });
    if (firstCreated) await fsyncNewDirectories(path.dirname(file), firstCreated);
    await atomicWriteFile(file, bytes);
  }

  async read(sha256: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('blob name must be a lower-case hex SHA-256');
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2));
  }
}

/** A new directory's entry lives in its parent: fsync each parent from `deepest` up to `topmostNew`. */
async function fsyncNewDirectories(deepest: string, topmostNew: string): Promise<void> {
  for (let dir = deepest; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    await fsyncDirectory(path.dirname(dir));
    if (dir === topmostNew) return;
  }
}
