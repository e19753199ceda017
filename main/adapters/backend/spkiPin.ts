import { createHash, X509Certificate } from 'node:crypto';

/**
 * `sha256/<base64>` of the certificate's SubjectPublicKeyInfo (the HPKP / OkHttp notation, what
 * `openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`
 * prints). Not the peer certificate's `pubkey` field: for EC keys that is the bare point, not SPKI.
 * Throws on bytes that are not a DER certificate (a bug: callers pass what TLS or X509Certificate gave them).
 */
export function spkiPin(certDer: Uint8Array): string {
  const der = Buffer.from(certDer.buffer, certDer.byteOffset, certDer.byteLength);
  const spki = new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' });
  return `sha256/${createHash('sha256').update(spki).digest('base64')}`;
}
