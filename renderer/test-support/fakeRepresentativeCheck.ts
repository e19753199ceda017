/**
 * What main's registry.lookupRepresentative decides, for the fake api: the service's workflow
 * profile, the individuals registry (FAKE_REGISTRY) and, for a notarised PoA, the notary registry
 * (FAKE_POWERS_OF_ATTORNEY) checked with core's own rule (checkPowerOfAttorney).
 */
import type { RepresentativeError, RepresentativeQuery, ServiceSummary } from '../../core/contract';
import type { PersonRecord, PowerOfAttorneyRecord, RegistryRecord } from '../../core/backendApi/wire';
import { validateKzIdentifier } from '../../core/identifiers/kzIdentifier';
import { applicantRefOf } from '../../core/registry/applicant';
import { checkPowerOfAttorney } from '../../core/registry/powerOfAttorney';
import { err, ok, type Result } from '../../core/result';
import { WORKFLOW_PROFILES } from '../../core/workflow/workflowProfiles';
import { FAKE_REGISTRY } from './fakeFixtures';
import { FAKE_POWERS_OF_ATTORNEY } from './fakeNotaryFixtures';

export interface CheckedRepresentative {
  readonly person: PersonRecord;
  readonly powerOfAttorney: PowerOfAttorneyRecord | null;
}

/** The IIN of whoever applies in person: the applicant, or the head of a legal entity. */
function inPersonIinOf(applicant: RegistryRecord): string {
  return applicant.kind === 'individual' ? applicant.iin : applicant.head.iin;
}

export function checkRepresentative(
  query: RepresentativeQuery,
  context: { readonly service: ServiceSummary | undefined; readonly applicant: RegistryRecord | undefined; readonly today: string },
): Result<CheckedRepresentative, RepresentativeError> {
  const rule = context.service ? WORKFLOW_PROFILES[context.service.workflowProfile].representative : 'not-regulated';
  if (rule === 'not-regulated' || (rule === 'registry-only' && query.powerOfAttorney.kind === 'notarised')) {
    return err({ kind: 'not-allowed-by-regulation' });
  }
  if (!validateKzIdentifier(query.iin).ok) return err({ kind: 'invalid-identifier' });
  const applicant = context.applicant;
  if (!applicant) return err({ kind: 'unknown-applicant' });
  if (inPersonIinOf(applicant) === query.iin) return err({ kind: 'same-as-applicant' });

  const person = FAKE_REGISTRY.find((record): record is PersonRecord => record.kind === 'individual' && record.iin === query.iin);
  if (!person) return err({ kind: 'not-found' });
  if (person.status !== 'active') return err({ kind: 'representative-not-eligible' });
  if (query.powerOfAttorney.kind === 'other') return ok({ person, powerOfAttorney: null });

  const number = query.powerOfAttorney.number;
  const poa = FAKE_POWERS_OF_ATTORNEY.find((candidate) => candidate.number === number);
  if (!poa) return err({ kind: 'power-of-attorney-not-found' });
  const check = checkPowerOfAttorney(poa, { principal: applicantRefOf(applicant), representativeIin: person.iin }, context.today);
  if (!check.ok) return err({ kind: 'power-of-attorney-invalid', problem: check.error });
  return ok({ person, powerOfAttorney: poa });
}
