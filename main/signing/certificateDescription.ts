// Turns an X.509 certificate plus the signing policy into the plain `CertificateDescription` the
// pure rules in core/signing/certificateRules judge. Shared by every signer so a key file and a key
// behind the national signing agent are held to exactly the same checks (DESIGN.md §5).
// Fields are read from the DER with derReader rather than forge.pki, which refuses any
// certificate whose key is not RSA — and the agent's keys are often GOST or EC.
import { X509Certificate } from 'node:crypto';
import type {
  CertificateDescription,
  CertificateSubject,
} from '../../core/signing/certificateRules';
import type { SignPolicy } from '../ports/Signer';
import { revocationStatus } from './crlRevocation';
import { DerElement, oidOf, stringOf, TAG, timeOf } from './derReader';

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  keyUsage: '2.5.29.15',
} as const;

export type CertificateFields = {
  readonly subject: CertificateSubject;
  readonly issuerCommonName: string | null;
  /** Hex of the serial INTEGER's content bytes, lower case (as forge and the CRL check spell it). */
  readonly serialHex: string;
  /** The issuer Name exactly as encoded, for matching a CMS issuerAndSerialNumber. */
  readonly issuerDer: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly keyUsage: CertificateDescription['keyUsage'];
  readonly publicKeyAlgorithmOid: string;
  /** SubjectPublicKeyInfo DER, loadable with `createPublicKey({ format: 'der', type: 'spki' })` for RSA/EC. */
  readonly subjectPublicKeyInfoDer: Uint8Array;
};

/** First value of `type` in a Name (RDNSequence); null when absent. */
function nameField(name: DerElement, type: string): string | null {
  for (const rdn of name.children()) {
    for (const attribute of rdn.children()) {
      const [attributeType, value] = attribute.children();
      if (attributeType !== undefined && value !== undefined && oidOf(attributeType) === type) return stringOf(value);
    }
  }
  return null;
}

function keyUsageOf(extensions: DerElement | undefined): CertificateDescription['keyUsage'] {
  const list = extensions?.child(0, TAG.sequence).children() ?? [];
  for (const extension of list) {
    const parts = extension.children();
    const id = parts[0];
    const value = parts[parts.length - 1];
    if (id === undefined || value === undefined || oidOf(id) !== OID.keyUsage) continue;
    const bits = DerElement.parse(value.content);
    if (bits.tag !== TAG.bitString) throw new Error('certificate: keyUsage is not a BIT STRING');
    const flags = bits.content[1] ?? 0; // content[0] counts unused bits
    return { digitalSignature: (flags & 0x80) !== 0, nonRepudiation: (flags & 0x40) !== 0 };
  }
  return { digitalSignature: false, nonRepudiation: false };
}

/** Reads the fields the signing checks need; throws when the bytes are not a certificate. */
export function readCertificate(certificateDer: Uint8Array): CertificateFields {
  const tbs = DerElement.parse(certificateDer).child(0, TAG.sequence);
  const parts = tbs.children();
  const base = parts[0]?.tag === TAG.context0 ? 1 : 0; // optional [0] version
  const at = (offset: number, tag: number): DerElement => tbs.child(base + offset, tag);
  const serial = at(0, TAG.integer);
  const issuer = at(2, TAG.sequence);
  const validity = at(3, TAG.sequence).children();
  const subject = at(4, TAG.sequence);
  const spki = at(5, TAG.sequence);
  const [notBefore, notAfter] = validity;
  if (notBefore === undefined || notAfter === undefined) throw new Error('certificate: incomplete validity');
  return {
    subject: {
      commonName: nameField(subject, OID.commonName),
      surname: nameField(subject, OID.surname),
      givenName: nameField(subject, OID.givenName),
      serialNumber: nameField(subject, OID.serialNumber),
      organization: nameField(subject, OID.organization),
      organizationalUnit: nameField(subject, OID.organizationalUnit),
    },
    issuerCommonName: nameField(issuer, OID.commonName),
    serialHex: Buffer.from(serial.content).toString('hex'),
    issuerDer: issuer.encoded,
    notBefore: timeOf(notBefore),
    notAfter: timeOf(notAfter),
    keyUsage: keyUsageOf(parts.find((part) => part.tag === TAG.context3)),
    publicKeyAlgorithmOid: oidOf(spki.child(0, TAG.sequence).child(0, TAG.oid)),
    subjectPublicKeyInfoDer: spki.encoded,
  };
}

const PEM_BODY = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

export function certificateDerFromPem(certificatePem: string): Uint8Array {
  const body = PEM_BODY.exec(certificatePem)?.[1];
  if (body === undefined) throw new Error('certificate: not a PEM certificate');
  return Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
}

export function certificatePemFromDer(certificateDer: Uint8Array): string {
  const lines = Buffer.from(certificateDer).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const within = (x509: X509Certificate, now: Date): boolean =>
  new Date(x509.validFrom).getTime() <= now.getTime() && now.getTime() <= new Date(x509.validTo).getTime();

/**
 * The configured CA that issued the certificate: DN match, signature verifies, CA in date.
 * Node cannot load GOST keys, so a GOST-signed certificate finds no anchor here (fails closed as
 * `untrusted-issuer`); accepting it would need a GOST-capable verifier such as NCANode.
 */
function issuingAnchor(certificatePem: string, anchorsPem: readonly string[], now: Date): X509Certificate | null {
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(certificatePem);
  } catch {
    return null;
  }
  for (const pem of anchorsPem) {
    try {
      const anchor = new X509Certificate(pem);
      if (anchor.ca && within(anchor, now) && leaf.checkIssued(anchor) && leaf.verify(anchor.publicKey)) return anchor;
    } catch {
      // a malformed anchor, or a key Node cannot load, vouches for nothing
    }
  }
  return null;
}

/** Throws only when `certificatePem` is not a readable certificate. */
export function describeCertificate(certificatePem: string, policy: SignPolicy): CertificateDescription {
  const fields = readCertificate(certificateDerFromPem(certificatePem));
  const anchor = issuingAnchor(certificatePem, policy.trustAnchorsPem, policy.now);
  return {
    subject: fields.subject,
    notBefore: fields.notBefore,
    notAfter: fields.notAfter,
    keyUsage: fields.keyUsage,
    chainsToTrustedAnchor: anchor !== null,
    revoked:
      anchor === null
        ? 'unknown'
        : revocationStatus({ crlDer: policy.crlDer, issuer: anchor, serialHex: fields.serialHex, now: policy.now }),
  };
}
