/**
 * The backend's half of DESIGN.md §5: the operator's EDS must cover exactly the body received
 * (core/signing/signedPayload.ts), come from a signing key our CA issued, valid and not revoked,
 * and belong to the signed-in operator the body names. Pure of HTTP; every refusal is a 422 whose
 * message names the failed check only, never identifiers, names or certificate contents.
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { PROBLEM_CODES, type ApplicationSubmission } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { checkSigningCertificate, type CertificateDescription, type CertificateProblem } from '../../core/signing/certificateRules';
import { signedBytesOf } from '../../core/signing/signedPayload';
import { refusal, type ProblemCode, type Refusal } from '../http/problem';
import type { BackendPki } from '../pki/backendPki';
import { parseDetachedCms, type DetachedSignature } from './detachedCms';

export type TrustStore = Pick<BackendPki, 'ca' | 'isRevoked'>;

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
  const signature = verifySignatureOverBody(body, submission.operatorSignature.cms);
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

/** The CMS is well-formed, its messageDigest is SHA-256 of the body's signed bytes, and its RSA signature verifies. */
function verifySignatureOverBody(body: unknown, cmsBase64: string): Result<{ cms: DetachedSignature; leaf: X509Certificate }, Refusal> {
  const invalid = (message: string) => refuse(PROBLEM_CODES.signatureInvalid, message);
  const signedBytes = signedBytesOf(body);
  if (!signedBytes.ok) return invalid('the body has no canonical JSON form');
  const cms = parseDetachedCms(Buffer.from(cmsBase64, 'base64'));
  if (!cms.ok) return invalid(`the CMS does not fit the signature profile: ${cms.error.reason}`);
  const { messageDigest, signerCertificateDer, signedAttributesDer, signature } = cms.value;
  if (!createHash('sha256').update(signedBytes.value).digest().equals(messageDigest)) {
    return invalid("the signature's messageDigest does not match the body as received");
  }
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(signerCertificateDer);
  } catch {
    return invalid('the signer certificate cannot be read');
  }
  let verified = false;
  try {
    // The profile is RSA (PKCS#1 v1.5): a key of another type cannot have made this signature.
    verified = leaf.publicKey.asymmetricKeyType === 'rsa' && verify('sha256', signedAttributesDer, leaf.publicKey, signature);
  } catch {
    // OpenSSL may throw rather than answer false, e.g. for a key it cannot use
  }
  if (!verified) return invalid('the signature does not verify with the signer certificate');
  return ok({ cms: cms.value, leaf });
}

/** The core rules (certificateRules.ts), applied at the signing time the CMS states and again now. */
function checkCertificate(signature: { cms: DetachedSignature; leaf: X509Certificate }, context: SignatureCheckContext): Result<null, Refusal> {
  const { cms, leaf } = signature;
  const fields = cms.signerCertificate;
  const description: CertificateDescription = {
    subject: fields.subject,
    notBefore: new Date(leaf.validFrom),
    notAfter: new Date(leaf.validTo),
    keyUsage: fields.keyUsage,
    chainsToTrustedAnchor: issuedBy(leaf, context.trust.ca, context.now),
    revoked: context.trust.isRevoked(fields.serialHex),
  };
  for (const [at, when] of [[cms.signingTime, 'when it signed'], [context.now, 'now']] as const) {
    const verdict = checkSigningCertificate(description, { operatorIin: context.sessionOperator.iin, now: at });
    if (!verdict.ok) return err(certificateRefusal(verdict.error, when));
  }
  return ok(null);
}

/** Directly issued by the trust anchor: names match, the CA's signature verifies, the CA is a CA and in date. */
function issuedBy(leaf: X509Certificate, ca: X509Certificate, now: Date): boolean {
  const caInDate = new Date(ca.validFrom).getTime() <= now.getTime() && now.getTime() <= new Date(ca.validTo).getTime();
  try {
    return ca.ca && caInDate && leaf.checkIssued(ca) && leaf.verify(ca.publicKey);
  } catch {
    return false; // e.g. a key type the CA's key cannot verify with
  }
}

function certificateRefusal(problem: CertificateProblem, when: string): Refusal {
  switch (problem.kind) {
    case 'untrusted-issuer':
      return refusal(422, PROBLEM_CODES.certificateUntrusted, 'the signing certificate was not issued by a trusted CA');
    case 'not-yet-valid':
      return refusal(422, PROBLEM_CODES.certificateNotValid, `the signing certificate is not yet valid ${when}`);
    case 'expired':
      return refusal(422, PROBLEM_CODES.certificateNotValid, `the signing certificate has expired ${when}`);
    case 'revoked':
    case 'revocation-unknown': // not reached: the backend's own list always knows
      return refusal(422, PROBLEM_CODES.certificateRevoked, 'the signing certificate is revoked');
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
