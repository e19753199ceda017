/**
 * The fields of an X.509 certificate (RFC 5280) the signing checks need, read straight from its
 * DER: on the workstation for any key the signing agent holds (forge.pki refuses non-RSA keys, and
 * НУЦ РК keys are often GOST or EC), on the backend because node:crypto does not expose the exact
 * issuer and subject Name bytes (CMS and CRLs name a CA by them), single subject attributes (its
 * multi-line `subject` string cannot be split safely when a value holds a newline), keyUsage or
 * the subject key identifier. Validity and keyUsage are what certificateRules judges.
 */
import { childAt, childrenOf, contextTag, DerError, expectTag, parseDer, TAG, type DerElement } from '../asn1/derReader';
import { integerHex, oidOf, stringOf, timeOf } from '../asn1/derValues';
import type { CertificateDescription, CertificateSubject } from './certificateRules';

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
} as const;

export interface CertificateFields {
  /** Normalised hex (lower case, no leading zero octets), the form CRL and CMS matching compare. */
  readonly serialHex: string;
  /** The issuer Name exactly as encoded, for matching a CMS issuerAndSerialNumber or naming a CRL issuer. */
  readonly issuerDer: Uint8Array;
  readonly issuerCommonName: string | null;
  readonly subjectDer: Uint8Array;
  readonly subject: CertificateSubject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyUsage: CertificateDescription['keyUsage'];
  readonly subjectKeyIdentifier: Uint8Array | null;
  readonly publicKeyAlgorithmOid: string;
  /** SubjectPublicKeyInfo DER, loadable with `createPublicKey({ format: 'der', type: 'spki' })` for RSA/EC. */
  readonly subjectPublicKeyInfoDer: Uint8Array;
}

/** Throws DerError when `certificateDer` is not a DER X.509 certificate. */
export function readCertificateFields(certificateDer: Uint8Array): CertificateFields {
  const tbs = childAt(expectTag(parseDer(certificateDer), TAG.sequence, 'Certificate'), 0, TAG.sequence, 'TBSCertificate');
  const parts = childrenOf(tbs);
  const at = parts[0]?.tag === contextTag(0, true) ? 1 : 0; // optional [0] version
  const [serial, _signature, issuer, validity, subject, publicKeyInfo] = parts.slice(at, at + 6);
  const [notBefore, notAfter] = childrenOf(expectTag(validity, TAG.sequence, 'Validity'));
  if (notBefore === undefined || notAfter === undefined) throw new DerError('incomplete Validity');
  const issuerName = expectTag(issuer, TAG.sequence, 'issuer Name');
  const subjectName = expectTag(subject, TAG.sequence, 'subject Name');
  const spki = expectTag(publicKeyInfo, TAG.sequence, 'subjectPublicKeyInfo');
  const extensions = extensionsOf(parts.slice(at + 6).find((part) => part.tag === contextTag(3, true)));
  const keyUsage = extensions.get(OID.keyUsage);
  const keyIdentifier = extensions.get(OID.subjectKeyIdentifier);
  return {
    serialHex: integerHex(expectTag(serial, TAG.integer, 'serialNumber')),
    issuerDer: issuerName.encoded,
    issuerCommonName: nameValues(issuerName).get(OID.commonName) ?? null,
    subjectDer: subjectName.encoded,
    subject: subjectOf(nameValues(subjectName)),
    notBefore: timeOf(notBefore),
    notAfter: timeOf(notAfter),
    keyUsage: keyUsage === undefined ? { digitalSignature: false, nonRepudiation: false } : keyUsageOf(keyUsage),
    subjectKeyIdentifier: keyIdentifier === undefined ? null : expectTag(parseDer(keyIdentifier), TAG.octetString, 'KeyIdentifier').content,
    publicKeyAlgorithmOid: oidOf(childAt(childAt(spki, 0, TAG.sequence, 'AlgorithmIdentifier'), 0, TAG.oid, 'algorithm')),
    subjectPublicKeyInfoDer: spki.encoded,
  };
}

/**
 * Attribute type → its value; a type that occurs more than once maps to null, so a certificate
 * cannot name two IINs and have the rules pick the convenient one.
 */
function nameValues(name: DerElement): Map<string, string | null> {
  const values = new Map<string, string | null>();
  for (const rdn of childrenOf(name)) {
    for (const attribute of childrenOf(expectTag(rdn, TAG.set, 'RelativeDistinguishedName'))) {
      const [type, value] = childrenOf(expectTag(attribute, TAG.sequence, 'AttributeTypeAndValue'));
      const oid = oidOf(expectTag(type, TAG.oid, 'attribute type'));
      if (value === undefined) throw new DerError('attribute without a value');
      values.set(oid, values.has(oid) ? null : stringOf(value));
    }
  }
  return values;
}

function subjectOf(values: ReadonlyMap<string, string | null>): CertificateSubject {
  const get = (oid: string): string | null => values.get(oid) ?? null;
  return {
    commonName: get(OID.commonName),
    surname: get(OID.surname),
    givenName: get(OID.givenName),
    serialNumber: get(OID.serialNumber),
    organization: get(OID.organization),
    organizationalUnit: get(OID.organizationalUnit),
  };
}

/** extnID → extnValue contents; a certificate with the same extension twice is malformed (RFC 5280 §4.2). */
function extensionsOf(wrapper: DerElement | undefined): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (wrapper === undefined) return out;
  for (const extension of childrenOf(childAt(wrapper, 0, TAG.sequence, 'Extensions'))) {
    const parts = childrenOf(expectTag(extension, TAG.sequence, 'Extension'));
    const id = oidOf(expectTag(parts[0], TAG.oid, 'extnID'));
    const value = expectTag(parts[parts.length - 1], TAG.octetString, 'extnValue');
    if (out.has(id)) throw new DerError('duplicate extension');
    out.set(id, value.content);
  }
  return out;
}

function keyUsageOf(extnValue: Uint8Array): CertificateFields['keyUsage'] {
  const bits = expectTag(parseDer(extnValue), TAG.bitString, 'KeyUsage').content;
  const first = bits[1] ?? 0; // bits[0] counts unused bits; digitalSignature is the first named bit
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}
