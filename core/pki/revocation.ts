/**
 * Whether a certificate is revoked, from the CRLs of its issuer (RFC 5280 §5, §6.3 in its simple
 * form): a CRL counts only when its issuer Name is the issuing CA's, the CA's key signed it (through
 * the signature suite, memoised) and it is still current. Several current CRLs of one CA: the newest
 * (latest thisUpdate) decides.
 */
import { bytesEqual } from './asn1';
import type { CertificateInfo } from './certificate';
import type { CrlInfo } from './crl';
import type { SignatureSuite } from './algorithms/signatureSuite';
import type { VerificationMemo } from './verificationMemo';

export type RevocationVerdict =
  | { readonly kind: 'good' }
  | { readonly kind: 'revoked'; readonly since: Date }
  /** No CRL of the issuer that verifies and is current at `now`: nothing can be said. */
  | { readonly kind: 'unknown' };

export interface RevocationContext {
  readonly crls: readonly CrlInfo[];
  readonly suite: SignatureSuite;
  readonly memo: VerificationMemo;
  /** For freshness: a CRL past its nextUpdate vouches for nothing. */
  readonly now: Date;
}

/** Whether `issuer` signed `crl` (memoised on success). */
export function crlSignedBy(crl: CrlInfo, issuer: CertificateInfo, context: Pick<RevocationContext, 'suite' | 'memo'>): boolean {
  if (!bytesEqual(crl.issuerDer, issuer.subjectDer)) return false;
  if (issuer.keyUsage !== null && !issuer.keyUsage.cRLSign) return false;
  if (context.memo.has(issuer.publicKey.keyBytes, crl.signature, crl.tbsDer)) return true;
  const verdict = context.suite.verify({ signatureAlgorithm: crl.signatureAlgorithm, publicKey: issuer.publicKey, data: crl.tbsDer, signature: crl.signature });
  if (verdict.kind !== 'valid') return false;
  context.memo.remember(issuer.publicKey.keyBytes, crl.signature, crl.tbsDer);
  return true;
}

export const crlIsCurrent = (crl: CrlInfo, now: Date): boolean => crl.nextUpdate === null || crl.nextUpdate.getTime() >= now.getTime();

export function revocationOf(certificate: CertificateInfo, issuer: CertificateInfo, context: RevocationContext): RevocationVerdict {
  const usable = context.crls
    .filter((crl) => crlIsCurrent(crl, context.now) && crlSignedBy(crl, issuer, context))
    .sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime());
  const newest = usable[0];
  if (newest === undefined) return { kind: 'unknown' };
  const since = newest.revoked.get(certificate.serialHex);
  return since === undefined ? { kind: 'good' } : { kind: 'revoked', since };
}
