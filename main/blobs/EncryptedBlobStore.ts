import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Result } from '../../core/result';
import { atomicWriteFile } from '../db/atomicWriteFile';

const MAGIC = Buffer.from('PSCB1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type BlobReadError =
  | { readonly kind: 'missing' }
  /** The authentication tag or the digest did not verify: the file was altered or damaged. */
  | { readonly kind: 'corrupt' };

/** What `remove` did. */
export type BlobRemoval =
  | { readonly kind: 'removed'; readonly bytes: number }
  | { readonly kind: 'missing' }
  /** Written or put again after `keepIfModifiedAfter`: someone is about to refer to it. */
  | { readonly kind: 'kept' };

const SHARD = /^[0-9a-f]{2}$/;
const REST = /^[0-9a-f]{62}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Content-addressed store for page images, PDFs and other blobs: `<root>/ab/cdef…` named by the
 * SHA-256 of the plaintext, encrypted at rest with AES-256-GCM (random IV per write, the digest as
 * associated data so a file cannot be swapped for another blob). A blob whose tag or digest does
 * not verify is reported as corrupt and never returned.
 *
 * A caller puts a blob, then records its digest in the database in a later transaction. So that a
 * deletion (retention purge, orphan sweep) cannot remove a blob in that gap, `put` of a blob that is
 * already there refreshes its modification time, `remove` can be told to keep anything modified
 * after a moment, and `put` and `remove` of one digest never overlap.
 */
export class EncryptedBlobStore {
  /** The operation in progress per digest (put or remove), so the two never interleave. */
  private readonly busy = new Map<string, Promise<unknown>>();

  constructor(
    private readonly root: string,
    private readonly key: Uint8Array,
  ) {
    if (key.byteLength !== 32) throw new Error('blob key must be 32 bytes');
  }

  async put(bytes: Uint8Array): Promise<string> {
    const digest = sha256Hex(bytes);
    return this.exclusive(digest, () => this.putOnce(digest, bytes));
  }

  private async putOnce(digest: string, bytes: Uint8Array): Promise<string> {
    const file = this.pathOf(digest);
    if (await this.has(digest)) {
      const now = new Date();
      await utimes(file, now, now);
      return digest;
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(digest, 'ascii'));
    const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
    await mkdir(path.dirname(file), { recursive: true });
    await atomicWriteFile(file, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]));
    return digest;
  }

  async has(digest: string): Promise<boolean> {
    try {
      await stat(this.pathOf(digest));
      return true;
    } catch {
      return false;
    }
  }

  async get(digest: string): Promise<Result<Uint8Array, BlobReadError>> {
    let file: Buffer;
    try {
      file = await readFile(this.pathOf(digest));
    } catch {
      return { ok: false, error: { kind: 'missing' } };
    }
    if (file.length < MAGIC.length + IV_BYTES + TAG_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
      return { ok: false, error: { kind: 'corrupt' } };
    }
    const iv = file.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
    const tag = file.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(digest, 'ascii'));
    decipher.setAuthTag(tag);
    try {
      const plain = Buffer.concat([decipher.update(file.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]);
      if (sha256Hex(plain) !== digest) return { ok: false, error: { kind: 'corrupt' } };
      return { ok: true, value: new Uint8Array(plain) };
    } catch {
      return { ok: false, error: { kind: 'corrupt' } };
    }
  }

  /**
   * Deletes a blob's file. With `keepIfModifiedAfter` (wall-clock milliseconds, compared with the
   * file's modification time), a blob written or put again after that moment is kept: it may be
   * about to be referenced. The caller decides that nothing refers to the digest any more.
   */
  async remove(digest: string, options: { readonly keepIfModifiedAfter?: number } = {}): Promise<BlobRemoval> {
    const file = this.pathOf(digest);
    return this.exclusive(digest, async (): Promise<BlobRemoval> => {
      let size: number;
      try {
        const info = await stat(file);
        if (options.keepIfModifiedAfter !== undefined && info.mtimeMs > options.keepIfModifiedAfter) return { kind: 'kept' };
        size = info.size;
        await unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
        throw error;
      }
      return { kind: 'removed', bytes: size };
    });
  }

  /** Digests of every blob on disk; anything else in the folder (temp files, strangers) is not listed. */
  async listDigests(): Promise<string[]> {
    let shards: string[];
    try {
      shards = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const digests: string[] = [];
    for (const shard of shards.filter((name) => SHARD.test(name)).sort()) {
      const entries = await readdir(path.join(this.root, shard), { withFileTypes: true }).catch(() => []);
      for (const entry of entries) if (entry.isFile() && REST.test(entry.name)) digests.push(shard + entry.name);
    }
    return digests;
  }

  private exclusive<T>(digest: string, operation: () => Promise<T>): Promise<T> {
    const before = this.busy.get(digest) ?? Promise.resolve();
    const run = before.then(operation, operation);
    const settled = run.catch(() => undefined);
    this.busy.set(digest, settled);
    void settled.then(() => {
      if (this.busy.get(digest) === settled) this.busy.delete(digest);
    });
    return run;
  }

  private pathOf(digest: string): string {
    if (!/^[0-9a-f]{64}$/.test(digest)) throw new Error('not a SHA-256 digest');
    return path.join(this.root, digest.slice(0, 2), digest.slice(2));
  }
}
