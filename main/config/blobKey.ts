import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile } from '../db/atomicWriteFile';

/** Protects the key file at rest: Electron `safeStorage` in the Electron host, identity in the browser host. */
export interface KeyWrapper {
  wrap(key: Uint8Array): Uint8Array;
  unwrap(wrapped: Uint8Array): Uint8Array;
}

export const noKeyWrapping: KeyWrapper = { wrap: (k) => k, unwrap: (k) => k };

/**
 * The 32-byte blob key: from the config when given, else a key file created on first start
 * (mode 0600). Losing the key loses the blobs, so it is never regenerated over an existing file.
 */
export async function loadBlobKey(options: { configKeyBase64: string | null; keyFile: string; wrapper: KeyWrapper }): Promise<Uint8Array> {
  if (options.configKeyBase64) {
    const key = Buffer.from(options.configKeyBase64, 'base64');
    if (key.byteLength !== 32) throw new Error('blobKeyBase64 must decode to exactly 32 bytes');
    return new Uint8Array(key);
  }
  if (existsSync(options.keyFile)) {
    let key: Uint8Array;
    try {
      key = options.wrapper.unwrap(new Uint8Array(await readFile(options.keyFile)));
    } catch {
      throw new Error(
        `the blob key ${options.keyFile} cannot be opened with this account's key store (another user profile, or a lost keyring). ` +
          'The administrator can recover it from blob.key.escrow.json (npm run blob-key:recover) and put it in config.json as "blobKeyBase64".',
      );
    }
    if (key.byteLength !== 32) throw new Error(`blob key file ${options.keyFile} is damaged`);
    return key;
  }
  const key = new Uint8Array(randomBytes(32));
  await mkdir(path.dirname(options.keyFile), { recursive: true });
  await atomicWriteFile(options.keyFile, options.wrapper.wrap(key));
  return key;
}
