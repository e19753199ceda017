// X.509 certificates and CRLs with GOST keys, shaped like НУЦ РК's (Kazakh subjects, SIGN/AUTH key
// usage and EKU, the KZ algorithm OIDs and NULL signature parameters), built with @peculiar/asn1-x509
// and signed by gostKeys.ts. Test code only.
import { createHash, randomBytes } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  AuthorityKeyIdentifier,
  BasicConstraints,
  Certificate,
  CertificateList,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  RevokedCertificate,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  TBSCertList,
  Time,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { gostSign, type GostKeyPair } from './gostKeys';

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
  crlNumber: '2.5.29.20',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  kzIndividual: '1.2.398.3.3.4.1.1',
  kzEmployee: '1.2.398.3.3.4.1.2',
} as const;

/** A fresh ArrayBuffer of exactly these bytes (a Node Buffer's slice() is a view into a shared pool). */
const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const der = (value: unknown): Uint8Array => new Uint8Array(AsnConvert.serialize(value));
const NULL = buffer(new Uint8Array([0x05, 0x00]));

export type NameAttribute = { readonly type: keyof typeof OID; readonly value: string; readonly printable?: boolean };

export function name(attributes: readonly NameAttribute[]): Name {
  return new Name(
    attributes.map(
      (attribute) =>
        new RelativeDistinguishedName([
          new AttributeTypeAndValue({
            type: OID[attribute.type],
            value: new AttributeValue(attribute.printable === true ? { printableString: attribute.value } : { utf8String: attribute.value }),
          }),
        ]),
    ),
  );
}

/** A Kazakh individual as НУЦ names them: CN "SURNAME NAME", SURNAME, serialNumber IIN…, C, GIVENNAME (patronymic), O / OU=BIN… for employees. */
export function personName(person: { surname: string; name: string; patronymic: string; iin: string; employer?: { name: string; bin: string } }): Name {
  return name([
    { type: 'commonName', value: `${person.surname} ${person.name}` },
    { type: 'surname', value: person.surname },
    { type: 'serialNumber', value: `IIN${person.iin}`, printable: true },
    { type: 'country', value: 'KZ', printable: true },
    ...(person.employer === undefined
      ? []
      : [
          { type: 'organization' as const, value: person.employer.name },
          { type: 'organizationalUnit' as const, value: `BIN${person.employer.bin}`, printable: true },
        ]),
    { type: 'givenName', value: person.patronymic },
  ]);
}

export const caName = (commonName: string): Name =>
  name([
    { type: 'commonName', value: commonName },
    { type: 'country', value: 'KZ', printable: true },
  ]);

function publicKeyInfo(key: GostKeyPair): SubjectPublicKeyInfo {
  const parameters = new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: key.spec.curveParameterOid }), new asn1js.ObjectIdentifier({ value: key.spec.digestParameterOid })],
  });
  return new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: key.spec.keyOid, parameters: parameters.toBER(false) }),
    subjectPublicKey: buffer(der(new OctetString(buffer(key.publicPoint)))),
  });
}

/** SHA-1 of the public key bits (RFC 5280 §4.2.1.2 method 1). */
export const keyIdentifierOf = (key: GostKeyPair): Uint8Array => new Uint8Array(createHash('sha1').update(key.publicPoint).digest());

const extension = (id: string, value: unknown, critical = false): Extension => new Extension({ extnID: id, critical, extnValue: new OctetString(buffer(der(value))) });

export type CertificateRole = 'root' | 'ca' | 'sign' | 'auth' | 'tsa';

function roleExtensions(role: CertificateRole): Extension[] {
  switch (role) {
    case 'root':
    case 'ca':
      return [
        extension(OID.basicConstraints, new BasicConstraints({ cA: true }), true),
        extension(OID.keyUsage, new KeyUsage(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign), true),
      ];
    case 'sign':
      return [
        extension(OID.keyUsage, new KeyUsage(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation), true),
        extension(OID.extendedKeyUsage, new ExtendedKeyUsage([OID.emailProtection, OID.kzEmployee])),
      ];
    case 'auth':
      return [
        extension(OID.keyUsage, new KeyUsage(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment), true),
        extension(OID.extendedKeyUsage, new ExtendedKeyUsage([OID.clientAuth, OID.kzEmployee])),
      ];
    case 'tsa':
      return [
        extension(OID.keyUsage, new KeyUsage(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation), true),
        extension(OID.extendedKeyUsage, new ExtendedKeyUsage([OID.timeStamping]), true),
      ];
  }
}

export interface IssuedCertificate {
  readonly der: Uint8Array;
  readonly certificate: Certificate;
  readonly key: GostKeyPair;
}

/** Positive 20-byte serial, like НУЦ's. */
function serialNumber(): ArrayBuffer {
  const bytes = randomBytes(20);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x10;
  return buffer(bytes);
}

export function issueCertificate(args: {
  subject: Name;
  key: GostKeyPair;
  role: CertificateRole;
  notBefore: Date;
  notAfter: Date;
  /** Absent: self-signed with `key`. */
  issuer?: IssuedCertificate;
}): IssuedCertificate {
  const issuerKey = args.issuer?.key ?? args.key;
  const signatureAlgorithm = new AlgorithmIdentifier({ algorithm: issuerKey.spec.signatureOid, parameters: NULL });
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialNumber(),
    signature: signatureAlgorithm,
    issuer: args.issuer?.certificate.tbsCertificate.subject ?? args.subject,
    validity: new Validity({ notBefore: args.notBefore, notAfter: args.notAfter }),
    subject: args.subject,
    subjectPublicKeyInfo: publicKeyInfo(args.key),
    extensions: new Extensions([
      ...roleExtensions(args.role),
      extension(OID.subjectKeyIdentifier, new SubjectKeyIdentifier(buffer(keyIdentifierOf(args.key)))),
      extension(OID.authorityKeyIdentifier, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(buffer(keyIdentifierOf(issuerKey))) })),
    ]),
  });
  const tbsDer = der(tbs);
  const certificate = new Certificate({ tbsCertificate: tbs, signatureAlgorithm, signatureValue: buffer(gostSign(issuerKey, tbsDer)) });
  return { der: der(certificate), certificate, key: args.key };
}

export function issueCrl(args: {
  issuer: IssuedCertificate;
  thisUpdate: Date;
  nextUpdate: Date;
  revoked: readonly { serial: ArrayBuffer; revocationDate: Date }[];
}): Uint8Array {
  const signatureAlgorithm = new AlgorithmIdentifier({ algorithm: args.issuer.key.spec.signatureOid, parameters: NULL });
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: signatureAlgorithm,
    issuer: args.issuer.certificate.tbsCertificate.subject,
    thisUpdate: new Time(args.thisUpdate),
    nextUpdate: new Time(args.nextUpdate),
    ...(args.revoked.length === 0
      ? {}
      : { revokedCertificates: args.revoked.map((entry) => new RevokedCertificate({ userCertificate: entry.serial, revocationDate: new Time(entry.revocationDate) })) }),
    crlExtensions: [extension(OID.authorityKeyIdentifier, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(buffer(keyIdentifierOf(args.issuer.key))) }))],
  });
  const tbsDer = der(tbs);
  return der(new CertificateList({ tbsCertList: tbs, signatureAlgorithm, signature: buffer(gostSign(args.issuer.key, tbsDer)) }));
}
