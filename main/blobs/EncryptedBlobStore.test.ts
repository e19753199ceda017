import { mkdtemp, readFile, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EncryptedBlobStore, sha256Hex } from './EncryptedBlobStore';

async function makeStore() {
  const root = await mkdtemp(path.join(tmpdir(), 'psc-blobs-'));
  return { root, store: new EncryptedBlobStore(root, randomBytes(32)) };
}

describe('EncryptedBlobStore', () => {
  it('stores by plaintext digest and returns the same bytes', async () => {
    const { store } = await makeStore();
    const bytes = new TextEncoder().encode('Өтініш беруші құжаты');
    const digest = await store.put(bytes);
    expect(digest).toBe(sha256Hex(bytes));
    expect(await store.get(digest)).toEqual({ ok: true, value: bytes });
  });

  it('never writes the plaintext to disk', async () => {
    const { root, store } = await makeStore();
    const marker = 'SECRET-CITIZEN-SCAN-MARKER';
    const digest = await store.put(new TextEncoder().encode(marker.repeat(10)));
    const onDisk = await readFile(path.join(root, digest.slice(0, 2), digest.slice(2)));
    expect(onDisk.includes(Buffer.from(marker))).toBe(false);
  });

  it('reports an altered file as corrupt instead of returning it', async () => {
    const { root, store } = await makeStore();
    const digest = await store.put(randomBytes(1000));
    const file = path.join(root, digest.slice(0, 2), digest.slice(2));
    const bytes = await readFile(file);
    bytes[bytes.length - 1]! ^= 0x01;
    await writeFile(file, bytes);
    expect(await store.get(digest)).toEqual({ ok: false, error: { kind: 'corrupt' } });
  });

  it('cannot be read with another key, and a missing blob is reported as missing', async () => {
    const { root, store } = await makeStore();
    const digest = await store.put(randomBytes(100));
    const other = new EncryptedBlobStore(root, randomBytes(32));
    expect(await other.get(digest)).toEqual({ ok: false, error: { kind: 'corrupt' } });
    expect(await store.get('0'.repeat(64))).toEqual({ ok: false, error: { kind: 'missing' } });
  });

  it('writes a blob once however often it is put, leaving no temp files', async () => {
    const { root, store } = await makeStore();
    const bytes = randomBytes(64);
    await Promise.all([store.put(bytes), store.put(bytes)]);
    const digest = sha256Hex(bytes);
    expect(await readdir(path.join(root, digest.slice(0, 2)))).toEqual([digest.slice(2)]);
  });
});
