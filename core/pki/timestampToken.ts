/**
 * RFC 3161 timestamp tokens, as NCALayer adds them to a signature when asked (tsaProfile): a CMS
 * SignedData by a timestamping authority over a TSTInfo saying "this digest existed at genTime".
 * A token proves when the operator signed: a certificate revoked after that time still validates
 * the signature. Verified here: the token's own CMS (messageDigest of the TSTInfo and the TSA's
 * signature over its attributes, through the signature suite), that the imprint is the digest of
 * the stamped signature value, that the TSA certificate is for timestamping, and its chain at genTime.
 */
import { TSTInfo } from '@peculiar/asn1-tsp';
import { err, ok, type Result } from '../result';
import { bytesEqual, bytesOf, parseAsn, SIZE_LIMIT } from './asn1';
import { readCertificate, type CertificateInfo } from './certificate';
import { verifyChain, type ChainProblem, type VerifiedChain } from './chain';
import { identifiesCertificate, readSignedData, type SignerView } from './cms';
import { CMS_OID, KEY_PURPOSE_OID } from './oids';
import type { SignatureSuite } from './algorithms/signatureSuite';
import type { VerificationMemo } from './verificationMemo';

export type TimestampProblem =
  | { readonly kind: 'malformed' }
  | { readonly kind: 'unsupported-algorithm'; readonly oid: string }
  | { readonly kind: 'bad-signature' }
  /** The token stamps some other signature. */
  | { readonly kind: 'imprint-mismatch' }
  | { readonly kind: 'not-a-timestamping-certificate' }
  | ChainProblem;

export interface VerifiedTimestamp {
  readonly genTime: Date;
  readonly tsa: CertificateInfo;
  readonly chain: VerifiedChain;
}

export interface TimestampContext {
  readonly suite: SignatureSuite;
  readonly memo: VerificationMemo;
  readonly trusted: readonly CertificateInfo[];
}

/** The token's CMS and TSTInfo checked, without the TSA's chain: the part a fixed test vector can show. */
export function verifyTimestampSignature(
  tokenDer: Uint8Array,
  context: Pick<TimestampContext, 'suite'>,
): Result<{ readonly tstInfo: TSTInfo; readonly tsa: CertificateInfo }, TimestampProblem> {
  const cms = readSignedData(tokenDer, SIZE_LIMIT.timestampToken);
  if (!cms.ok) return err({ kind: 'malformed' });
  const [signer, ...others] = cms.value.signers;
  const content = cms.value.eContent;
  if (cms.value.eContentType !== CMS_OID.tstInfo || content === null || signer === undefined || others.length > 0) return err({ kind: 'malformed' });
  const attributes = signer.signedAttributes;
  if (attributes === null || attributes.contentType !== CMS_OID.tstInfo || attributes.messageDigest === null) return err({ kind: 'malformed' });
  const tsa = tsaCertificate(signer, cms.value.certificatesDer);
  if (tsa === null) return err({ kind: 'malformed' });
  const digest = context.suite.digest(signer.digestAlgorithm.oid, content);
  if (digest === null) return err({ kind: 'unsupported-algorithm', oid: signer.digestAlgorithm.oid });
  if (!bytesEqual(digest, attributes.messageDigest)) return err({ kind: 'bad-signature' });
  const verdict = context.suite.verify({ signatureAlgorithm: signer.signatureAlgorithm, digestAlgorithm: signer.digestAlgorithm, publicKey: tsa.publicKey, data: attributes.signedBytes, signature: signer.signature });
  if (verdict.kind === 'unsupported-algorithm') return err({ kind: 'unsupported-algorithm', oid: verdict.oid });
  if (verdict.kind !== 'valid') return err({ kind: 'bad-signature' });
  const tstInfo = parseAsn(content, TSTInfo, 'TSTInfo', SIZE_LIMIT.timestampToken);
  if (!tstInfo.ok) return err({ kind: 'malformed' });
  return ok({ tstInfo: tstInfo.value, tsa });
}

function tsaCertificate(signer: SignerView, certificatesDer: readonly Uint8Array[]): CertificateInfo | null {
  for (const der of certificatesDer) {
    const certificate = readCertificate(der);
    if (certificate.ok && identifiesCertificate(signer.sid, certificate.value)) return certificate.value;
  }
  return null;
}

/** Verifies `tokenDer` as a timestamp of `stampedSignature` by a trusted TSA. */
export function verifyTimestampToken(tokenDer: Uint8Array, stampedSignature: Uint8Array, context: TimestampContext): Result<VerifiedTimestamp, TimestampProblem> {
  const signed = verifyTimestampSignature(tokenDer, context);
  if (!signed.ok) return signed;
  const { tstInfo, tsa } = signed.value;
  const imprint = context.suite.digest(tstInfo.messageImprint.hashAlgorithm.algorithm, stampedSignature);
  if (imprint === null) return err({ kind: 'unsupported-algorithm', oid: tstInfo.messageImprint.hashAlgorithm.algorithm });
  if (!bytesEqual(imprint, bytesOf(tstInfo.messageImprint.hashedMessage.buffer))) return err({ kind: 'imprint-mismatch' });
  // RFC 3161 §2.3: the TSA's certificate has exactly one extended key usage, id-kp-timeStamping.
  if (tsa.extendedKeyUsage === null || !tsa.extendedKeyUsage.includes(KEY_PURPOSE_OID.timeStamping)) return err({ kind: 'not-a-timestamping-certificate' });
  const genTime = tstInfo.genTime;
  if (genTime.getTime() < tsa.notBefore.getTime() || genTime.getTime() > tsa.notAfter.getTime()) return err({ kind: 'issuer-not-valid' });
  const chain = verifyChain(tsa, { trusted: context.trusted, suite: context.suite, memo: context.memo, at: genTime });
  if (!chain.ok) return chain;
  return ok({ genTime, tsa, chain: chain.value });
}
