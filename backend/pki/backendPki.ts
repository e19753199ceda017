import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { normaliseSerialHex } from '../../core/pki/asn1';
import { readCertificate, type CertificateInfo } from '../../core/pki/certificate';

/** The demo CA the backend trusts for operator signatures and whose CRL it signs itself. */
export interface BackendPkiConfig {
  readonly caCertPem: string;
  /** PKCS#8 PEM; RSA (the CRL is signed sha256WithRSAEncryption). */
  readonly caKeyPem: string;
  /** Hex serial numbers of the CA's certificates that are revoked. */
  readonly revokedSerials: readonly string[];
  /**
   * revocationDate in the CRL. Default: the CA's notBefore, i.e. "revoked for as long as it
   * matters": the backend refuses a revoked certificate whenever it signed.
   */
  readonly revokedAt?: Date;
}

export interface BackendPki {
  readonly caInfo: CertificateInfo;
  readonly caKey: KeyObject;
  /** Normalised serials (CertificateInfo's form). */
  readonly revokedSerials: ReadonlySet<string>;
  readonly revokedAt: Date;
}

/** Throws on a configuration that cannot work (bad PEM, not a CA, key of another certificate). */
export function openBackendPki(config: BackendPkiConfig): BackendPki {
  const ca = new X509Certificate(config.caCertPem);
  if (!ca.ca) throw new Error('PKI: the CA certificate is not a CA (basicConstraints)');
  const caKey = createPrivateKey(config.caKeyPem);
  if (caKey.asymmetricKeyType !== 'rsa') throw new Error('PKI: the CA key must be RSA');
  const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });
  if (!spki(createPublicKey(caKey)).equals(spki(ca.publicKey))) throw new Error('PKI: the CA key does not belong to the CA certificate');
  if (config.revokedSerials.some((serial) => !/^[0-9a-f]+$/i.test(serial))) throw new Error('PKI: revoked serials must be hex');
  const caInfo = readCertificate(new Uint8Array(ca.raw));
  if (!caInfo.ok) throw new Error('PKI: the CA certificate cannot be read');
  return {
    caInfo: caInfo.value,
    caKey,
    revokedSerials: new Set(config.revokedSerials.map(normaliseSerialHex)),
    revokedAt: config.revokedAt ?? new Date(ca.validFrom),
  };
}
