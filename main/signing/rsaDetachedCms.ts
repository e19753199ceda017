// The key-file signature (docs/ARCHITECTURE.md, "Signing"): detached CMS SignedData built by
// core/pki/cmsBuilder — SHA-256, rsaEncryption, signed attributes contentType, signingTime,
// messageDigest — signed with the operator's RSA key on node:crypto. OpenSSL verifies it
// (`openssl cms -verify`, in the tests). The key came out of the PKCS#12 through node-forge.
import { createHash, createPrivateKey, sign } from 'node:crypto';
import forge from 'node-forge';
import { DIGEST_OID, SIGNATURE_OID } from '../../core/pki/algorithms/algorithmRegistry';
import { buildDetachedCms } from '../../core/pki/cmsBuilder';
import type { OpenedKey } from './pkcs12KeyFile';

export function makeDetachedCms(opened: OpenedKey, data: Uint8Array, signingTime: Date): Uint8Array {
  // PKCS#1 PEM of forge's key, held only for this call.
  const key = createPrivateKey(forge.pki.privateKeyToPem(opened.key));
  return buildDetachedCms({
    certificateDer: opened.certificateDer,
    digestAlgorithmOid: DIGEST_OID.sha256,
    signatureAlgorithmOid: SIGNATURE_OID.rsaEncryption,
    nullParameters: true,
    messageDigest: new Uint8Array(createHash('sha256').update(data).digest()),
    signingTime,
    sign: (signedAttributes) => new Uint8Array(sign('sha256', signedAttributes, key)),
  });
}
