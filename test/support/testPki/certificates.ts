// X.509 certificates shaped like НУЦ РК (RSA) ones (docs: kz-domain.md §3): subject layout, SIGN/AUTH
// key usage and EKU, individual policy OIDs. Only for tests and local development.
import { randomBytes } from 'node:crypto';
import forge from 'node-forge';
import type { ForgeKeyPair } from './keys';

/** OIDs forge has no short names for (SURNAME, GIVENNAME) or does not know at all (KZ roles/policies). */
export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  certificatePolicies: '2.5.29.32',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  kzIndividual: '1.2.398.3.3.4.1.1',
  kzPolicyIndividualSign: '1.2.398.3.3.2.3',
  kzPolicyIndividualAuth: '1.2.398.3.3.2.4',
} as const;

export type KeyPurpose = 'sign' | 'auth';

/** `employer`: O and OU=BIN… as НУЦ puts them in an employee's certificate of a legal entity. */
export type Person = { surname: string; name: string; patronymic: string; iin: string; employer?: { name: string; bin: string } };

export type Issuer = { cert: forge.pki.Certificate; keys: ForgeKeyPair };

const utf8 = (type: string, value: string): forge.pki.CertificateField => ({
  type,
  value,
  valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class, // forge types the tag as a class
});
const printable = (type: string, value: string): forge.pki.CertificateField => ({ type, value });

/** НУЦ layout: CN = "SURNAME NAME", SURNAME, serialNumber = IIN…, C = KZ, GIVENNAME = patronymic. */
export function personSubject(person: Person): forge.pki.CertificateField[] {
  return [
    utf8(OID.commonName, `${person.surname} ${person.name}`),
    utf8(OID.surname, person.surname),
    printable(OID.serialNumber, `IIN${person.iin}`),
    printable(OID.country, 'KZ'),
    utf8(OID.givenName, person.patronymic),
    ...(person.employer ? [utf8(OID.organization, person.employer.name), printable(OID.organizationalUnit, `BIN${person.employer.bin}`)] : []),
  ];
}

export function caSubject(commonName: string): forge.pki.CertificateField[] {
  return [utf8(OID.commonName, commonName), utf8(OID.organization, 'PSC Workstation (ТЕСТ)'), printable(OID.country, 'KZ')];
}

/** 16 random bytes, top bit clear so the DER INTEGER stays positive without a padding byte. */
export function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f || 0x01;
  return bytes.toString('hex');
}

/** Key identifier bytes (SHA-1 of the public key), shared by SKI of the CA and AKI of what it issues. */
export function keyIdentifier(cert: forge.pki.Certificate): string {
  return forge.pki.getPublicKeyFingerprint(cert.publicKey, { type: 'RSAPublicKey' }).getBytes();
}

export type Validity = { notBefore: Date; notAfter: Date };

export function issueCaCertificate(keys: ForgeKeyPair, commonName: string, validity: Validity): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  cert.setSubject(caSubject(commonName));
  cert.setIssuer(caSubject(commonName));
  const ski = keyIdentifier(cert);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier', subjectKeyIdentifier: forge.util.bytesToHex(ski) },
    { name: 'authorityKeyIdentifier', keyIdentifier: ski },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return cert;
}

/** certificatePolicies with one policy OID and no qualifiers (forge has no builder for it). */
function policiesExtension(policyOid: string): { id: string; value: forge.asn1.Asn1 } {
  const { create, Class, Type, oidToDer } = forge.asn1;
  const policy = create(Class.UNIVERSAL, Type.SEQUENCE, true, [
    create(Class.UNIVERSAL, Type.OID, false, oidToDer(policyOid).getBytes()),
  ]);
  return { id: OID.certificatePolicies, value: create(Class.UNIVERSAL, Type.SEQUENCE, true, [policy]) };
}

/**
 * SIGN: digitalSignature + nonRepudiation, EKU emailProtection (OpenSSL's S/MIME purpose, needed by
 * `openssl cms -verify`). AUTH: digitalSignature + keyEncipherment, EKU clientAuth, no nonRepudiation.
 */
function purposeExtensions(purpose: KeyPurpose): object[] {
  const sign = purpose === 'sign';
  return [
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: sign, keyEncipherment: !sign, critical: true },
    sign
      ? { name: 'extKeyUsage', emailProtection: true, [OID.kzIndividual]: true }
      : { name: 'extKeyUsage', clientAuth: true, [OID.kzIndividual]: true },
    policiesExtension(sign ? OID.kzPolicyIndividualSign : OID.kzPolicyIndividualAuth),
  ];
}

export function issueOperatorCertificate(args: {
  issuer: Issuer;
  publicKey: forge.pki.rsa.PublicKey;
  person: Person;
  purpose: KeyPurpose;
  validity: Validity;
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = args.publicKey;
  cert.serialNumber = randomSerialHex();
  cert.validity.notBefore = args.validity.notBefore;
  cert.validity.notAfter = args.validity.notAfter;
  cert.setSubject(personSubject(args.person));
  cert.setIssuer(args.issuer.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    ...purposeExtensions(args.purpose),
    { name: 'subjectKeyIdentifier', subjectKeyIdentifier: forge.util.bytesToHex(keyIdentifier(cert)) },
    { name: 'authorityKeyIdentifier', keyIdentifier: keyIdentifier(args.issuer.cert) },
  ]);
  cert.sign(args.issuer.keys.privateKey, forge.md.sha256.create());
  return cert;
}
