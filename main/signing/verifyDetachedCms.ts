// Checks a detached CMS SignedData (RFC 5652) against the bytes it claims to sign, without trusting
// whoever produced it: the signing agent, or forge (which cannot verify its own output). It says
// nothing about whether the signer's certificate may sign; certificateDescription does that.
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { err, ok, type Result } from '../../core/result';
import { readCertificate, type CertificateFields } from './certificateDescription';
import { normaliseSerialHex } from './der';
import { DerElement, oidOf, TAG } from './derReader';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  /** НУЦ РК GOST 34.310-2004 and GOST R 34.10-2015 public keys (kz-domain.md §3.3). */
  kzGostPrefix: '1.2.398.3.10.',
} as const;

export type DetachedCmsProblem =
  | 'malformed'
  | 'not-detached'
  | 'not-one-signer'
  | 'no-signer-certificate'
  | 'unsupported-algorithm'
  | 'attributes-not-der'
  | 'digest-mismatch'
  | 'bad-signature';

export type VerifiedCms = {
  readonly certificateDer: Uint8Array;
  /** false for GOST keys: Node cannot verify them, only the messageDigest was checked. */
  readonly signatureChecked: boolean;
};

type SignerInfo = {
  issuerDer: Uint8Array | null;
  serialHex: string | null;
  digestAlgorithm: string;
  signedAttributes: DerElement;
  signature: Uint8Array;
};

type Parsed = { certificates: Uint8Array[]; detached: boolean; contentType: string; signers: SignerInfo[] };

function parseSignerInfo(element: DerElement): SignerInfo {
  const [, sid, digestAlgorithm, signedAttributes, ...rest] = element.children();
  if (sid === undefined || digestAlgorithm === undefined || signedAttributes?.tag !== TAG.context0) {
    throw new Error('CMS: signer info without signed attributes');
  }
  const signature = rest.find((part) => part.tag === TAG.octetString);
  if (signature === undefined) throw new Error('CMS: signer info without signature');
  const byIssuer = sid.tag === TAG.sequence;
  return {
    issuerDer: byIssuer ? sid.child(0, TAG.sequence).encoded : null,
    serialHex: byIssuer ? Buffer.from(sid.child(1, TAG.integer).content).toString('hex') : null,
    digestAlgorithm: oidOf(digestAlgorithm.child(0, TAG.oid)),
    signedAttributes,
    signature: signature.content,
  };
}

function parse(cmsDer: Uint8Array): Parsed {
  const contentInfo = DerElement.parse(cmsDer);
  if (oidOf(contentInfo.child(0, TAG.oid)) !== OID.signedData) throw new Error('CMS: not SignedData');
  const signedData = contentInfo.child(1, TAG.context0).child(0, TAG.sequence);
  const parts = signedData.children();
  const encapsulated = signedData.child(2, TAG.sequence);
  const signerInfos = parts[parts.length - 1];
  if (signerInfos?.tag !== TAG.set) throw new Error('CMS: no signer infos');
  const certificates = parts
    .filter((part) => part.tag === TAG.context0)
    .flatMap((set) => set.children())
    .filter((entry) => entry.tag === TAG.sequence) // other choices (attribute certificates) are not signers
    .map((entry) => entry.encoded);
  return {
    certificates,
    detached: encapsulated.children().length === 1,
    contentType: oidOf(encapsulated.child(0, TAG.oid)),
    signers: signerInfos.children().map(parseSignerInfo),
  };
}

type Candidate = { der: Uint8Array; fields: CertificateFields };

function readable(der: Uint8Array): Candidate | null {
  try {
    return { der, fields: readCertificate(der) };
  } catch {
    return null;
  }
}

/**
 * By issuerAndSerialNumber; the issuer Name is compared byte for byte but a lone certificate with the
 * right serial is accepted too, because some producers re-encode the Name (forge does, see
 * forgeDetachedCms). A subjectKeyIdentifier signer is matched only when there is a single certificate.
 */
function signerCertificate(signer: SignerInfo, candidates: readonly Uint8Array[]): Candidate | undefined {
  const certificates = candidates.map(readable).filter((entry) => entry !== null);
  if (signer.serialHex === null) return certificates.length === 1 ? certificates[0] : undefined;
  const serial = normaliseSerialHex(signer.serialHex);
  const sameSerial = certificates.filter((entry) => normaliseSerialHex(entry.fields.serialHex) === serial);
  const exact = sameSerial.find((entry) => signer.issuerDer !== null && Buffer.from(entry.fields.issuerDer).equals(signer.issuerDer));
  return exact ?? (certificates.length === 1 ? sameSerial[0] : undefined);
}

/** Attributes in DER SET OF order (ascending encodings): what OpenSSL and the backend re-encode and check. */
function inDerOrder(attributes: readonly DerElement[]): boolean {
  return attributes.every((attribute, i) => {
    const previous = attributes[i - 1];
    return previous === undefined || Buffer.compare(previous.encoded, attribute.encoded) < 0;
  });
}

/** The single value of a signed attribute; null when absent, repeated or multi-valued. */
function singleValue(attributes: readonly DerElement[], type: string): DerElement | null {
  const matches = attributes.filter((attribute) => oidOf(attribute.child(0, TAG.oid)) === type);
  const values = matches.length === 1 ? matches[0]?.child(1, TAG.set).children() : undefined;
  return values?.length === 1 ? (values[0] ?? null) : null;
}

/** contentType must name the encapsulated type and messageDigest must be SHA-256 of `data`. Throws on bad ASN.1. */
function attributesProblem(signedAttributes: DerElement, eContentType: string, data: Uint8Array): DetachedCmsProblem | null {
  const attributes = signedAttributes.children();
  if (signedAttributes.indefinite || !inDerOrder(attributes)) return 'attributes-not-der';
  const contentType = singleValue(attributes, OID.contentType);
  const digest = singleValue(attributes, OID.messageDigest);
  if (contentType === null || oidOf(contentType) !== eContentType || digest?.tag !== TAG.octetString) return 'malformed';
  return createHash('sha256').update(data).digest().equals(digest.content) ? null : 'digest-mismatch';
}

function signatureVerifies(fields: CertificateFields, signedBytes: Uint8Array, signature: Uint8Array): boolean | 'unsupported' {
  const key = () => createPublicKey({ key: Buffer.from(fields.subjectPublicKeyInfoDer), format: 'der', type: 'spki' });
  switch (fields.publicKeyAlgorithmOid) {
    case OID.rsaEncryption:
      return verifySignature('sha256', signedBytes, key(), signature);
    case OID.ecPublicKey:
      return verifySignature('sha256', signedBytes, { key: key(), dsaEncoding: 'der' }, signature);
    default:
      return 'unsupported';
  }
}

export function verifyDetachedCms(
  cmsDer: Uint8Array,
  data: Uint8Array,
  /** Certificates delivered next to the CMS (the agent's outputCert), for a CMS that carries none. */
  extraCertificatesDer: readonly Uint8Array[] = [],
): Result<VerifiedCms, DetachedCmsProblem> {
  let parsed: Parsed;
  try {
    parsed = parse(cmsDer);
  } catch {
    return err('malformed');
  }
  if (!parsed.detached) return err('not-detached');
  const [signer, ...others] = parsed.signers;
  if (signer === undefined || others.length > 0) return err('not-one-signer');
  if (signer.digestAlgorithm !== OID.sha256) return err('unsupported-algorithm');
  const certificate = signerCertificate(signer, [...parsed.certificates, ...extraCertificatesDer]);
  if (certificate === undefined) return err('no-signer-certificate');

  let problem: DetachedCmsProblem | null;
  try {
    problem = attributesProblem(signer.signedAttributes, parsed.contentType, data);
  } catch {
    return err('malformed');
  }
  if (problem !== null) return err(problem);

  // What was signed is the DER of the attributes with the SET OF tag, not their [0] IMPLICIT form.
  const signedBytes = Buffer.from(signer.signedAttributes.encoded);
  signedBytes[0] = TAG.set;
  if (certificate.fields.publicKeyAlgorithmOid.startsWith(OID.kzGostPrefix)) {
    // Node and stock OpenSSL cannot load KZ GOST keys (kz-domain.md §3.3). The digest check above shows
    // the CMS is about these bytes, not that the key holder signed them: the backend verifies the
    // signature itself (NCANode/Kalkan) before it accepts the application.
    return ok({ certificateDer: certificate.der, signatureChecked: false });
  }
  let verdict: boolean | 'unsupported';
  try {
    verdict = signatureVerifies(certificate.fields, signedBytes, signer.signature);
  } catch {
    return err('bad-signature'); // a key OpenSSL refuses to load cannot vouch for anything
  }
  if (verdict === 'unsupported') return err('unsupported-algorithm');
  return verdict ? ok({ certificateDer: certificate.der, signatureChecked: true }) : err('bad-signature');
}
