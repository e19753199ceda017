import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileBlobStorage, MemoryBlobStorage, type BlobStorage } from './blobStorage';

const DIGEST = `ab${'0'.repeat(62)}`;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'psc-backend-blobs-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each([
  ['memory', () => new MemoryBlobStorage()],
  ['files', () => new FileBlobStorage(path.join(dir, 'blobs'))],
])('%s blob storage', (_kind, make: () => BlobStorage) => {
  it('returns what was written and null for unknown digests', async () => {
    const storage = make();
    await storage.write(DIGEST, new Uint8Array([1, 2, 3]));
    expect(Array.from((await storage.read(DIGEST)) ?? [])).toEqual([1, 2, 3]);
    expect(await storage.read('f'.repeat(64))).toBeNull();
  });
});

describe('FileBlobStorage', () => {
  it('stores blobs at blobs/<first two hex>/<rest>', async () => {
    await new FileBlobStorage(path.join(dir, 'blobs')).write(DIGEST, new Uint8Array([9]));
    expect(await readdir(path.join(dir, 'blobs', 'ab'))).toEqual(['0'.repeat(62)]);
  });

  it('refuses names that are not a digest (no path traversal)', async () => {
    await expect(new FileBlobStorage(dir).write('../../etc/passwd', new Uint8Array([1]))).rejects.toThrow();
  });
});
