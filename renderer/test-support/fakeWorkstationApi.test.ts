import { describe, expect, it } from 'vitest';
import { createSignedInStore } from './arrangeStore';
import { ACTIVE_COMPANY, BOOKMAKER_2012, CASINO_2012, CASINO_2014, PROVIDER_EMPLOYEE, REPRESENTATIVE_PERSON, SECURITY_2012, SUPERVISOR } from './fakeFixtures';
import { POA_FOR_COMPANY } from './fakeNotaryFixtures';

/** The fake stands in for main in every renderer test, so its own rules are pinned here. */
describe('fake workstation api', () => {
  it('lists the current version of each activity of the workplace, and every version on request', async () => {
    const { fake } = await createSignedInStore();
    expect(await fake.api.catalog.listServices()).toEqual({ ok: true, value: [BOOKMAKER_2012, CASINO_2014] });
    expect(await fake.api.catalog.listAllVersions()).toEqual({ ok: true, value: [CASINO_2012, BOOKMAKER_2012, CASINO_2014] });
    const provider = await createSignedInStore({ operator: PROVIDER_EMPLOYEE });
    expect(await provider.fake.api.catalog.listServices()).toEqual({ ok: true, value: [SECURITY_2012] });
  });

  it('checks representatives by the regulation of the service', async () => {
    const { fake } = await createSignedInStore();
    const applicant = await fake.api.registry.lookupApplicant({ kind: 'legal-entity', bin: ACTIVE_COMPANY.bin });
    const applicantSnapshotId = applicant.ok ? applicant.value.snapshotId : '';
    const ask = (serviceId: string, powerOfAttorney: { kind: 'notarised'; number: string } | { kind: 'other' }, iin = REPRESENTATIVE_PERSON.iin) =>
      fake.api.registry.lookupRepresentative({ serviceId, applicantSnapshotId, iin, powerOfAttorney });

    expect(await ask(CASINO_2014.id, { kind: 'notarised', number: POA_FOR_COMPANY.number })).toMatchObject({ ok: true, value: { powerOfAttorney: POA_FOR_COMPANY } });
    expect(await ask(BOOKMAKER_2012.id, { kind: 'other' })).toMatchObject({ ok: true, value: { powerOfAttorney: null } });
    expect(await ask(BOOKMAKER_2012.id, { kind: 'notarised', number: POA_FOR_COMPANY.number })).toEqual({ ok: false, error: { kind: 'not-allowed-by-regulation' } });
    expect(await ask(SECURITY_2012.id, { kind: 'other' })).toEqual({ ok: false, error: { kind: 'not-allowed-by-regulation' } });
    expect(await ask(CASINO_2014.id, { kind: 'other' }, '920710401235')).toEqual({ ok: false, error: { kind: 'invalid-identifier' } });
    // The head of the company applies for it in person.
    expect(await ask(CASINO_2014.id, { kind: 'other' }, ACTIVE_COMPANY.head.iin)).toEqual({ ok: false, error: { kind: 'same-as-applicant' } });
  });

  it('refuses a representative checked for another applicant when the draft records them', async () => {
    const { fake } = await createSignedInStore();
    const company = await fake.api.registry.lookupApplicant({ kind: 'legal-entity', bin: ACTIVE_COMPANY.bin });
    const person = await fake.api.registry.lookupApplicant({ kind: 'individual', iin: '850415312343' });
    if (!company.ok || !person.ok) throw new Error('fixtures missing');
    const representative = await fake.api.registry.lookupRepresentative({
      serviceId: CASINO_2014.id,
      applicantSnapshotId: company.value.snapshotId,
      iin: REPRESENTATIVE_PERSON.iin,
      powerOfAttorney: { kind: 'other' },
    });
    const draft = await fake.api.drafts.start({ serviceId: CASINO_2014.id, subtype: 'issue' });
    if (!representative.ok || !draft.ok) throw new Error('fake refused');
    const recorded = await fake.api.drafts.setParties(draft.value.draftId, {
      applicantSnapshotId: person.value.snapshotId,
      representativeSnapshotId: representative.value.snapshotId,
    });
    expect(recorded).toEqual({ ok: false, error: { kind: 'unknown-representative' } });
  });

  it('lets only a supervisor change settings, and only to a version of that activity', async () => {
    const { fake } = await createSignedInStore({ operator: SUPERVISOR });
    expect(await fake.api.settings.setCurrentServiceVersion('bookmaker', CASINO_2012.id)).toEqual({ ok: false, error: { kind: 'unknown-service' } });
    expect(await fake.api.settings.setCurrentServiceVersion('casino', CASINO_2012.id)).toMatchObject({ ok: true });
    const operator = await createSignedInStore();
    expect(await operator.fake.api.settings.setCalendarOverrides([])).toEqual({ ok: false, error: { kind: 'not-permitted' } });
  });
});
