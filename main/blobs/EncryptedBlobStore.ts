import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
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

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Content-addressed store for page images, PDFs and other blobs: `<root>/ab/cdef…` named by the
 * SHA-256 of the plaintext, encrypted at rest with AES-256-GCM (random IV per write, the digest as
 * associated data so a file cannot be swapped for another blob). A blob whose tag or digest does
 * not verify is reported as corrupt and never returned.
 */
export class EncryptedBlobStore {
  constructor(
    private readonly root: string,
    private readonly key: Uint8Array,
  ) {
    if (key.byteLength !== 32) throw new Error('blob key must be 32 bytes');
  }

  async put(bytes: Uint8Array): Promise<string> {
    const digest = sha256Hex(bytes);
    const file = this.pathOf(digest);
    if (await this.has(digest)) return digest;
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

  private pathOf(digest: string): string {
    if (!/^[0-9a-f]{64}$/.test(digest)) throw new Error('not a SHA-256 digest');
    return path.join(this.root, digest.slice(0, 2), digest.slice(2));
  }
}
