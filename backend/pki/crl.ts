/**
 * X.509 v2 CRL (RFC 5280 §5) of the backend's demo CA, built with @peculiar/asn1-x509 and signed
 * sha256WithRSAEncryption with node:crypto. The issuer Name is the CA certificate's subject, so
 * verifiers match the CRL to the CA.
 */
import { createHash, sign } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AuthorityKeyIdentifier,
  Certificate,
  CertificateList,
  CRLNumber,
  Extension,
  KeyIdentifier,
  RevokedCertificate,
  TBSCertList,
  Time,
  Version,
} from '@peculiar/asn1-x509';
import { SIGNATURE_OID } from '../../core/pki/algorithms/algorithmRegistry';
import { EXTENSION_OID } from '../../core/pki/oids';
import type { BackendPki } from './backendPki';

export interface CrlContents {
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Must grow with every CRL the CA issues (RFC 5280 §5.2.3). */
  readonly crlNumber: number;
}

/** A fresh ArrayBuffer of exactly these bytes (a Node Buffer's slice() is a view into a shared pool). */
const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const NULL = buffer(new Uint8Array([0x05, 0x00]));

/** RFC 5280 §4.2.1.2 method 1 (SHA-1 of the subjectPublicKey bits) when the CA has no SKI. */
function keyIdentifier(pki: BackendPki): Uint8Array {
  if (pki.caInfo.subjectKeyIdentifier !== null) return pki.caInfo.subjectKeyIdentifier;
  return new Uint8Array(createHash('sha1').update(pki.caInfo.publicKey.keyBytes).digest());
}

const extension = (id: string, value: unknown) => new Extension({ extnID: id, critical: false, extnValue: new OctetString(AsnConvert.serialize(value)) });

const serialBytes = (hex: string): ArrayBuffer => buffer(Uint8Array.from(Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex')));

export function buildCrl(pki: BackendPki, contents: CrlContents): Uint8Array {
  const algorithm = new AlgorithmIdentifier({ algorithm: SIGNATURE_OID.sha256WithRsa, parameters: NULL });
  const ca = AsnConvert.parse(pki.caInfo.der, Certificate);
  const revoked = [...pki.revokedSerials].map((serial) => new RevokedCertificate({ userCertificate: serialBytes(serial), revocationDate: new Time(pki.revokedAt) }));
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: algorithm,
    issuer: ca.tbsCertificate.subject,
    thisUpdate: new Time(contents.thisUpdate),
    nextUpdate: new Time(contents.nextUpdate),
    // An empty revokedCertificates is not allowed: left out when nothing is revoked.
    ...(revoked.length > 0 ? { revokedCertificates: revoked } : {}),
    crlExtensions: [
      extension(EXTENSION_OID.authorityKeyIdentifier, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(buffer(keyIdentifier(pki))) })),
      extension(EXTENSION_OID.crlNumber, new CRLNumber(contents.crlNumber)),
    ],
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const crl = new CertificateList({ tbsCertList: tbs, signatureAlgorithm: algorithm, signature: buffer(new Uint8Array(sign('sha256', tbsDer, pki.caKey))) });
  return new Uint8Array(AsnConvert.serialize(crl));
}
