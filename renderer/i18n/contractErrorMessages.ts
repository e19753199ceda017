/**
 * One message per error kind of every contract method. Each switch ends in assertNever, so a kind
 * added to the contract fails to compile here until it has its own text in kk, ru and en.
 */
import { assertNever } from '../../core/result';
import type {
  BackendConnectionCheckError,
  LoginError,
  LookupError,
  NotSignedIn,
  ReceiptError,
  RepresentativeError,
  SettingsError,
  SubmitDraftError,
  TlsFailureReason,
} from '../../core/contract';
import type { PowerOfAttorneyProblem } from '../../core/registry/powerOfAttorney';
import type { Message, MessageKey } from './messageCatalog';

/** session.login */
export function loginErrorMessage(error: LoginError): MessageKey {
  switch (error.kind) {
    case 'invalid-credentials':
      return 'error.login.invalidCredentials';
    case 'backend-unavailable':
      return 'error.login.backendUnavailable';
    case 'locked-out':
      return 'error.login.lockedOut';
    default:
      return assertNever(error);
  }
}

/** catalog.listServices, submissions.list, and the not-signed-in kind of every other method. */
export function notSignedInMessage(error: NotSignedIn): MessageKey {
  switch (error.kind) {
    case 'not-signed-in':
      return 'error.notSignedIn';
    default:
      return assertNever(error.kind);
  }
}

/** registry.lookupApplicant */
export function lookupErrorMessage(error: LookupError): MessageKey {
  switch (error.kind) {
    case 'not-signed-in':
      return notSignedInMessage(error);
    case 'invalid-identifier':
      return 'error.lookup.invalidIdentifier';
    case 'not-found':
      return 'error.lookup.notFound';
    case 'registry-unavailable':
      return 'error.lookup.registryUnavailable';
    default:
      return assertNever(error);
  }
}

/** submissions.submitDraft. `slotTitle` names a document slot in the interface language. */
export function submitErrorMessage(error: SubmitDraftError, slotTitle: (slotId: string) => string): Message {
  switch (error.kind) {
    case 'not-signed-in':
      return { key: notSignedInMessage(error) };
    case 'unknown-service':
      return { key: 'error.submit.unknownService' };
    case 'unknown-applicant':
      return { key: 'error.submit.unknownApplicant' };
    case 'unknown-representative':
      return { key: 'error.submit.unknownRepresentative' };
    case 'applicant-not-eligible':
      return { key: 'error.submit.applicantNotEligible' };
    case 'draft-not-found':
      return { key: 'error.draft.notFound' };
    case 'no-applicant':
      return { key: 'error.submit.noApplicant' };
    case 'missing-documents':
      return { key: 'error.submit.missingDocuments', params: { slots: error.slotIds.map(slotTitle).join(', ') } };
    case 'unreadable-page':
      return { key: 'error.submit.unreadablePage', params: { slot: slotTitle(error.slotId) } };
    case 'document-too-large':
      return {
        key: 'error.submit.documentTooLarge',
        // Rounded up, so a document just over the limit never reads as equal to it.
        params: { slot: slotTitle(error.slotId), sizeMb: Math.ceil(error.sizeBytes / (1024 * 1024)), maxMb: Math.floor(error.maxBytes / (1024 * 1024)) },
      };
    case 'document-too-many-pages':
      return { key: 'error.submit.documentTooManyPages', params: { slot: slotTitle(error.slotId), pages: error.pages, maxPages: error.maxPages } };
    case 'signature-required':
      return { key: 'error.submit.signatureRequired' };
    case 'signing-failed':
      // The specific reason is shown next to the key (signingMessages.ts), where the operator fixes it.
      return { key: 'error.submit.signingFailed' };
    default:
      return assertNever(error);
  }
}

/** Formats a 'YYYY-MM-DD' date for the operator (the translator's formatDate). */
type FormatDate = (isoDate: string) => string;

/** Why a notarised power of attorney found in БНАЖ does not let this person act for this applicant today. */
export function powerOfAttorneyProblemMessage(problem: PowerOfAttorneyProblem, formatDate: FormatDate): Message {
  switch (problem.kind) {
    case 'revoked':
      return { key: 'poaProblem.revoked' };
    case 'expired':
      return { key: 'poaProblem.expired', params: { date: formatDate(problem.validUntil) } };
    case 'not-yet-valid':
      return { key: 'poaProblem.notYetValid', params: { date: formatDate(problem.issuedOn) } };
    case 'other-principal':
      return { key: 'poaProblem.otherPrincipal' };
    case 'other-representative':
      return { key: 'poaProblem.otherRepresentative' };
    default:
      return assertNever(problem);
  }
}

/**
 * registry.lookupRepresentative. For power-of-attorney-invalid the specific reason is a message of
 * its own (powerOfAttorneyProblemMessage); `renderReason` renders it in the interface language.
 */
export function representativeErrorMessage(error: RepresentativeError, renderReason: (problem: PowerOfAttorneyProblem) => string): Message {
  switch (error.kind) {
    case 'not-signed-in':
      return { key: notSignedInMessage(error) };
    case 'invalid-identifier':
      return { key: 'error.lookup.invalidIdentifier' };
    case 'not-allowed-by-regulation':
      return { key: 'error.representative.notAllowed' };
    case 'unknown-applicant':
      return { key: 'error.representative.unknownApplicant' };
    case 'same-as-applicant':
      return { key: 'error.representative.sameAsApplicant' };
    case 'not-found':
      return { key: 'error.representative.notFound' };
    case 'power-of-attorney-not-found':
      return { key: 'error.representative.poaNotFound' };
    case 'power-of-attorney-invalid':
      return { key: 'error.representative.poaInvalid', params: { reason: renderReason(error.problem) } };
    case 'representative-not-eligible':
      return { key: 'error.representative.notEligible' };
    case 'registry-unavailable':
      return { key: 'error.lookup.registryUnavailable' };
    default:
      return assertNever(error);
  }
}

/** catalog.previewDeadline */
export function deadlinePreviewErrorMessage(error: NotSignedIn | { readonly kind: 'unknown-service' }): MessageKey {
  switch (error.kind) {
    case 'not-signed-in':
      return notSignedInMessage(error);
    case 'unknown-service':
      return 'error.deadline.unknownService';
    default:
      return assertNever(error);
  }
}

/**
 * Every settings setter. `locked` names where the administrator fixed the value; `detail` of an
 * unusable CA bundle is main's technical reason (which certificate, what is wrong with it).
 */
export function settingsErrorMessage(error: SettingsError): Message {
  switch (error.kind) {
    case 'not-signed-in':
      return { key: notSignedInMessage(error) };
    case 'not-permitted':
      return { key: 'error.settings.notPermitted' };
    case 'unknown-service':
      return { key: 'error.settings.unknownService' };
    case 'locked':
      return error.source === '' ? { key: 'error.settings.lockedNoSource' } : { key: 'error.settings.locked', params: { source: error.source } };
    case 'insecure-url':
      return { key: 'error.settings.insecureUrl' };
    case 'invalid-ca-bundle':
      return { key: 'error.settings.invalidCaBundle', params: { detail: error.detail } };
    case 'pins-need-https':
      return { key: 'error.settings.pinsNeedHttps' };
    default:
      return assertNever(error);
  }
}

/** Which TLS check refused the server, in words a supervisor can act on. */
export function tlsFailureMessage(reason: TlsFailureReason): MessageKey {
  switch (reason) {
    case 'untrusted-certificate':
      return 'error.backendCheck.tls.untrustedCertificate';
    case 'expired-certificate':
      return 'error.backendCheck.tls.expiredCertificate';
    case 'hostname-mismatch':
      return 'error.backendCheck.tls.hostnameMismatch';
    case 'pin-mismatch':
      return 'error.backendCheck.tls.pinMismatch';
    case 'handshake-failed':
      return 'error.backendCheck.tls.handshakeFailed';
    default:
      return assertNever(reason);
  }
}

/** settings.checkBackendConnection */
export function backendConnectionCheckErrorMessage(error: BackendConnectionCheckError): Message {
  switch (error.kind) {
    case 'unreachable':
      return { key: 'error.backendCheck.unreachable' };
    case 'timeout':
      return { key: 'error.backendCheck.timeout' };
    case 'tls':
      return { key: tlsFailureMessage(error.reason) };
    case 'not-a-backend':
      return { key: 'error.backendCheck.notABackend' };
    case 'not-signed-in':
    case 'not-permitted':
    case 'unknown-service':
    case 'locked':
    case 'insecure-url':
    case 'invalid-ca-bundle':
    case 'pins-need-https':
      return settingsErrorMessage(error);
    default:
      return assertNever(error);
  }
}

/** receipts.forApplication */
export function receiptErrorMessage(error: ReceiptError): MessageKey {
  switch (error.kind) {
    case 'not-signed-in':
      return notSignedInMessage(error);
    case 'not-found':
      return 'receipt.error.notFound';
    default:
      return assertNever(error);
  }
}
