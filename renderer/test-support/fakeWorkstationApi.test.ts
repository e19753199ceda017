import { FAKE_KEYS } from './fakeSigningKeys';
import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant } from './arrangeStore';
import { ACTIVE_COMPANY, BOOKMAKER_2012, CASINO_2012, CASINO_2014, PROVIDER_EMPLOYEE, PSC_OPERATOR, REPRESENTATIVE_PERSON, SECURITY_2012, SUPERVISOR } from './fakeFixtures';
import { POA_FOR_COMPANY } from './fakeNotaryFixtures';
import { FAKE_KEY_FILE_NAMES, FAKE_KEY_NAMES, FAKE_KEY_PASSWORD, fakeKeyFileBase64, type FakeKeyName } from './fakeSigningKeys';

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

  it('judges each fake key file as main would: opens it with its password, then checks the certificate against the operator', async () => {
    const { fake } = await createSignedInStore();
    const inspect = async (name: FakeKeyName, password = FAKE_KEY_PASSWORD) => {
      const result = await fake.api.signing.inspectKey({ kind: 'file', fileName: FAKE_KEY_FILE_NAMES[name], path: null, bytesBase64: fakeKeyFileBase64(name) }, password);
      return result.ok ? (result.value.problem ?? 'may sign') : result.error;
    };
    const verdicts = Object.fromEntries(await Promise.all(FAKE_KEY_NAMES.map(async (name) => [name, await inspect(name)] as const)));
    expect(verdicts).toEqual({
      valid: 'may sign',
      expired: { kind: 'expired', notAfter: '2024-01-10T12:00:00.000Z' },
      notYetValid: { kind: 'not-yet-valid', notBefore: '2025-06-01T12:00:00.000Z' },
      revoked: { kind: 'revoked' },
      wrongIin: { kind: 'iin-mismatch', certificateIin: '780223304561' },
      authOnly: { kind: 'not-a-signing-key' },
      otherCa: { kind: 'untrusted-issuer' },
      certificateOnly: { kind: 'no-private-key' },
    });
    expect(await inspect('valid', 'wrong')).toEqual({ kind: 'wrong-password' });
    const notAKey = await fake.api.signing.inspectKey({ kind: 'file', fileName: 'photo.p12', path: null, bytesBase64: btoa('JFIF') }, FAKE_KEY_PASSWORD);
    expect(notAKey).toEqual({ ok: false, error: { kind: 'not-a-key-file' } });
    fake.signing.setRevocationList('never-fetched');
    expect(await inspect('valid')).toEqual({ kind: 'revocation-list-stale', fetchedAt: null });
    // Another person's key is the more useful answer than an old list, as main judges it.
    expect(await inspect('wrongIin')).toEqual({ kind: 'iin-mismatch', certificateIin: '780223304561' });
  });

  it('remembers the key file that opened, reopenable only with a path, and never its password', async () => {
    const { fake } = await createSignedInStore();
    expect(await fake.api.signing.rememberedKey()).toEqual({ ok: true, value: null });
    const key = { kind: 'file', fileName: 'operator.p12', path: null, bytesBase64: fakeKeyFileBase64('valid') } as const;
    await fake.api.signing.inspectKey(key, 'wrong');
    expect(await fake.api.signing.rememberedKey()).toEqual({ ok: true, value: null });
    await fake.api.signing.inspectKey(key, FAKE_KEY_PASSWORD);
    expect(await fake.api.signing.rememberedKey()).toEqual({ ok: true, value: { fileName: 'operator.p12', reopenable: false } });
    expect(await fake.api.signing.inspectKey({ kind: 'remembered' }, FAKE_KEY_PASSWORD)).toEqual({ ok: false, error: { kind: 'key-file-unavailable' } });
    await fake.api.signing.inspectKey({ ...key, path: 'D:\\keys\\operator.p12' }, FAKE_KEY_PASSWORD);
    expect(await fake.api.signing.rememberedKey()).toEqual({ ok: true, value: { fileName: 'operator.p12', reopenable: true } });
    expect(JSON.stringify(fake.signing.rememberedOf(PSC_OPERATOR.operatorId))).not.toContain(FAKE_KEY_PASSWORD);
  });

  it('demands a signature for EDS services and refuses one for services without it', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const draftId = store.getState().draft!.draftId;
    expect(await fake.api.submissions.submitDraft(draftId, null)).toEqual({ ok: false, error: { kind: 'signature-required' } });
    fake.signing.setAgent({ kind: 'signs', key: 'revoked' });
    // As main: NCALayer's refused key comes with its card, so the operator sees whose key it was.
    expect(await fake.api.submissions.submitDraft(draftId, { kind: 'ncalayer' })).toEqual({
      ok: false,
      error: { kind: 'signing-failed', problem: { kind: 'revoked' }, card: expect.objectContaining({ serialHex: FAKE_KEYS.revoked.serialHex, algorithm: 'RSA' }) },
    });
    expect(fake.drafts.all.find((draft) => draft.draftId === draftId)?.state).toBe('open');

    const provider = await createSignedInStore({ operator: PROVIDER_EMPLOYEE });
    await chooseService(provider.store, SECURITY_2012.id);
    await findApplicant(provider.store, ACTIVE_COMPANY.bin, 'legal-entity');
    await confirmApplicant(provider.store);
    await fillRequiredSlots(provider.store);
    await expect(provider.fake.api.submissions.submitDraft(provider.store.getState().draft!.draftId, { kind: 'ncalayer' })).rejects.toThrow(/takes no operator signature/);
  });
});
