// The host half of the signature suite (core/pki/algorithms/signatureSuite.ts): SHA digests and RSA
// PKCS#1 v1.5 / ECDSA verification on node:crypto (OpenSSL). GOST never comes here.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { NativeCrypto } from '../../core/pki/algorithms/signatureSuite';

export function createNodeCrypto(): NativeCrypto {
  return {
    digest: (id, data) => new Uint8Array(createHash(id).update(data).digest()),
    verify({ kind, digest, spkiDer, data, signature }) {
      let key: KeyObject;
      try {
        key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
      } catch {
        return 'bad-key';
      }
      if (key.asymmetricKeyType !== (kind === 'rsa' ? 'rsa' : 'ec')) return 'bad-key';
      try {
        return kind === 'rsa' ? verify(digest, data, key, signature) : verify(digest, data, { key, dsaEncoding: 'der' }, signature);
      } catch {
        return false; // OpenSSL throws on some malformed signatures instead of answering false
      }
    },
  };
}
