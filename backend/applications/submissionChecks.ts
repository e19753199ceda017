import { PROBLEM_CODES, type ApplicantRef, type ApplicationSubmission, type RepresentativeRef } from '../../core/backendApi/wire';
import { isApplicantEligible } from '../../core/registry/applicant';
import { checkPowerOfAttorney } from '../../core/registry/powerOfAttorney';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';
import type { NotaryDirectory } from '../registry/notaryDirectory';
import type { RegistryDirectory } from '../registry/registryDirectory';
import type { BackendStore } from '../state/backendStore';

export interface SubmissionCheckContext {
  readonly serviceIds: ReadonlySet<string>;
  readonly store: Pick<BackendStore, 'blob' | 'registryAnswer' | 'notaryAnswer'>;
  readonly registry: Pick<RegistryDirectory, 'person' | 'legalEntity'>;
  readonly notary: Pick<NotaryDirectory, 'powerOfAttorney'>;
  /** Kazakhstan local date of the submission ('YYYY-MM-DD'); a PoA must be valid on it. */
  readonly today: string;
}

/**
 * What the backend verifies beyond the body's shape before it registers an application. Every
 * refusal is 422: the request is well-formed but cannot be registered as it stands.
 */
export function checkSubmission(submission: ApplicationSubmission, context: SubmissionCheckContext): Result<null, Refusal> {
  if (!context.serviceIds.has(submission.serviceId)) {
    return err(refusal(422, PROBLEM_CODES.unknownService, 'serviceId is not in the service catalog'));
  }

  const answer = context.store.registryAnswer(submission.registryAnswerId);
  const applicantId = submission.applicant.kind === 'individual' ? submission.applicant.iin : submission.applicant.bin;
  if (!answer || answer.kind !== submission.applicant.kind || answer.identifier !== applicantId) {
    return err(refusal(422, PROBLEM_CODES.validation, 'registryAnswerId was not issued by this backend for this applicant'));
  }

  // The registry's current word decides, not the workstation's copy of an earlier answer.
  const current = submission.applicant.kind === 'individual' ? context.registry.person(applicantId) : context.registry.legalEntity(applicantId);
  if (!current || !isApplicantEligible(current)) {
    return err(refusal(422, PROBLEM_CODES.applicantIneligible, 'the registry does not list the applicant as active'));
  }

  if (submission.representative !== null) {
    const represented = checkRepresentative(submission.representative, submission.applicant, context);
    if (!represented.ok) return represented;
  }

  for (const [index, document] of submission.documents.entries()) {
    const blob = context.store.blob(document.sha256);
    if (!blob || blob.sizeBytes !== document.sizeBytes) {
      return err(refusal(422, PROBLEM_CODES.missingDocument, `documents[${index}] was not uploaded with this digest and size`));
    }
  }
  return ok(null);
}

/**
 * 2014 regulations W2/W3: the representative is looked up in the individuals registry like the
 * applicant; a notarised PoA must have been found in the notary registry (БНАЖ) and fit the
 * parties and the date; a PoA certified otherwise leaves the PoA fields empty and is not looked
 * up. Messages name the failed check only, never identifiers, names or PoA numbers.
 */
function checkRepresentative(
  representative: RepresentativeRef,
  applicant: ApplicantRef,
  context: SubmissionCheckContext,
): Result<null, Refusal> {
  if (applicant.kind === 'individual' && applicant.iin === representative.iin) {
    return err(refusal(422, PROBLEM_CODES.validation, 'representative is the applicant; an applicant in person sends representative: null'));
  }
  const invalid = (message: string) => err(refusal(422, PROBLEM_CODES.powerOfAttorneyInvalid, message));

  const answer = context.store.registryAnswer(representative.registryAnswerId);
  if (!answer || answer.kind !== 'individual' || answer.identifier !== representative.iin) {
    return invalid('representative.registryAnswerId was not issued by this backend for the representative');
  }
  const person = context.registry.person(representative.iin);
  if (!person || person.status !== 'active') {
    return invalid('the registry does not list the representative as active');
  }

  const poa = representative.powerOfAttorney;
  switch (poa.kind) {
    case 'other':
      return ok(null);
    case 'notarised': {
      const notaryAnswer = context.store.notaryAnswer(poa.notaryAnswerId);
      if (!notaryAnswer || notaryAnswer.number !== poa.number) {
        return invalid('powerOfAttorney.notaryAnswerId was not issued by this backend for this power of attorney');
      }
      // As for the applicant, the notary registry's current word decides (a PoA may be revoked meanwhile).
      const record = context.notary.powerOfAttorney(poa.number);
      if (!record) return invalid('the notary registry no longer lists this power of attorney');
      const checked = checkPowerOfAttorney(record, { principal: applicant, representativeIin: representative.iin }, context.today);
      if (!checked.ok) return invalid(`the power of attorney does not hold: ${checked.error.kind}`);
      return ok(null);
    }
  }
}
