import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBlobKeyEscrow, escrowPublicKey, recoverBlobKey } from './blobKeyEscrow';

const admin = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = admin.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privatePem = admin.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'escrow pass' }).toString();

describe('blob key escrow', () => {
  it('the administrator recovers the exact blob key with the private key, and nobody else does', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-escrow-')), 'blob.key.escrow.json');
    const blobKey = new Uint8Array(randomBytes(32));
    const key = escrowPublicKey(publicPem);
    if (!key.ok) throw new Error(key.error);
    expect(await ensureBlobKeyEscrow(file, blobKey, key.value, new Date('2026-12-01T00:00:00Z'))).toBe('written');
    expect(await ensureBlobKeyEscrow(file, blobKey, key.value, new Date('2026-12-02T00:00:00Z'))).toBe('current');
    const json = await readFile(file, 'utf8');
    expect(json).not.toContain(Buffer.from(blobKey).toString('base64'));

    expect(recoverBlobKey(json, privatePem, 'escrow pass')).toEqual({ ok: true, value: blobKey });
    expect(recoverBlobKey(json, privatePem, 'wrong')).toEqual({ ok: false, error: 'cannot read the private key (wrong file or passphrase)' });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(recoverBlobKey(json, stranger)).toEqual({ ok: false, error: 'this private key does not belong to the escrow key that wrapped this file' });
    expect(recoverBlobKey('{"garbage":1}', privatePem, 'escrow pass').ok).toBe(false);
  });

  it('refuses a weak or non-RSA escrow key', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(escrowPublicKey(small).ok).toBe(false);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(escrowPublicKey(ec).ok).toBe(false);
  });
});

describe('runRecoverBlobKey', () => {
  it('prints the key for the administrator and refuses a wrong key with exit 1', async () => {
    const { runRecoverBlobKey } = await import('./recoverBlobKeyCli');
    const { writeFile } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join(tmpdir(), 'psc-escrow-cli-'));
    const blobKey = new Uint8Array(randomBytes(32));
    const key = escrowPublicKey(publicPem);
    if (!key.ok) throw new Error(key.error);
    await ensureBlobKeyEscrow(path.join(dir, 'e.json'), blobKey, key.value, new Date());
    await writeFile(path.join(dir, 'admin.key'), privatePem);
    const lines: string[] = [];
    const code = await runRecoverBlobKey(['--escrow', path.join(dir, 'e.json'), '--private-key', path.join(dir, 'admin.key'), '--passphrase-env', 'P'], { P: 'escrow pass' }, (l) => lines.push(l));
    expect(code).toBe(0);
    expect(lines[0]).toBe(Buffer.from(blobKey).toString('base64'));
    expect(await runRecoverBlobKey(['--escrow', path.join(dir, 'e.json'), '--private-key', path.join(dir, 'admin.key')], {}, () => undefined)).toBe(1);
    expect(await runRecoverBlobKey([], {}, () => undefined)).toBe(2);
  });
});
