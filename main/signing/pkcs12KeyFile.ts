// Opens the operator's PKCS#12 key file with node-forge for the one call that needs it. Nothing
// about the file or the password is kept; callers drop the returned key when they are done.
import forge from 'node-forge';
import { err, ok, type Result } from '../../core/result';
import type { KeyOpenError } from '../ports/Signer';

export type OpenedKey = { key: forge.pki.rsa.PrivateKey; certificateDer: Uint8Array };

const toBinary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
const fromBinary = (binary: string): Uint8Array => Uint8Array.from(Buffer.from(binary, 'binary'));

export function openKeyFile(keyFile: Uint8Array, password: string): Result<OpenedKey, KeyOpenError> {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(toBinary(keyFile));
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    // Only the library's message is inspected; nothing about the file or password is kept.
    const message = error instanceof Error ? error.message : '';
    if (/MAC could not be verified|Invalid password/i.test(message)) return err({ kind: 'wrong-password' });
    return err({ kind: 'not-a-key-file' });
  }
  const bagsOf = (bagType: string): forge.pkcs12.Bag[] => pfx.getBags({ bagType })[bagType] ?? [];
  const keys = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag ?? ''), ...bagsOf(forge.pki.oids.keyBag ?? '')]
    .map((bag) => bag.key)
    .filter((key): key is forge.pki.rsa.PrivateKey => key !== undefined);
  const certificates = bagsOf(forge.pki.oids.certBag ?? '')
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined && cert !== null);
  if (keys.length === 0 && certificates.length === 0) return err({ kind: 'not-a-key-file' });
  // The end-entity certificate is the one whose public key matches a private key in the file.
  for (const key of keys) {
    const match = certificates.find((cert) => {
      const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
      return publicKey.n?.equals(key.n) === true && publicKey.e?.equals(key.e) === true;
    });
    if (match !== undefined) return ok({ key, certificateDer: certificateBytes(match) });
  }
  return err({ kind: 'no-private-key' });
}

/** The certificate's DER: forge keeps the TBSCertificate as parsed, so the bytes the CA signed survive. */
function certificateBytes(certificate: forge.pki.Certificate): Uint8Array {
  return fromBinary(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes());
}
