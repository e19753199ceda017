/**
 * The certificate fields node:crypto's X509Certificate does not expose faithfully: the raw issuer
 * and subject Names (CMS and CRLs name a CA by its exact bytes), single subject attributes (the
 * multi-line `subject` string cannot be parsed safely when a value contains a newline), keyUsage
 * and the subject key identifier. Read straight from the DER.
 */
import type { CertificateSubject } from '../../core/signing/certificateRules';
import { childrenOf, contextTag, decodeOid, decodeString, DerError, expectTag, integerHex, parseDer, TAG, type DerNode } from './der';

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
  /** Normalised hex (lower case, no leading zero octets). */
  readonly serialHex: string;
  readonly issuerDer: Uint8Array;
  readonly subjectDer: Uint8Array;
  readonly subject: CertificateSubject;
  readonly keyUsage: { readonly digitalSignature: boolean; readonly nonRepudiation: boolean };
  readonly subjectKeyIdentifier: Uint8Array | null;
  /** DER of subjectPublicKeyInfo. */
  readonly publicKeyInfoDer: Uint8Array;
}

/** Throws DerError when `der` is not an X.509 certificate. */
export function certificateFields(der: Uint8Array): CertificateFields {
  const [tbsNode] = childrenOf(expectTag(parseDer(der), TAG.sequence, 'Certificate'));
  const tbs = childrenOf(expectTag(tbsNode, TAG.sequence, 'TBSCertificate'));
  const at = tbs[0]?.tag === contextTag(0, true) ? 1 : 0; // optional [0] version
  const [serial, _signature, issuer, _validity, subject, publicKeyInfo] = tbs.slice(at, at + 6);
  const extensions = extensionsOf(tbs.slice(at + 6).find((node) => node.tag === contextTag(3, true)));
  const keyUsage = extensions.get(OID.keyUsage);
  const ski = extensions.get(OID.subjectKeyIdentifier);
  const subjectName = expectTag(subject, TAG.sequence, 'subject Name');
  return {
    serialHex: integerHex(expectTag(serial, TAG.integer, 'serialNumber')),
    issuerDer: expectTag(issuer, TAG.sequence, 'issuer Name').raw,
    subjectDer: subjectName.raw,
    subject: subjectOf(subjectName),
    keyUsage: keyUsage === undefined ? { digitalSignature: false, nonRepudiation: false } : keyUsageOf(keyUsage),
    subjectKeyIdentifier: ski === undefined ? null : expectTag(parseDer(ski), TAG.octetString, 'KeyIdentifier').value,
    publicKeyInfoDer: expectTag(publicKeyInfo, TAG.sequence, 'subjectPublicKeyInfo').raw,
  };
}

/** extnID → extnValue contents; a certificate with the same extension twice is malformed (RFC 5280 §4.2). */
function extensionsOf(node: DerNode | undefined): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (node === undefined) return out;
  const [list] = childrenOf(node);
  for (const extension of childrenOf(expectTag(list, TAG.sequence, 'Extensions'))) {
    const parts = childrenOf(expectTag(extension, TAG.sequence, 'Extension'));
    const id = decodeOid(expectTag(parts[0], TAG.oid, 'extnID'));
    const value = expectTag(parts[parts.length - 1], TAG.octetString, 'extnValue');
    if (out.has(id)) throw new DerError('duplicate extension');
    out.set(id, value.value);
  }
  return out;
}

function keyUsageOf(extnValue: Uint8Array): CertificateFields['keyUsage'] {
  const bits = expectTag(parseDer(extnValue), TAG.bitString, 'KeyUsage').value;
  const first = bits[1] ?? 0; // bits[0] counts unused bits; digitalSignature is the first named bit
  return { digitalSignature: (first & 0x80) !== 0, nonRepudiation: (first & 0x40) !== 0 };
}

/**
 * One value per attribute type; a type that occurs more than once yields null, so a certificate
 * cannot name two IINs and have the rules pick the convenient one.
 */
function subjectOf(name: DerNode): CertificateSubject {
  const values = new Map<string, string | null>();
  for (const rdn of childrenOf(name)) {
    for (const attribute of childrenOf(expectTag(rdn, TAG.set, 'RelativeDistinguishedName'))) {
      const [type, value] = childrenOf(expectTag(attribute, TAG.sequence, 'AttributeTypeAndValue'));
      const oid = decodeOid(expectTag(type, TAG.oid, 'attribute type'));
      if (value === undefined) throw new DerError('attribute without a value');
      values.set(oid, values.has(oid) ? null : decodeString(value));
    }
  }
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
