/**
 * The operator's signature as both sides accept it: a detached CMS SignedData over exactly the
 * signed bytes, one signer named by issuer and serial (or key identifier), its certificate in the
 * CMS (or delivered beside it, as NCALayer's outputCert), signed attributes contentType = id-data,
 * signingTime and messageDigest exactly once each and in DER, messageDigest the signer's digest of
 * the data, and the signature over the attributes valid — RSA, GOST 34.310-2004 or GOST 2015 alike,
 * through the signature suite. Whether the signer may sign is certificateRules' question, not this one's.
 */
import { err, ok, type Result } from '../result';
import { bytesEqual, SIZE_LIMIT } from './asn1';
import type { CertificateInfo } from './certificate';
import { identifiesCertificate, readSignedData, type SignerView } from './cms';
import { CMS_OID } from './oids';
import type { SignatureSuite } from './algorithms/signatureSuite';
import type { VerificationMemo } from './verificationMemo';

export type DetachedSignatureProblem =
  | { readonly kind: 'too-large' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'not-detached' }
  | { readonly kind: 'not-one-signer' }
  | { readonly kind: 'no-signer-certificate' }
  /** contentType, messageDigest or signingTime missing, repeated, multi-valued, or content not id-data. */
  | { readonly kind: 'attributes-invalid' }
  | { readonly kind: 'attributes-not-der' }
  /** The digest or signature algorithm (or the key's curve) is not one the suite knows. */
  | { readonly kind: 'unsupported-algorithm'; readonly oid: string }
  /** Known algorithms that do not fit together, e.g. a SHA-256 digest with a GOST 2015 key. */
  | { readonly kind: 'algorithm-mismatch' }
  | { readonly kind: 'digest-mismatch' }
  | { readonly kind: 'bad-signature' };

export interface VerifiedSignature {
  readonly signer: CertificateInfo;
  /** The other certificates that came with it (CA certificates NCALayer included): a chain may bridge through them. */
  readonly otherCertificates: readonly CertificateInfo[];
  readonly signingTime: Date;
  /** The signature value, which an RFC 3161 token's message imprint covers. */
  readonly signatureValue: Uint8Array;
  /** The RFC 3161 token of the signer's unsigned attributes, when NCALayer added one (tsaProfile). */
  readonly timestampTokenDer: Uint8Array | null;
}

export interface DetachedSignatureContext {
  readonly suite: SignatureSuite;
  readonly memo: VerificationMemo;
  /** Certificates delivered next to the CMS (the agent's outputCert), for a CMS that carries none. */
  readonly extraCertificatesDer?: readonly Uint8Array[];
}

type Candidates = { readonly signer: CertificateInfo | null; readonly others: CertificateInfo[]; readonly tooLarge: boolean };

/** The certificate the signer identifier names, the others, and whether one was refused unread for its size. */
function certificatesOf(signer: SignerView, candidatesDer: readonly Uint8Array[], memo: VerificationMemo): Candidates {
  let found: CertificateInfo | null = null;
  let tooLarge = false;
  const others: CertificateInfo[] = [];
  for (const der of candidatesDer) {
    const certificate = memo.readCertificate(der);
    if (!certificate.ok) tooLarge ||= certificate.error.kind === 'too-large';
    else if (found === null && identifiesCertificate(signer.sid, certificate.value)) found = certificate.value;
    else others.push(certificate.value);
  }
  return { signer: found, others, tooLarge };
}

/** Each attribute at most once with one value; the three the profile needs present. */
function attributesWellFormed(signer: SignerView): boolean {
  const attributes = signer.signedAttributes;
  if (attributes === null) return false;
  const types = new Set(attributes.all.map((attribute) => attribute.type));
  if (types.size !== attributes.all.length || attributes.all.some((attribute) => attribute.values.length !== 1)) return false;
  return attributes.contentType === CMS_OID.data && attributes.messageDigest !== null && attributes.signingTime !== null;
}

export function verifyDetachedSignature(cmsDer: Uint8Array, data: Uint8Array, context: DetachedSignatureContext): Result<VerifiedSignature, DetachedSignatureProblem> {
  const cms = readSignedData(cmsDer, SIZE_LIMIT.cms);
  if (!cms.ok) return err({ kind: cms.error.kind });
  if (cms.value.eContent !== null) return err({ kind: 'not-detached' });
  if (cms.value.eContentType !== CMS_OID.data) return err({ kind: 'attributes-invalid' });
  const [signer, ...others] = cms.value.signers;
  if (signer === undefined || others.length > 0) return err({ kind: 'not-one-signer' });
  const candidates = certificatesOf(signer, [...cms.value.certificatesDer, ...(context.extraCertificatesDer ?? [])], context.memo);
  const certificate = candidates.signer;
  if (certificate === null) return err({ kind: candidates.tooLarge ? 'too-large' : 'no-signer-certificate' });
  if (!attributesWellFormed(signer)) return err({ kind: 'attributes-invalid' });
  const attributes = signer.signedAttributes as NonNullable<SignerView['signedAttributes']>;
  if (!attributes.isDer) return err({ kind: 'attributes-not-der' });

  // Algorithms first, so a wrong digest algorithm for the key is named as such rather than as a mismatch of values.
  const verdict = context.suite.verify({
    signatureAlgorithm: signer.signatureAlgorithm,
    digestAlgorithm: signer.digestAlgorithm,
    publicKey: certificate.publicKey,
    data: attributes.signedBytes,
    signature: signer.signature,
  });
  if (verdict.kind === 'unsupported-algorithm') return err({ kind: 'unsupported-algorithm', oid: verdict.oid });
  if (verdict.kind === 'algorithm-mismatch') return err({ kind: 'algorithm-mismatch' });
  const digest = context.suite.digest(signer.digestAlgorithm.oid, data);
  if (digest === null) return err({ kind: 'unsupported-algorithm', oid: signer.digestAlgorithm.oid });
  if (!bytesEqual(digest, attributes.messageDigest as Uint8Array)) return err({ kind: 'digest-mismatch' });
  if (verdict.kind !== 'valid') return err({ kind: 'bad-signature' });

  const tokens = signer.unsignedAttributes.filter((attribute) => attribute.type === CMS_OID.timeStampToken).flatMap((attribute) => attribute.values);
  return ok({
    signer: certificate,
    otherCertificates: candidates.others,
    signingTime: attributes.signingTime as Date,
    signatureValue: signer.signature,
    timestampTokenDer: tokens.length === 1 ? (tokens[0] as Uint8Array) : null,
  });
}
