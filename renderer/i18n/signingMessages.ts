/**
 * What the operator reads about their key and signature (DESIGN.md §5): each problem says what
 * happened and what to do. Switches end in assertNever, so a kind added to the contract fails to
 * compile here until it has its own text in kk, ru and en.
 */
import { assertNever } from '../../core/result';
import type { SignatureInvalidReason, SigningProblem } from '../../core/contract';
import type { PROBLEM_CODES } from '../../core/backendApi/wire';
import type { KeyFilePickError } from '../features/signing/keyFile';
import type { Message, MessageKey } from './messageCatalog';

export interface SigningDateFormats {
  /** An ISO instant as the local date, DD.MM.YYYY. */
  readonly formatInstantDate: (isoDateTime: string) => string;
  /** An ISO instant as local DD.MM.YYYY HH:MM. */
  readonly formatDateTime: (isoDateTime: string) => string;
}

export function signingProblemMessage(problem: SigningProblem, formats: SigningDateFormats): Message {
  switch (problem.kind) {
    case 'wrong-password':
      return { key: 'signProblem.wrongPassword' };
    case 'not-a-key-file':
      return { key: 'signProblem.notAKeyFile' };
    case 'no-private-key':
      return { key: 'signProblem.noPrivateKey' };
    case 'key-file-unavailable':
      return { key: 'signProblem.keyFileUnavailable' };
    case 'untrusted-issuer':
      return { key: 'signProblem.untrustedIssuer' };
    case 'not-yet-valid':
      return { key: 'signProblem.notYetValid', params: { date: formats.formatInstantDate(problem.notBefore) } };
    case 'expired':
      return { key: 'signProblem.expired', params: { date: formats.formatInstantDate(problem.notAfter) } };
    case 'revoked':
      return { key: 'signProblem.revoked' };
    case 'revocation-unknown':
      return { key: 'signProblem.revocationUnknown' };
    case 'revocation-list-stale':
      return revocationListStaleMessage(problem.fetchedAt, formats);
    case 'not-a-signing-key':
      return { key: 'signProblem.notASigningKey' };
    case 'iin-mismatch':
      return problem.certificateIin === null
        ? { key: 'signProblem.iinMissing' }
        : { key: 'signProblem.iinMismatch', params: { iin: problem.certificateIin } };
    case 'agent-unavailable':
      return { key: 'signProblem.agentUnavailable' };
    case 'agent-cancelled':
      return { key: 'signProblem.agentCancelled' };
    case 'agent-error':
      return { key: 'signProblem.agentError' };
    case 'unsupported-algorithm':
      return { key: 'signProblem.unsupportedAlgorithm', params: { algorithm: problem.algorithm } };
    case 'issuer-not-valid':
      return { key: 'signProblem.issuerNotValid' };
    case 'chain-loop':
      return { key: 'signProblem.chainLoop' };
    case 'signature-invalid':
      return { key: SIGNATURE_INVALID_MESSAGES[problem.reason] };
    default:
      return assertNever(problem);
  }
}

/** What NCALayer's output was wrong with, grouped by what the operator can do about it. */
const SIGNATURE_INVALID_MESSAGES: Readonly<Record<SignatureInvalidReason, MessageKey>> = {
  'too-large': 'signProblem.signatureInvalid.tooLarge',
  malformed: 'signProblem.signatureInvalid.malformed',
  'not-detached': 'signProblem.signatureInvalid.structure',
  'not-one-signer': 'signProblem.signatureInvalid.structure',
  'no-signer-certificate': 'signProblem.signatureInvalid.structure',
  'attributes-invalid': 'signProblem.signatureInvalid.structure',
  'attributes-not-der': 'signProblem.signatureInvalid.structure',
  'unsupported-algorithm': 'signProblem.signatureInvalid.unsupportedAlgorithm',
  'algorithm-mismatch': 'signProblem.signatureInvalid.algorithmMismatch',
  'digest-mismatch': 'signProblem.signatureInvalid.digestMismatch',
  'bad-signature': 'signProblem.signatureInvalid.badSignature',
};

/** The cached revocation list is too old to vouch for a certificate (or was never fetched). */
export function revocationListStaleMessage(fetchedAt: string | null, formats: Pick<SigningDateFormats, 'formatDateTime'>): Message {
  return fetchedAt === null
    ? { key: 'signProblem.revocationListMissing' }
    : { key: 'signProblem.revocationListStale', params: { time: formats.formatDateTime(fetchedAt) } };
}

export function keyFilePickErrorMessage(error: KeyFilePickError, formatBytes: (bytes: number) => string): Message {
  switch (error.kind) {
    case 'too-large':
      return {
        key: 'error.keyFile.tooLarge',
        params: { fileName: error.fileName, size: formatBytes(error.sizeBytes), maxKb: error.maxBytes / 1024 },
      };
    case 'empty':
      return { key: 'error.keyFile.empty', params: { fileName: error.fileName } };
    case 'unreadable':
      return { key: 'error.keyFile.unreadable', params: { fileName: error.fileName } };
    default:
      return assertNever(error);
  }
}

export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

/**
 * The backend's refusals (wire.ts PROBLEM_CODES), each with what the operator does next; shown on
 * the result screen, in the journal and in the send queue. Spelled out rather than read from
 * PROBLEM_CODES: wire.ts brings zod, which stays out of the operator's bundle; the Record type still
 * fails to compile until a code added to the wire has its text here.
 */
const BACKEND_PROBLEM_MESSAGES: Readonly<Record<ProblemCode, MessageKey>> = {
  'invalid-credentials': 'backendProblem.invalidCredentials',
  unauthorized: 'backendProblem.unauthorized',
  'not-found': 'backendProblem.notFound',
  'validation-failed': 'backendProblem.validationFailed',
  'unknown-service': 'backendProblem.unknownService',
  'missing-document': 'backendProblem.missingDocument',
  'digest-mismatch': 'backendProblem.digestMismatch',
  'idempotency-key-reused': 'backendProblem.idempotencyKeyReused',
  'idempotency-key-in-flight': 'backendProblem.idempotencyKeyInFlight',
  'applicant-ineligible': 'backendProblem.applicantIneligible',
  'power-of-attorney-invalid': 'backendProblem.powerOfAttorneyInvalid',
  'signature-required': 'backendProblem.signatureRequired',
  'signature-invalid': 'backendProblem.signatureInvalid',
  'certificate-untrusted': 'backendProblem.certificateUntrusted',
  'certificate-not-valid': 'backendProblem.certificateNotValid',
  'certificate-revoked': 'backendProblem.certificateRevoked',
  'certificate-status-unknown': 'backendProblem.certificateStatusUnknown',
  'unsupported-algorithm': 'backendProblem.unsupportedAlgorithm',
  'not-a-signing-key': 'backendProblem.notASigningKey',
  'signer-not-operator': 'backendProblem.signerNotOperator',
  'document-digest-mismatch': 'backendProblem.documentDigestMismatch',
  'internal-error': 'backendProblem.internalError',
  'request-timeout': 'backendProblem.requestTimeout',
  'active-content': 'backendProblem.activeContent',
  'document-too-large': 'backendProblem.documentTooLarge',
};

/** Whether the code has its own operator text (else backendProblemMessage quotes the code). */
export const isExplainedProblemCode = (code: string | null): code is ProblemCode => code !== null && Object.hasOwn(BACKEND_PROBLEM_MESSAGES, code);

/** Why the backend refused an application (state needs-attention); a code without its own text is quoted as is. */
export function backendProblemMessage(code: string | null): Message {
  return isExplainedProblemCode(code) ? { key: BACKEND_PROBLEM_MESSAGES[code] } : { key: 'result.needsAttentionBody', params: { code: code ?? '—' } };
}
