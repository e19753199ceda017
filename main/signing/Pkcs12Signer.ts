// Signer over the operator's PKCS#12 key file, with node-forge (DESIGN.md §5, stack-notes.md §7).
// The key is opened for the one call and dropped; the password is never stored, logged or returned.
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { err, ok, type Result } from '../../core/result';
import {
  certificateOwner,
  checkSigningCertificate,
  isSigningKey,
  type CertificateDescription,
  type CertificateSubject,
} from '../../core/signing/certificateRules';
import type { CertificateCard, Signature, Signer, SignerError, SignPolicy } from '../ports/Signer';
import { revocationStatus } from './crlRevocation';
import { children, fromBinary, isUniversal, primitive, toBinary } from './der';

const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
} as const;

type OpenedKey = { key: forge.pki.rsa.PrivateKey; certificate: forge.pki.Certificate; certificatePem: string };

function openKeyFile(keyFile: Uint8Array, password: string): Result<OpenedKey, SignerError> {
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
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  if (keys.length === 0 && certificates.length === 0) return err({ kind: 'not-a-key-file' });
  // The end-entity certificate is the one whose public key matches a private key in the file.
  for (const key of keys) {
    const certificate = certificates.find((cert) => {
      const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
      return publicKey.n?.equals(key.n) === true && publicKey.e?.equals(key.e) === true;
    });
    if (certificate !== undefined) return ok({ key, certificate, certificatePem: forge.pki.certificateToPem(certificate) });
  }
  return err({ kind: 'no-private-key' });
}

function field(name: forge.pki.Certificate['subject'], type: string): string | null {
  const attribute = name.getField({ type }) as { value?: unknown } | null;
  if (attribute === null || typeof attribute.value !== 'string') return null;
  try {
    return forge.util.decodeUtf8(attribute.value); // UTF8String values arrive as raw UTF-8 bytes
  } catch {
    return attribute.value;
  }
}

function subjectOf(certificate: forge.pki.Certificate): CertificateSubject {
  const { subject } = certificate;
  return {
    commonName: field(subject, OID.commonName),
    surname: field(subject, OID.surname),
    givenName: field(subject, OID.givenName),
    serialNumber: field(subject, OID.serialNumber),
    organization: field(subject, OID.organization),
    organizationalUnit: field(subject, OID.organizationalUnit),
  };
}

function keyUsageOf(certificate: forge.pki.Certificate): CertificateDescription['keyUsage'] {
  const extension = certificate.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
  return { digitalSignature: extension?.digitalSignature === true, nonRepudiation: extension?.nonRepudiation === true };
}

const within = (x509: X509Certificate, now: Date): boolean =>
  new Date(x509.validFrom).getTime() <= now.getTime() && now.getTime() <= new Date(x509.validTo).getTime();

/** The configured CA that issued the certificate: DN match, signature verifies, CA in date. */
function issuingAnchor(leaf: X509Certificate, anchorsPem: readonly string[], now: Date): X509Certificate | null {
  for (const pem of anchorsPem) {
    let anchor: X509Certificate;
    try {
      anchor = new X509Certificate(pem);
    } catch {
      continue; // a malformed anchor in the configuration vouches for nothing
    }
    if (anchor.ca && within(anchor, now) && leaf.checkIssued(anchor) && leaf.verify(anchor.publicKey)) return anchor;
  }
  return null;
}

function describe(opened: OpenedKey, policy: SignPolicy): CertificateDescription {
  const { certificate } = opened;
  const leaf = new X509Certificate(opened.certificatePem);
  const anchor = issuingAnchor(leaf, policy.trustAnchorsPem, policy.now);
  return {
    subject: subjectOf(certificate),
    notBefore: certificate.validity.notBefore,
    notAfter: certificate.validity.notAfter,
    keyUsage: keyUsageOf(certificate),
    chainsToTrustedAnchor: anchor !== null,
    revoked:
      anchor === null
        ? 'unknown'
        : revocationStatus({ crlDer: policy.crlDer, issuer: anchor, serialHex: certificate.serialNumber, now: policy.now }),
  };
}

function makeDetachedCms(opened: OpenedKey, data: Uint8Array, signingTime: Date): Uint8Array {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(toBinary(data));
  p7.addCertificate(opened.certificate);
  p7.addSigner({
    key: opened.key,
    certificate: opened.certificate,
    digestAlgorithm: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
    // forge does not sort: pass them in DER SET OF order (by encoding: 0x30 0x18, 0x30 0x1c, 0x30 0x2f).
    authenticatedAttributes: [
      { type: forge.pki.oids.contentType ?? '', value: forge.pki.oids.data },
      { type: forge.pki.oids.signingTime ?? '', value: signingTime as unknown as string }, // forge accepts a Date
      { type: forge.pki.oids.messageDigest ?? '' },
    ],
  });
  p7.sign({ detached: true });
  const contentInfo = p7.toAsn1();
  useOriginalIssuerName(contentInfo, opened.certificate);
  return fromBinary(forge.asn1.toDer(contentInfo).getBytes());
}

/**
 * forge re-encodes the issuer DN for issuerAndSerialNumber and UTF-8-encodes the already-UTF-8 bytes
 * of parsed UTF8String values (Cyrillic comes out garbled, OpenSSL: "signer certificate not found").
 * Put the certificate's own issuer Name back; it is not covered by the signature.
 */
function useOriginalIssuerName(contentInfo: forge.asn1.Asn1, certificate: forge.pki.Certificate): void {
  const tbs = children((certificate as forge.pki.Certificate & { tbsCertificate?: forge.asn1.Asn1 }).tbsCertificate);
  const versionPresent = tbs[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC;
  const issuerName = tbs[versionPresent ? 3 : 2];
  if (issuerName === undefined) throw new Error('certificate without issuer');
  const signedData = children(children(contentInfo)[1])[0];
  const signerInfos = children(signedData);
  const issuerAndSerial = children(children(signerInfos[signerInfos.length - 1])[0])[1];
  const fields = children(issuerAndSerial);
  fields[0] = issuerName;
}

const compareBytes = (a: Uint8Array, b: Uint8Array): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Independent check of what forge produced (forge cannot verify CMS): the signed attributes are in DER
 * order, messageDigest is SHA-256 of the data, and the signature over the attributes' SET OF DER
 * verifies with the certificate's key. A failure is a bug, so it throws.
 */
function selfVerify(cmsDer: Uint8Array, data: Uint8Array, certificatePem: string): void {
  const { Class, Type } = forge.asn1;
  const contentInfo = forge.asn1.fromDer(toBinary(cmsDer));
  const signedData = children(children(children(contentInfo)[1])[0]);
  const signerInfos = signedData[signedData.length - 1];
  const signerInfo = children(children(signerInfos)[0]);
  const signedAttrs = signerInfo.find((node) => node.tagClass === Class.CONTEXT_SPECIFIC && node.type === 0);
  const signature = [...signerInfo].reverse().find((node) => isUniversal(node, Type.OCTETSTRING));
  if (signedAttrs === undefined || signature === undefined) throw new Error('CMS self-check: signer info incomplete');

  const attributes = children(signedAttrs);
  const encoded = attributes.map((attribute) => fromBinary(forge.asn1.toDer(attribute).getBytes()));
  for (let i = 1; i < encoded.length; i += 1) {
    const previous = encoded[i - 1];
    const current = encoded[i];
    if (previous === undefined || current === undefined || compareBytes(previous, current) > 0) {
      throw new Error('CMS self-check: signed attributes are not in DER order');
    }
  }
  const digestAttribute = attributes.find(
    (attribute) => forge.asn1.derToOid(primitive(children(attribute)[0])) === forge.pki.oids.messageDigest,
  );
  const digest = primitive(children(children(digestAttribute)[1])[0]);
  if (digest !== createHash('sha256').update(data).digest('binary')) throw new Error('CMS self-check: messageDigest mismatch');

  const setOf = forge.asn1.create(Class.UNIVERSAL, Type.SET, true, attributes);
  const signedBytes = Buffer.from(forge.asn1.toDer(setOf).getBytes(), 'binary');
  const publicKey = new X509Certificate(certificatePem).publicKey;
  if (!verifySignature('sha256', signedBytes, publicKey, Buffer.from(primitive(signature), 'binary'))) {
    throw new Error('CMS self-check: signature does not verify');
  }
}

export class Pkcs12Signer implements Signer {
  inspect(keyFile: Uint8Array, password: string): Result<CertificateCard, SignerError> {
    const opened = openKeyFile(keyFile, password);
    if (!opened.ok) return opened;
    const { certificate, certificatePem } = opened.value;
    return ok({
      owner: certificateOwner(subjectOf(certificate)),
      issuerCommonName: field(certificate.issuer, OID.commonName),
      serialHex: certificate.serialNumber,
      notBefore: certificate.validity.notBefore,
      notAfter: certificate.validity.notAfter,
      isSigningKey: isSigningKey(keyUsageOf(certificate)),
      certificatePem,
    });
  }

  sign(keyFile: Uint8Array, password: string, data: Uint8Array, policy: SignPolicy): Result<Signature, SignerError> {
    const opened = openKeyFile(keyFile, password);
    if (!opened.ok) return opened;
    const verdict = checkSigningCertificate(describe(opened.value, policy), policy);
    if (!verdict.ok) return verdict;
    const cmsDer = makeDetachedCms(opened.value, data, policy.now);
    selfVerify(cmsDer, data, opened.value.certificatePem);
    return ok({ cmsDer, certificatePem: opened.value.certificatePem });
  }
}
