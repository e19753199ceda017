import { mkdir, mkdtemp, readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
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

  it('removes a blob and reports the bytes freed; a second removal finds it missing', async () => {
    const { root, store } = await makeStore();
    const digest = await store.put(randomBytes(500));
    const file = path.join(root, digest.slice(0, 2), digest.slice(2));
    const { size } = await stat(file);
    expect(await store.remove(digest)).toEqual({ kind: 'removed', bytes: size });
    expect(await store.has(digest)).toBe(false);
    expect(await store.get(digest)).toEqual({ ok: false, error: { kind: 'missing' } });
    expect(await store.remove(digest)).toEqual({ kind: 'missing' });
  });

  it('keeps a blob modified after the given moment, and a put of an existing blob counts as a modification', async () => {
    const { root, store } = await makeStore();
    const bytes = randomBytes(64);
    const digest = await store.put(bytes);
    const file = path.join(root, digest.slice(0, 2), digest.slice(2));
    const longAgo = new Date(Date.now() - 86_400_000);
    await utimes(file, longAgo, longAgo);
    const cutoff = Date.now() - 3_600_000;
    // Put again (someone is about to refer to it): no longer older than the cutoff.
    await store.put(bytes);
    expect(await store.remove(digest, { keepIfModifiedAfter: cutoff })).toEqual({ kind: 'kept' });
    await utimes(file, longAgo, longAgo);
    expect(await store.remove(digest, { keepIfModifiedAfter: cutoff })).toMatchObject({ kind: 'removed' });
  });

  it('never interleaves a put and a remove of one digest: a put issued after the remove writes the blob again', async () => {
    const { store } = await makeStore();
    const bytes = randomBytes(64);
    const digest = await store.put(bytes);
    const [removal, put] = await Promise.all([store.remove(digest), store.put(bytes)]);
    expect(removal).toMatchObject({ kind: 'removed' });
    expect(put).toBe(digest);
    expect(await store.get(digest)).toEqual({ ok: true, value: new Uint8Array(bytes) });
  });

  it('lists the digests on disk and nothing else (temp files, stray files and folders)', async () => {
    const { root, store } = await makeStore();
    expect(await new EncryptedBlobStore(path.join(root, 'absent'), randomBytes(32)).listDigests()).toEqual([]);
    const digests = await Promise.all([store.put(randomBytes(10)), store.put(randomBytes(11))]);
    const shard = digests[0]!.slice(0, 2);
    await writeFile(path.join(root, shard, `.${digests[0]!.slice(2)}.0123456789ab.tmp`), 'partial');
    await writeFile(path.join(root, shard, 'notes.txt'), 'x');
    await writeFile(path.join(root, 'README'), 'x');
    await mkdir(path.join(root, 'zz'));
    await writeFile(path.join(root, 'zz', 'f'.repeat(62)), 'x');
    expect((await store.listDigests()).sort()).toEqual([...digests].sort());
    await expect(store.remove('../etc/passwd')).rejects.toThrow(/SHA-256/);
  });
});
