/**
 * The blob key's escrow (issue 15 item 7): the key that encrypts every page and document at rest is
 * wrapped by one OS account's secret (Electron safeStorage: DPAPI, Keychain, libsecret). A recreated
 * Windows profile or a lost keyring would make every queued document unreadable. So, when the
 * administrator's file names an escrow public key (RSA, PEM), the workstation also keeps
 * `<data>/blob.key.escrow.json`: the blob key encrypted to that public key (RSA-OAEP, SHA-256).
 * Only the holder of the matching private key — the administrator, off the counter machine — can
 * recover it (`npm run blob-key:recover`), and put it in config.json as `blobKeyBase64`.
 */
import { constants, createHash, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { err, ok, type Result } from '../../../core/result';
import { atomicWriteFile } from '../../db/atomicWriteFile';

export const ESCROW_FILE_NAME = 'blob.key.escrow.json';

const escrowFileSchema = z
  .object({
    version: z.literal(1),
    algorithm: z.literal('RSA-OAEP-SHA256'),
    /** SHA-256 of the escrow public key (SPKI DER), hex: which administrator key opens it. */
    escrowKeyId: z.string().regex(/^[0-9a-f]{64}$/),
    /** SHA-256 of the blob key, hex: lets the recovery check what it found (a random 256-bit key's hash reveals nothing). */
    blobKeySha256: z.string().regex(/^[0-9a-f]{64}$/),
    ciphertextBase64: z.string().min(1),
    writtenAt: z.string(),
  })
  .strict();
export type EscrowFile = z.infer<typeof escrowFileSchema>;

export function escrowPublicKey(pem: string): Result<KeyObject, string> {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) return err('the escrow key must be an RSA public key of at least 2048 bits');
    return ok(key);
  } catch {
    return err('not a PEM public key');
  }
}

const hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const keyIdOf = (key: KeyObject) => hex(key.export({ type: 'spki', format: 'der' }));

/** Writes (or refreshes) the escrow of `blobKey` to the administrator's public key; a current escrow is left alone. */
export async function ensureBlobKeyEscrow(file: string, blobKey: Uint8Array, publicKey: KeyObject, now: Date): Promise<'written' | 'current'> {
  const keyId = keyIdOf(publicKey);
  const keySha = hex(blobKey);
  if (existsSync(file)) {
    const current = escrowFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8').catch(() => '{}')));
    if (current.success && current.data.escrowKeyId === keyId && current.data.blobKeySha256 === keySha) return 'current';
  }
  const ciphertext = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, blobKey);
  const escrow: EscrowFile = { version: 1, algorithm: 'RSA-OAEP-SHA256', escrowKeyId: keyId, blobKeySha256: keySha, ciphertextBase64: ciphertext.toString('base64'), writtenAt: now.toISOString() };
  await atomicWriteFile(file, new TextEncoder().encode(`${JSON.stringify(escrow, null, 2)}\n`));
  return 'written';
}

/** The administrator's side: the blob key back from an escrow file with the private key (PEM, optionally encrypted). */
export function recoverBlobKey(escrowJson: string, privateKeyPem: string, passphrase?: string): Result<Uint8Array, string> {
  let escrow: EscrowFile;
  try {
    const parsed = escrowFileSchema.safeParse(JSON.parse(escrowJson));
    if (!parsed.success) return err('not a blob key escrow file');
    escrow = parsed.data;
  } catch {
    return err('not a blob key escrow file');
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(passphrase === undefined ? privateKeyPem : { key: privateKeyPem, passphrase });
  } catch {
    return err('cannot read the private key (wrong file or passphrase)');
  }
  if (keyIdOf(createPublicKey(privateKey)) !== escrow.escrowKeyId) return err('this private key does not belong to the escrow key that wrapped this file');
  let key: Buffer;
  try {
    key = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(escrow.ciphertextBase64, 'base64'));
  } catch {
    return err('the escrow file is damaged');
  }
  if (key.byteLength !== 32 || hex(key) !== escrow.blobKeySha256) return err('the recovered key does not match the escrow record');
  return ok(new Uint8Array(key));
}
