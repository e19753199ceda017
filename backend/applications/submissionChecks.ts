import { PROBLEM_CODES, type ApplicationSubmission } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';
import type { BackendStore } from '../state/backendStore';
import type { RegistryDirectory } from '../registry/registryDirectory';
import { isApplicantEligible } from '../../core/registry/applicant';

export interface SubmissionCheckContext {
  readonly serviceIds: ReadonlySet<string>;
  readonly store: Pick<BackendStore, 'blob' | 'registryAnswer'>;
  readonly registry: Pick<RegistryDirectory, 'person' | 'legalEntity'>;
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

  for (const [index, document] of submission.documents.entries()) {
    const blob = context.store.blob(document.sha256);
    if (!blob || blob.sizeBytes !== document.sizeBytes) {
      return err(refusal(422, PROBLEM_CODES.missingDocument, `documents[${index}] was not uploaded with this digest and size`));
    }
  }
  return ok(null);
}
