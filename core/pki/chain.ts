/**
 * Certification paths (RFC 5280 §6, the parts a counter needs): from a certificate up through the
 * trusted CA certificates to a root, each link's signature verified by the issuer's key through the
 * signature suite, each issuer a CA valid at the time in question. Trusted certificates are НУЦ РК's
 * roots and intermediates (or the demo CA); reaching any of them makes the path trusted, and the walk
 * goes on to the root where the store has it, so the card can show the whole chain.
 */
import { err, ok, type Result } from '../result';
import { bytesEqual } from './asn1';
import type { CertificateInfo } from './certificate';
import type { SignatureSuite } from './algorithms/signatureSuite';
import type { VerificationMemo } from './verificationMemo';

export type ChainProblem =
  /** No path to a trusted certificate: unknown issuer, or its signature does not verify. */
  | { readonly kind: 'untrusted-issuer' }
  /** A link is signed with an algorithm (or a key on a curve) the workstation does not know. */
  | { readonly kind: 'unsupported-algorithm'; readonly oid: string }
  /** The issuing CA exists and signed it, but was not valid (expired, not yet valid) at the time. */
  | { readonly kind: 'issuer-not-valid' }
  /** The issuers lead back to a certificate already on the path. */
  | { readonly kind: 'chain-loop' };

/** Leaf first, the last trusted certificate reached (a root where the store has it) last. */
export type VerifiedChain = readonly CertificateInfo[];

/** A path longer than this is not a НУЦ РК hierarchy (root → CA → leaf). */
const MAX_PATH_LENGTH = 6;

export interface ChainContext {
  readonly trusted: readonly CertificateInfo[];
  /**
   * Certificates that came with the signature (the CMS's, NCALayer's): usable to bridge to a trusted
   * certificate, never trusted themselves.
   */
  readonly intermediates?: readonly CertificateInfo[];
  readonly suite: SignatureSuite;
  readonly memo: VerificationMemo;
  /** The time the path must be valid at: now, or a timestamp's time. */
  readonly at: Date;
}

const isSelfIssued = (certificate: CertificateInfo): boolean => bytesEqual(certificate.issuerDer, certificate.subjectDer);
const validAt = (certificate: CertificateInfo, at: Date): boolean =>
  certificate.notBefore.getTime() <= at.getTime() && at.getTime() <= certificate.notAfter.getTime();
const sameCertificate = (a: CertificateInfo, b: CertificateInfo): boolean => bytesEqual(a.der, b.der);

/** Whether `issuer`'s key made `child`'s signature; memoised on success. */
export function signedBy(child: CertificateInfo, issuer: CertificateInfo, context: Pick<ChainContext, 'suite' | 'memo'>): 'valid' | 'invalid' | { readonly unsupported: string } {
  if (context.memo.has(issuer.publicKey.keyBytes, child.signature, child.tbsDer)) return 'valid';
  const verdict = context.suite.verify({ signatureAlgorithm: child.signatureAlgorithm, publicKey: issuer.publicKey, data: child.tbsDer, signature: child.signature });
  if (verdict.kind === 'valid') {
    context.memo.remember(issuer.publicKey.keyBytes, child.signature, child.tbsDer);
    return 'valid';
  }
  return verdict.kind === 'unsupported-algorithm' ? { unsupported: verdict.oid } : 'invalid';
}

/** Issuer candidates by Name, those whose subject key identifier matches the authority key identifier first. */
function issuersOf(certificate: CertificateInfo, trusted: readonly CertificateInfo[]): CertificateInfo[] {
  const byName = trusted.filter((candidate) => bytesEqual(candidate.subjectDer, certificate.issuerDer));
  const aki = certificate.authorityKeyIdentifier;
  if (aki === null) return byName;
  const matches = (candidate: CertificateInfo) => candidate.subjectKeyIdentifier !== null && bytesEqual(candidate.subjectKeyIdentifier, aki);
  return [...byName.filter(matches), ...byName.filter((candidate) => !matches(candidate))];
}

/** May `issuer` issue certificates at `at`: a CA (basicConstraints), keyCertSign where keyUsage is present, in date. */
const canIssue = (issuer: CertificateInfo): boolean => issuer.isCa && (issuer.keyUsage === null || issuer.keyUsage.keyCertSign);

/**
 * The verified path from `leaf` to a trusted certificate, or the reason there is none. The first
 * problem met on the most promising path is reported; an unsupported algorithm wins over
 * "untrusted", because it is the fact the operator can act on.
 */
export function verifyChain(leaf: CertificateInfo, context: ChainContext): Result<VerifiedChain, ChainProblem> {
  const path: CertificateInfo[] = [leaf];
  let problem: ChainProblem = { kind: 'untrusted-issuer' };
  let current = leaf;
  const isTrusted = (certificate: CertificateInfo) => context.trusted.some((candidate) => sameCertificate(candidate, certificate));
  const candidates = [...context.trusted, ...(context.intermediates ?? []).filter((certificate) => !isTrusted(certificate))];
  let trustedReached = isTrusted(leaf) && leaf.isCa;
  for (let depth = 0; depth < MAX_PATH_LENGTH; depth += 1) {
    if (isSelfIssued(current)) break; // a root: nothing above it
    let next: CertificateInfo | null = null;
    for (const issuer of issuersOf(current, candidates)) {
      if (path.some((onPath) => sameCertificate(onPath, issuer))) {
        problem = { kind: 'chain-loop' };
        continue;
      }
      const verdict = signedBy(current, issuer, context);
      if (typeof verdict === 'object') {
        problem = { kind: 'unsupported-algorithm', oid: verdict.unsupported };
        continue;
      }
      if (verdict === 'invalid') continue;
      if (!canIssue(issuer)) continue;
      if (!validAt(issuer, context.at)) {
        if (problem.kind === 'untrusted-issuer') problem = { kind: 'issuer-not-valid' };
        continue;
      }
      next = issuer;
      break;
    }
    if (next === null) break;
    path.push(next);
    trustedReached ||= isTrusted(next);
    current = next;
  }
  if (!trustedReached) return err(problem);
  // Above the last trusted certificate only the bridge's untrusted part would remain: the path ends at it.
  while (path.length > 1 && !isTrusted(path[path.length - 1] as CertificateInfo)) path.pop();
  // A root's own signature is checked too: a damaged or forged root file vouches for nothing.
  const top = path[path.length - 1] as CertificateInfo;
  if (isSelfIssued(top) && path.length > 1 && signedBy(top, top, context) !== 'valid') return err({ kind: 'untrusted-issuer' });
  return ok(path);
}
