/**
 * An X.509 certificate (RFC 5280) read by @peculiar/asn1-x509 into what the checks need: who it
 * names, when it is valid, what its key may do, whether it is a CA, how it was signed and the exact
 * bytes that signature covers. Works for every key type — RSA, EC and НУЦ РК's GOST keys alike — since
 * nothing here touches the key itself; algorithms/ does.
 */
import { AsnParser, OctetString } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  KeyUsageFlags,
  SubjectKeyIdentifier,
  type Extension,
} from '@peculiar/asn1-x509';
import { err, ok, type Result } from '../result';
import { bytesOf, derOf, hexOf, normaliseSerialHex, parseAsn, SIZE_LIMIT, type Asn1Problem } from './asn1';
import { nameValues, subjectOf, type CertificateSubject } from './name';
import { EXTENSION_OID, NAME_OID } from './oids';

export interface AlgorithmRef {
  readonly oid: string;
  /** DER of the parameters; null when absent (an explicit NULL is bytes like any other). */
  readonly parametersDer: Uint8Array | null;
}

export interface PublicKeyInfo {
  readonly algorithm: AlgorithmRef;
  /** The subjectPublicKey BIT STRING's contents (for GOST: the DER OCTET STRING holding x‖y). */
  readonly keyBytes: Uint8Array;
  /** SubjectPublicKeyInfo DER, loadable by node:crypto for RSA and EC keys. */
  readonly spkiDer: Uint8Array;
}

export interface KeyUsageBits {
  readonly digitalSignature: boolean;
  readonly nonRepudiation: boolean;
  readonly keyCertSign: boolean;
  readonly cRLSign: boolean;
}

export interface CertificateInfo {
  /** The certificate exactly as received. */
  readonly der: Uint8Array;
  /** The TBSCertificate bytes as received: what the issuer's signature covers. */
  readonly tbsDer: Uint8Array;
  /** Normalised hex (lower case, no leading zero octets), the form CRL and CMS matching compare. */
  readonly serialHex: string;
  /** Names in DER, for matching a CMS issuerAndSerialNumber, a CRL issuer or an issuing CA. */
  readonly issuerDer: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly issuerCommonName: string | null;
  readonly subject: CertificateSubject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** null when the certificate has no keyUsage extension. */
  readonly keyUsage: KeyUsageBits | null;
  /** null when the certificate has no extendedKeyUsage extension. */
  readonly extendedKeyUsage: readonly string[] | null;
  /** basicConstraints cA; false when absent. */
  readonly isCa: boolean;
  readonly subjectKeyIdentifier: Uint8Array | null;
  readonly authorityKeyIdentifier: Uint8Array | null;
  readonly publicKey: PublicKeyInfo;
  readonly signatureAlgorithm: AlgorithmRef;
  readonly signature: Uint8Array;
}

export type CertificateProblem = Asn1Problem;

export const algorithmRef = (algorithm: { algorithm: string; parameters?: ArrayBuffer | null }): AlgorithmRef => ({
  oid: algorithm.algorithm,
  parametersDer: algorithm.parameters === undefined || algorithm.parameters === null ? null : bytesOf(algorithm.parameters),
});

/** extnID → extension; the same extension twice is malformed (RFC 5280 §4.2). */
function extensionMap(extensions: readonly Extension[] | undefined): Map<string, Extension> | null {
  const out = new Map<string, Extension>();
  for (const extension of extensions ?? []) {
    if (out.has(extension.extnID)) return null;
    out.set(extension.extnID, extension);
  }
  return out;
}

function keyUsageOf(extension: Extension | undefined): KeyUsageBits | null {
  if (extension === undefined) return null;
  const flags = AsnParser.parse(extension.extnValue, KeyUsage).toNumber();
  return {
    digitalSignature: (flags & KeyUsageFlags.digitalSignature) !== 0,
    nonRepudiation: (flags & KeyUsageFlags.nonRepudiation) !== 0,
    keyCertSign: (flags & KeyUsageFlags.keyCertSign) !== 0,
    cRLSign: (flags & KeyUsageFlags.cRLSign) !== 0,
  };
}

/** Reads a certificate; a typed problem, never an exception, for anything that is not one. */
export function readCertificate(der: Uint8Array): Result<CertificateInfo, CertificateProblem> {
  const parsed = parseAsn(der, Certificate, 'certificate', SIZE_LIMIT.certificate);
  if (!parsed.ok) return parsed;
  const certificate = parsed.value;
  try {
    const tbs = certificate.tbsCertificate;
    const extensions = extensionMap(tbs.extensions);
    if (extensions === null || certificate.tbsCertificateRaw === undefined) return err({ kind: 'malformed', what: 'certificate' });
    const basic = extensions.get(EXTENSION_OID.basicConstraints);
    const ski = extensions.get(EXTENSION_OID.subjectKeyIdentifier);
    const aki = extensions.get(EXTENSION_OID.authorityKeyIdentifier);
    const eku = extensions.get(EXTENSION_OID.extendedKeyUsage);
    const akiValue = aki === undefined ? undefined : AsnParser.parse(aki.extnValue, AuthorityKeyIdentifier).keyIdentifier;
    // asn1js keeps each element's bytes as received: the TBS the issuer signed, not a re-encoding.
    const tbsDer = bytesOf(certificate.tbsCertificateRaw);
    return ok({
      der: Uint8Array.from(der),
      tbsDer,
      serialHex: normaliseSerialHex(hexOf(bytesOf(tbs.serialNumber))),
      issuerDer: derOf(tbs.issuer),
      subjectDer: derOf(tbs.subject),
      issuerCommonName: nameValues(tbs.issuer).get(NAME_OID.commonName) ?? null,
      subject: subjectOf(tbs.subject),
      notBefore: tbs.validity.notBefore.getTime(),
      notAfter: tbs.validity.notAfter.getTime(),
      keyUsage: keyUsageOf(extensions.get(EXTENSION_OID.keyUsage)),
      extendedKeyUsage: eku === undefined ? null : [...AsnParser.parse(eku.extnValue, ExtendedKeyUsage)],
      isCa: basic === undefined ? false : AsnParser.parse(basic.extnValue, BasicConstraints).cA,
      subjectKeyIdentifier: ski === undefined ? null : bytesOf(AsnParser.parse(ski.extnValue, SubjectKeyIdentifier).buffer),
      authorityKeyIdentifier: akiValue === undefined ? null : bytesOf(akiValue.buffer),
      publicKey: {
        algorithm: algorithmRef(tbs.subjectPublicKeyInfo.algorithm),
        keyBytes: bytesOf(tbs.subjectPublicKeyInfo.subjectPublicKey),
        spkiDer: derOf(tbs.subjectPublicKeyInfo),
      },
      signatureAlgorithm: algorithmRef(certificate.signatureAlgorithm),
      signature: bytesOf(certificate.signatureValue),
    });
  } catch {
    // An extension whose value does not parse as its type, or a time that is no date.
    return err({ kind: 'malformed', what: 'certificate' });
  }
}

/** A GOST public key's x‖y, unwrapped from the OCTET STRING inside the BIT STRING; null when it is not one. */
export function gostKeyPoint(keyBytes: Uint8Array): Uint8Array | null {
  const parsed = parseAsn(keyBytes, OctetString, 'GOST public key', 1024);
  return parsed.ok ? bytesOf(parsed.value.buffer) : null;
}
