/**
 * Applications after registration, as the status and hand-over tests need them: each one at a
 * different point of the provider's process, already known to main (its poller has asked).
 */
import type { ApplicationSummary } from '../../core/contract';
import { ACTIVE_COMPANY, ACTIVE_PERSON } from './fakeFixtures';
import { fakeLicenceDecision, fakeRefusalDecision } from './fakeStatus';
import type { FakeWorkstation } from './fakeWorkstationApi';

export interface TrackedApplications {
  /** Registered and under review (WS01-000001, the person). */
  readonly underReview: ApplicationSummary;
  /** Refused with a reason, the refusal ready to hand over (WS01-000002, the company). */
  readonly refused: ApplicationSummary;
  /** A re-issued licence ready for hand-over (WS01-000003, the person). */
  readonly ready: ApplicationSummary;
  /** Still in the send queue (WS01-000004). */
  readonly queued: ApplicationSummary;
}

export function arrangeTrackedApplications(fake: FakeWorkstation): TrackedApplications {
  const at = '2025-03-06T12:00:00+05:00';
  const underReview = fake.queue.addApplication({ state: 'registered', record: ACTIVE_PERSON });
  const refused = fake.queue.addApplication({ state: 'registered', record: ACTIVE_COMPANY });
  const ready = fake.queue.addApplication({ state: 'registered', record: ACTIVE_PERSON, subtype: 'reissue' });
  const queued = fake.queue.addApplication({ state: 'accepted', record: ACTIVE_PERSON });
  fake.status.track(underReview.applicationId, { status: 'under-review' });
  fake.status.track(refused.applicationId, { status: 'under-review' });
  fake.status.track(refused.applicationId, { status: 'refused', decision: fakeRefusalDecision(at) });
  fake.status.track(ready.applicationId, { status: 'issued', decision: fakeLicenceDecision(at, 'reissued-licence') });
  fake.status.track(ready.applicationId, { status: 'ready-for-handover' });
  const current = (id: string) => fake.queue.applications.find((application) => application.applicationId === id)!;
  return { underReview: current(underReview.applicationId), refused: current(refused.applicationId), ready: current(ready.applicationId), queued };
}
