// A certificate judged under the signing policy (docs/ARCHITECTURE.md, "Signing"): its verified chain
// to a trusted НУЦ РК CA, its revocation status from that CA's current CRL, and the plain description
// the pure rules of core/signing/certificateRules judge. Shared by the key-file signer and NCALayer,
// so a .p12 and a GOST key behind the agent are held to exactly the same checks.
import { err, ok, type Result } from '../../core/result';
import { bytesEqual } from '../../core/pki/asn1';
import { readCertificate, type CertificateInfo } from '../../core/pki/certificate';
import { verifyChain, type VerifiedChain } from '../../core/pki/chain';
import { revocationOf } from '../../core/pki/revocation';
import { certificateOwner, checkSigningCertificate, isSigningKey, type CertificateDescription, type CertificateProblem } from '../../core/signing/certificateRules';
import type { CertificateCard, SignPolicy } from '../ports/Signer';

export interface CertificateAssessment {
  readonly certificate: CertificateInfo;
  readonly description: CertificateDescription;
  readonly card: CertificateCard;
}

function cardOf(certificate: CertificateInfo, chain: VerifiedChain | null, policy: SignPolicy): CertificateCard {
  return {
    owner: certificateOwner(certificate.subject),
    issuerCommonName: certificate.issuerCommonName,
    serialHex: certificate.serialHex,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    isSigningKey: isSigningKey(certificate.keyUsage ?? { digitalSignature: false, nonRepudiation: false }),
    algorithm: policy.pki.suite.keyLabel(certificate.publicKey),
    chain: (chain ?? []).slice(1).map((ca, i, all) => ({
      commonName: ca.subject.commonName,
      notAfter: ca.notAfter,
      isRoot: i === all.length - 1 && bytesEqual(ca.issuerDer, ca.subjectDer),
    })),
  };
}

/** `intermediates`: CA certificates that came with a signature, usable to bridge to a trusted CA. */
export function assessCertificate(certificate: CertificateInfo, policy: SignPolicy, intermediates: readonly CertificateInfo[] = []): CertificateAssessment {
  const { pki } = policy;
  const chain = verifyChain(certificate, { trusted: pki.trusted, intermediates, suite: pki.suite, memo: pki.memo, at: policy.now });
  const issuer = chain.ok ? chain.value[1] : undefined;
  let revoked: boolean | 'unknown' = 'unknown';
  if (issuer !== undefined && policy.crls !== null) {
    const verdict = revocationOf(certificate, issuer, { crls: policy.crls, suite: pki.suite, memo: pki.memo, now: policy.now });
    revoked = verdict.kind === 'unknown' ? 'unknown' : verdict.kind === 'revoked';
  }
  return {
    certificate,
    description: {
      subject: certificate.subject,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      keyUsage: certificate.keyUsage ?? { digitalSignature: false, nonRepudiation: false },
      trust: chain.ok ? { kind: 'trusted' } : chain.error,
      revoked,
    },
    card: cardOf(certificate, chain.ok ? chain.value : null, policy),
  };
}

export type Judgement = { readonly assessment: CertificateAssessment; readonly problem: CertificateProblem | null };

/** Judges a certificate under the policy; `null` problem when it may sign today. */
export function judge(certificate: CertificateInfo, policy: SignPolicy, intermediates: readonly CertificateInfo[] = []): Judgement {
  const assessment = assessCertificate(certificate, policy, intermediates);
  const verdict = checkSigningCertificate(assessment.description, policy);
  return { assessment, problem: verdict.ok ? null : verdict.error };
}

/** Reads and judges a certificate; `null` problem when it may sign today. */
export function judgeCertificate(certificateDer: Uint8Array, policy: SignPolicy): Result<Judgement, { readonly kind: 'malformed-certificate' }> {
  const certificate = readCertificate(certificateDer);
  if (!certificate.ok) return err({ kind: 'malformed-certificate' });
  const assessment = assessCertificate(certificate.value, policy);
  const verdict = checkSigningCertificate(assessment.description, policy);
  return ok({ assessment, problem: verdict.ok ? null : verdict.error });
}
