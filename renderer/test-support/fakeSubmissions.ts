/**
 * The fake submissions area. submitDraft checks what main checks (the draft is open and the
 * operator's, the applicant is recorded, every required slot has a page, every page reads back),
 * signs where the service requires the operator's EDS (refusing without a signature, and storing
 * nothing when signing fails), "assembles" one PDF per slot named after the slot's Kazakh title,
 * and closes the draft.
 */
import type { ApplicationState, ApplicationSummary, CertificateCardView, ServiceSummary, SigningMethod, SigningProblem, SubmissionsApi, SubmitError } from '../../core/contract';
import type { ApplicationSubtype, DocumentRef, RegistryRecord } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { previewDeadlineFor } from './fakeDeadline';
import type { FakeDraftStore } from './fakeDrafts';
import { displayNameOf, fakeDigest, NOT_SIGNED_IN, type FakeMain, type RepresentativeSnapshot } from './fakeMain';

export interface AcceptedParties {
  readonly service: ServiceSummary;
  readonly record: RegistryRecord;
  readonly representative: RepresentativeSnapshot | null;
}

/** Service, applicant and representative as main allows them: the representative checked for this applicant and service. */
export function checkParties(
  main: FakeMain,
  serviceId: string,
  applicantSnapshotId: string,
  representativeSnapshotId: string | null,
): Result<AcceptedParties, SubmitError> {
  if (!main.operator()) return err(NOT_SIGNED_IN);
  const service = main.serviceById(serviceId);
  if (!service) return err({ kind: 'unknown-service' });
  const record = main.snapshots.get(applicantSnapshotId);
  if (!record) return err({ kind: 'unknown-applicant' });
  const representative = representativeSnapshotId === null ? null : main.representatives.get(representativeSnapshotId);
  const isOfThisApplication = representative?.query.applicantSnapshotId === applicantSnapshotId && representative.query.serviceId === serviceId;
  if (representative !== null && !isOfThisApplication) return err({ kind: 'unknown-representative' });
  return ok({ service, record, representative: representative ?? null });
}

function representativeOf(snapshot: RepresentativeSnapshot): ApplicationSummary['representative'] {
  const poa = snapshot.query.powerOfAttorney;
  return {
    iin: snapshot.card.person.iin,
    displayName: displayNameOf(snapshot.card.person),
    powerOfAttorney: poa.kind === 'notarised' ? { kind: 'notarised', number: poa.number } : { kind: 'other' },
  };
}

/** What the backend makes of a submission: its state, and for needs-attention the problem code it refused with. */
export interface FakeSubmitOutcome {
  readonly state: ApplicationState;
  readonly problemCode: string;
}

/** Records the application in the journal; "registered" when the backend answers in time, else "accepted". */
export function acceptApplication(
  main: FakeMain,
  outcome: FakeSubmitOutcome,
  parties: AcceptedParties,
  subtype: ApplicationSubtype,
  documents: readonly DocumentRef[],
): ApplicationSummary {
  const { service, record, representative } = parties;
  const submitState = outcome.state;
  const sequence = main.applications.length + 1;
  const today = main.today;
  const application: ApplicationSummary = {
    applicationId: main.nextId(),
    localNumber: `WS01-${String(sequence).padStart(6, '0')}`,
    serviceId: service.id,
    subtype,
    applicant:
      record.kind === 'individual'
        ? { kind: 'individual', iin: record.iin, displayName: displayNameOf(record) }
        : { kind: 'legal-entity', bin: record.bin, displayName: displayNameOf(record) },
    representative: representative ? representativeOf(representative) : null,
    plannedResultDate: previewDeadlineFor(service, subtype, today, main.settings().calendarOverrides).plannedResultDate,
    documents,
    state: submitState,
    acceptedAt: `${today}T09:20:00+05:00`,
    registrationNumber: submitState === 'registered' ? `KZ-LIC-2025-${String(sequence).padStart(5, '0')}` : null,
    registeredAt: submitState === 'registered' ? `${today}T09:20:02+05:00` : null,
    problemCode: submitState === 'needs-attention' ? outcome.problemCode : null,
    // Main learns the provider's status by polling after registration (fakeStatus.ts plays that).
    tracking: null,
    handOver: null,
    purgedAt: null,
  };
  main.applications.unshift(application);
  return application;
}

export function createFakeSubmitDraft(
  main: FakeMain,
  drafts: FakeDraftStore,
  outcome: FakeSubmitOutcome,
  sign: (method: SigningMethod) => Result<null, { readonly problem: SigningProblem; readonly card: CertificateCardView | null }>,
): SubmissionsApi['submitDraft'] {
  return async (draftId, signing) => {
    const draft = drafts.ownOpen(draftId);
    if (!draft.ok) return draft;
    const { applicantSnapshotId, representativeSnapshotId, serviceId, subtype } = draft.value;
    if (applicantSnapshotId === null) return err({ kind: 'no-applicant' });
    const parties = checkParties(main, serviceId, applicantSnapshotId, representativeSnapshotId);
    if (!parties.ok) return parties;
    const view = drafts.viewOf(draft.value);
    if (view.missingRequiredSlots.length > 0) return err({ kind: 'missing-documents', slotIds: view.missingRequiredSlots });
    const unreadable = draft.value.pages.find((page) => page.unreadable);
    if (unreadable) return err({ kind: 'unreadable-page', slotId: unreadable.slotId });
    if (parties.value.service.operatorEdsRequired) {
      if (signing === null) return err({ kind: 'signature-required' });
      const signed = sign(signing);
      if (!signed.ok) return err({ kind: 'signing-failed', problem: signed.error.problem, card: signed.error.card });
    } else if (signing !== null) {
      // The contract says null for these services: a renderer that sends a key for them has a bug.
      throw new Error(`submitDraft: service ${parties.value.service.id} takes no operator signature, got ${signing.kind}`);
    }
    const documents: DocumentRef[] = view.slots
      .filter((slot) => slot.pages.length > 0)
      .map((slot) => ({
        sha256: fakeDigest(new TextEncoder().encode(slot.pages.map((page) => page.pageId).join())),
        fileName: `${slot.title.kk}.pdf`,
        mediaType: 'application/pdf',
        sizeBytes: 48_000 * slot.pages.length,
      }));
    const application = acceptApplication(main, outcome, parties.value, subtype, documents);
    drafts.close(draft.value, 'submitted');
    return ok(application);
  };
}

export const listApplications = (main: FakeMain): SubmissionsApi['list'] => async () =>
  main.operator() ? ok([...main.applications]) : err(NOT_SIGNED_IN);
