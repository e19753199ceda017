// Signer results as the contract shows them: dates as ISO strings (the contract crosses JSON), no
// certificate bytes, no secrets.
import type { CertificateCardView, CertificateProblemView, SigningProblem } from '../../core/contract/signing';
import type { CertificateProblem } from '../../core/signing/certificateRules';
import type { CertificateCard, SignerError } from '../ports/Signer';

export function cardView(card: CertificateCard): CertificateCardView {
  return {
    owner: card.owner,
    issuerCommonName: card.issuerCommonName,
    serialHex: card.serialHex,
    notBefore: card.notBefore.toISOString(),
    notAfter: card.notAfter.toISOString(),
    isSigningKey: card.isSigningKey,
    algorithm: card.algorithm,
    chain: card.chain.map((link) => ({ commonName: link.commonName, notAfter: link.notAfter.toISOString(), isRoot: link.isRoot })),
  };
}

export function problemView(problem: CertificateProblem): CertificateProblemView {
  switch (problem.kind) {
    case 'not-yet-valid':
      return { kind: 'not-yet-valid', notBefore: problem.notBefore.toISOString() };
    case 'expired':
      return { kind: 'expired', notAfter: problem.notAfter.toISOString() };
    case 'unsupported-algorithm':
      return { kind: 'unsupported-algorithm', algorithm: problem.oid };
    case 'untrusted-issuer':
    case 'issuer-not-valid':
    case 'chain-loop':
    case 'revoked':
    case 'revocation-unknown':
    case 'not-a-signing-key':
    case 'iin-mismatch':
      return problem;
  }
}

export function signerProblemView(error: SignerError): SigningProblem {
  switch (error.kind) {
    case 'wrong-password':
    case 'not-a-key-file':
    case 'no-private-key':
      return { kind: error.kind };
    case 'untrusted-issuer':
    case 'unsupported-algorithm':
    case 'issuer-not-valid':
    case 'chain-loop':
    case 'not-yet-valid':
    case 'expired':
    case 'revoked':
    case 'revocation-unknown':
    case 'not-a-signing-key':
    case 'iin-mismatch':
      return problemView(error);
  }
}
