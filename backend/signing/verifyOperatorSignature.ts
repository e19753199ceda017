/**
 * The backend's half of the signing contract (docs/ARCHITECTURE.md, "Signing"): the operator's EDS
 * must cover exactly the body received (core/signing/signedPayload.ts), verify — RSA, GOST 34.310-2004
 * or GOST 2015, through core/pki's signature suite — come from a signing key a trusted CA issued,
 * valid and not revoked, and belong to the signed-in operator the body names. An RFC 3161 timestamp
 * token in the CMS (NCALayer's tsaProfile) proves when it was signed: the certificate is then judged
 * at that time, so a revocation after it does not void the signature; without a token it is judged
 * at the signing time it claims and now. Pure of HTTP; every refusal is a 422 whose message names the
 * failed check only, never identifiers, names or certificate contents.
 */
import { PROBLEM_CODES, type ApplicationSubmission } from '../../core/backendApi/wire';
import type { CertificateInfo } from '../../core/pki/certificate';
import { verifyChain } from '../../core/pki/chain';
import { verifyDetachedSignature, type DetachedSignatureProblem } from '../../core/pki/detachedSignature';
import { revocationOf } from '../../core/pki/revocation';
import { verifyTimestampToken } from '../../core/pki/timestampToken';
import { err, ok, type Result } from '../../core/result';
import { checkSigningCertificate, type CertificateProblem } from '../../core/signing/certificateRules';
import { signedBytesOf } from '../../core/signing/signedPayload';
import { refusal, type ProblemCode, type Refusal } from '../http/problem';
import type { BackendTrust } from '../pki/backendTrust';

export type TrustStore = Pick<BackendTrust, 'suite' | 'memo' | 'trusted' | 'crls'>;

export interface SignatureCheckContext {
  readonly trust: TrustStore;
  /** The service's regulation requires the operator's EDS (catalog `operatorEdsRequired`). */
  readonly signatureRequired: boolean;
  /** Who the bearer session belongs to. */
  readonly sessionOperator: { readonly operatorId: string; readonly iin: string };
  /** The request's Idempotency-Key header, parsed. */
  readonly idempotencyKey: string;
  readonly now: Date;
}

const refuse = (code: ProblemCode, message: string) => err(refusal(422, code, message));

/**
 * `body` is the request body as parsed from JSON (what was signed); `submission` the same body
 * after the wire schema. ok(null) when the body may be registered as far as signing is concerned.
 */
export function verifyOperatorSignature(body: unknown, submission: ApplicationSubmission, context: SignatureCheckContext): Result<null, Refusal> {
  if (submission.operatorSignature === null) {
    if (context.signatureRequired) return refuse(PROBLEM_CODES.signatureRequired, "the service's regulation requires the operator's signature");
    return checkIdempotencyKey(submission, context.idempotencyKey, false);
  }
  const signature = verifySignatureOverBody(body, submission.operatorSignature.cms, context);
  if (!signature.ok) return signature;
  const certificate = checkCertificate(signature.value, context);
  if (!certificate.ok) return certificate;
  const { operator } = submission;
  if (operator === undefined) return refuse(PROBLEM_CODES.signerNotOperator, 'a signed body must name its operator');
  if (operator.iin !== context.sessionOperator.iin || operator.operatorId !== context.sessionOperator.operatorId) {
    return refuse(PROBLEM_CODES.signerNotOperator, 'the operator the body names is not the signed-in operator');
  }
  return checkIdempotencyKey(submission, context.idempotencyKey, true);
}

type Signed = { readonly signer: CertificateInfo; readonly signingTime: Date; /** The timestamp's genTime, when a valid token proves it. */ readonly provenTime: Date | null };

const CMS_REFUSAL: Readonly<Record<DetachedSignatureProblem['kind'], string>> = {
  'too-large': 'the CMS is larger than any operator signature',
  malformed: 'the CMS does not parse',
  'not-detached': 'the CMS carries content: it must be detached',
  'not-one-signer': 'the CMS must have exactly one signer',
  'no-signer-certificate': 'the signer certificate is not in the CMS',
  'attributes-invalid': 'contentType (id-data), signingTime and messageDigest must each be signed exactly once',
  'attributes-not-der': 'the signed attributes are not DER',
  'unsupported-algorithm': 'the signature algorithm is not supported',
  'algorithm-mismatch': "the digest or signature algorithm does not fit the signer's key",
  'digest-mismatch': "the signature's messageDigest does not match the body as received",
  'bad-signature': 'the signature does not verify with the signer certificate',
};

/** The CMS verifies over the body's signed bytes; its timestamp token, if any, verifies too. */
function verifySignatureOverBody(body: unknown, cmsBase64: string, context: SignatureCheckContext): Result<Signed, Refusal> {
  const { trust } = context;
  const signedBytes = signedBytesOf(body);
  if (!signedBytes.ok) return refuse(PROBLEM_CODES.signatureInvalid, 'the body has no canonical JSON form');
  const cms = verifyDetachedSignature(Buffer.from(cmsBase64, 'base64'), signedBytes.value, { suite: trust.suite, memo: trust.memo });
  if (!cms.ok) {
    const code = cms.error.kind === 'unsupported-algorithm' ? PROBLEM_CODES.unsupportedAlgorithm : PROBLEM_CODES.signatureInvalid;
    return refuse(code, CMS_REFUSAL[cms.error.kind]);
  }
  const { signer, signingTime, timestampTokenDer, signatureValue } = cms.value;
  if (timestampTokenDer === null) return ok({ signer, signingTime, provenTime: null });
  const stamp = verifyTimestampToken(timestampTokenDer, signatureValue, { suite: trust.suite, memo: trust.memo, trusted: trust.trusted });
  if (!stamp.ok) return refuse(PROBLEM_CODES.signatureInvalid, `the signature's timestamp token does not verify (${stamp.error.kind})`);
  return ok({ signer, signingTime, provenTime: stamp.value.genTime });
}

/**
 * The core rules (certificateRules.ts) at each time that matters: the timestamp's time when one
 * proves it, else the signing time the CMS states and now. Revocation comes from the issuing CA's
 * current CRL; with a proven time only a revocation on or before it counts.
 */
function checkCertificate(signed: Signed, context: SignatureCheckContext): Result<null, Refusal> {
  const { trust } = context;
  const { signer, provenTime } = signed;
  const times: readonly (readonly [Date, string])[] = provenTime !== null ? [[provenTime, 'when it was timestamped']] : [[signed.signingTime, 'when it signed'], [context.now, 'now']];
  for (const [at, when] of times) {
    const chain = verifyChain(signer, { trusted: trust.trusted, suite: trust.suite, memo: trust.memo, at });
    let revoked: boolean | 'unknown' = 'unknown';
    const issuer = chain.ok ? chain.value[1] : undefined;
    if (issuer !== undefined) {
      const verdict = revocationOf(signer, issuer, { crls: trust.crls(context.now), suite: trust.suite, memo: trust.memo, now: context.now });
      revoked = verdict.kind === 'unknown' ? 'unknown' : verdict.kind === 'good' ? false : provenTime === null || verdict.since.getTime() <= provenTime.getTime();
    }
    const verdict = checkSigningCertificate(
      {
        subject: signer.subject,
        notBefore: signer.notBefore,
        notAfter: signer.notAfter,
        keyUsage: signer.keyUsage ?? { digitalSignature: false, nonRepudiation: false },
        trust: chain.ok ? { kind: 'trusted' } : chain.error,
        revoked,
      },
      { operatorIin: context.sessionOperator.iin, now: at },
    );
    if (!verdict.ok) return err(certificateRefusal(verdict.error, when));
  }
  return ok(null);
}

function certificateRefusal(problem: CertificateProblem, when: string): Refusal {
  switch (problem.kind) {
    case 'untrusted-issuer':
    case 'chain-loop':
      return refusal(422, PROBLEM_CODES.certificateUntrusted, 'the signing certificate was not issued by a trusted CA');
    case 'issuer-not-valid':
      return refusal(422, PROBLEM_CODES.certificateUntrusted, `the CA that issued the signing certificate was not valid ${when}`);
    case 'unsupported-algorithm':
      return refusal(422, PROBLEM_CODES.unsupportedAlgorithm, "the signing certificate's chain uses an algorithm the backend cannot verify");
    case 'not-yet-valid':
      return refusal(422, PROBLEM_CODES.certificateNotValid, `the signing certificate is not yet valid ${when}`);
    case 'expired':
      return refusal(422, PROBLEM_CODES.certificateNotValid, `the signing certificate has expired ${when}`);
    case 'revoked':
      return refusal(422, PROBLEM_CODES.certificateRevoked, 'the signing certificate is revoked');
    case 'revocation-unknown':
      return refusal(422, PROBLEM_CODES.certificateStatusUnknown, "no current revocation list of the signing certificate's CA");
    case 'not-a-signing-key':
      return refusal(422, PROBLEM_CODES.notASigningKey, 'the certificate is not a signing key (no nonRepudiation)');
    case 'iin-mismatch':
      return refusal(422, PROBLEM_CODES.signerNotOperator, "the certificate's IIN is not the signed-in operator's");
  }
}

/** A signature cannot be replayed under another key: a signed body names the key it was sent with. */
function checkIdempotencyKey(submission: ApplicationSubmission, headerKey: string, signed: boolean): Result<null, Refusal> {
  if (submission.idempotencyKey === undefined) {
    return signed ? refuse(PROBLEM_CODES.validation, 'a signed body must carry its idempotencyKey') : ok(null);
  }
  if (submission.idempotencyKey !== headerKey) return refuse(PROBLEM_CODES.validation, 'idempotencyKey differs from the Idempotency-Key header');
  return ok(null);
}
