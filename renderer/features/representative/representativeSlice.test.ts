import { describe, expect, it } from 'vitest';
import {
  arrangeReadyToSubmit,
  chooseService,
  confirmApplicant,
  createSignedInStore,
  fillRequiredSlots,
  findApplicant,
  findRepresentative,
  pickKey,
} from '../../test-support/arrangeStore';
import { ACTIVE_COMPANY, BOOKMAKER_2012, CASINO_2014, PROVIDER_EMPLOYEE, REPRESENTATIVE_PERSON, SECURITY_2012, UNKNOWN_VALID_IIN } from '../../test-support/fakeFixtures';
import { POA_EXPIRED, POA_FOR_COMPANY, POA_FOR_PERSON, UNKNOWN_POA_NUMBER } from '../../test-support/fakeNotaryFixtures';
import { selectDesiredParties } from '../draft/draftSelectors';
import { selectIsStepReachable } from '../workflow/workflowSelectors';
import {
  selectIsRepresentationOffered,
  selectIsRepresentativeSettled,
  selectIsRepresentativeStopped,
  selectRepresentativeCard,
  selectRepresentativeLookup,
  selectRepresentativeRule,
} from './representativeSelectors';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';

async function withApplicant(serviceId = CASINO_2014.id, applicant = '850415312343') {
  const arranged = await createSignedInStore();
  await chooseService(arranged.store, serviceId);
  await findApplicant(arranged.store, applicant, serviceId === BOOKMAKER_2012.id ? 'legal-entity' : undefined);
  return arranged;
}

describe('representative: what the regulation allows', () => {
  it('follows the workflow profile of the chosen service', async () => {
    const { store } = await createSignedInStore();
    expect(selectRepresentativeRule(store.getState())).toBeNull();
    await chooseService(store, CASINO_2014.id);
    expect(selectRepresentativeRule(store.getState())).toBe('notarised-poa-checked');
    await chooseService(store, BOOKMAKER_2012.id);
    expect(selectRepresentativeRule(store.getState())).toBe('registry-only');

    const provider = await createSignedInStore({ operator: PROVIDER_EMPLOYEE });
    await chooseService(provider.store, SECURITY_2012.id);
    expect(selectRepresentativeRule(provider.store.getState())).toBe('not-regulated');
    expect(selectIsRepresentationOffered(provider.store.getState())).toBe(false);
  });

  it('sends no PoA data under the 2012 regulations, even if a notarised PoA was chosen before', async () => {
    const { store, fake } = await withApplicant(BOOKMAKER_2012.id, ACTIVE_COMPANY.bin);
    store.getState().setRepresented(true);
    store.getState().editRepresentativeIin(REPRESENTATIVE_PERSON.iin);
    await store.getState().lookupRepresentative();
    expect(fake.callsTo('registry', 'lookupRepresentative')[0]?.args[0]).toMatchObject({ iin: REPRESENTATIVE_PERSON.iin, powerOfAttorney: { kind: 'other' } });
    expect(selectRepresentativeCard(store.getState())?.powerOfAttorney).toBeNull();
  });
});

describe('lookupRepresentative', () => {
  it('checks a notarised PoA with the trimmed number, for this service and applicant', async () => {
    const { store, fake } = await withApplicant();
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, { number: `  ${POA_FOR_PERSON.number} ` });
    const lookup = store.getState().lookup;
    expect(fake.callsTo('registry', 'lookupRepresentative')[0]?.args).toEqual([
      {
        serviceId: CASINO_2014.id,
        applicantSnapshotId: lookup.kind === 'found' ? lookup.card.snapshotId : '',
        iin: REPRESENTATIVE_PERSON.iin,
        powerOfAttorney: { kind: 'notarised', number: POA_FOR_PERSON.number },
      },
    ]);
    expect(selectRepresentativeCard(store.getState())?.powerOfAttorney?.notary).toBe(POA_FOR_PERSON.notary);
  });

  it('asks nothing while the IIN fails the checksum or the PoA number is missing', async () => {
    const { store, fake } = await withApplicant();
    store.getState().setRepresented(true);
    store.getState().editRepresentativeIin('920710401235');
    expect(await store.getState().lookupRepresentative()).toBeNull();
    store.getState().editRepresentativeIin(REPRESENTATIVE_PERSON.iin);
    expect(await store.getState().lookupRepresentative()).toBeNull();
    store.getState().editPoaNumber('№ 117');
    expect(await store.getState().lookupRepresentative()).toBeNull();
    expect(fake.callsTo('registry', 'lookupRepresentative')).toHaveLength(0);
    expect(store.getState().isRepresentativeSubmitted).toBe(true);
  });

  it('holds the documents step until the representative is checked, then records and submits them with the PoA slot', async () => {
    const { store, fake } = await withApplicant();
    store.getState().setRepresented(true);
    expect(selectIsStepReachable(store.getState(), 'documents')).toBe(false);
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, 'other');
    expect(selectIsRepresentativeSettled(store.getState())).toBe(true);
    await confirmApplicant(store);

    const card = selectRepresentativeCard(store.getState());
    expect(fake.callsTo('drafts', 'setParties').at(-1)?.args[1]).toMatchObject({ representativeSnapshotId: card?.snapshotId });
    expect(store.getState().draft?.missingRequiredSlots).toContain('power-of-attorney');
    await fillRequiredSlots(store);
    store.getState().goToStep('review');
    await pickKey(store);
    const result = await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    expect(result?.ok && result.value.representative).toEqual({
      iin: REPRESENTATIVE_PERSON.iin,
      displayName: 'Сейдахметова Дана Қайратқызы',
      powerOfAttorney: { kind: 'other' },
    });
    expect(result?.ok && result.value.documents.map((document) => document.fileName)).toContain('Сенімхат.pdf');
  });

  it('stops the application when the person or the notarised PoA is not in the registry', async () => {
    const { store } = await withApplicant();
    await findRepresentative(store, UNKNOWN_VALID_IIN, 'other');
    expect(selectIsRepresentativeStopped(store.getState())).toBe(true);
    expect(selectIsStepReachable(store.getState(), 'documents')).toBe(false);

    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, { number: UNKNOWN_POA_NUMBER });
    expect(selectRepresentativeLookup(store.getState())).toMatchObject({ kind: 'failed', error: { kind: 'power-of-attorney-not-found' } });
    expect(selectIsRepresentativeStopped(store.getState())).toBe(true);
  });

  it('keeps an invalid PoA correctable: a new number clears the answer', async () => {
    const { store } = await withApplicant();
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, { number: POA_EXPIRED.number });
    expect(selectRepresentativeLookup(store.getState())).toMatchObject({
      kind: 'failed',
      error: { kind: 'power-of-attorney-invalid', problem: { kind: 'expired', validUntil: '2024-12-31' } },
    });
    expect(selectIsRepresentativeStopped(store.getState())).toBe(false);
    store.getState().editPoaNumber(POA_FOR_COMPANY.number);
    expect(selectRepresentativeLookup(store.getState())).toEqual({ kind: 'idle' });
    await store.getState().lookupRepresentative();
    expect(selectRepresentativeLookup(store.getState())).toMatchObject({ error: { problem: { kind: 'other-principal' } } });
  });

  it('is forgotten when the applicant changes or the box is unticked', async () => {
    const { store } = await withApplicant();
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, { number: POA_FOR_PERSON.number });
    store.getState().editIdentifier('85041531234');
    expect(store.getState()).toMatchObject({ isRepresented: false, representativeIinInput: '', poaNumberInput: '', representativeLookup: { kind: 'idle' } });

    await findApplicant(store, '850415312343');
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, { number: POA_FOR_PERSON.number });
    store.getState().setRepresented(false);
    expect(store.getState().representativeIinInput).toBe('');
    expect(selectDesiredParties(store.getState())?.representativeSnapshotId).toBeNull();
  });

  it('does not count a check made for another service', async () => {
    const { store } = await withApplicant();
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, 'other');
    store.getState().selectService(BOOKMAKER_2012.id);
    store.getState().selectSubtype('issue');
    store.getState().selectService(CASINO_2014.id);
    store.getState().selectSubtype('issue');
    expect(store.getState().representativeLookup.kind).toBe('found');
    store.getState().selectService(BOOKMAKER_2012.id);
    expect(selectRepresentativeLookup(store.getState())).toEqual({ kind: 'idle' });
  });

  it('drops an answer for fields the operator has already changed', async () => {
    const { store, fake } = await withApplicant();
    let answer: () => void = () => undefined;
    const original = fake.impl.registry.lookupRepresentative;
    fake.impl.registry.lookupRepresentative = (query) => new Promise((resolve) => (answer = () => resolve(original(query))));
    store.getState().setRepresented(true);
    store.getState().editRepresentativeIin(REPRESENTATIVE_PERSON.iin);
    store.getState().choosePoaKind('other');
    const pending = store.getState().lookupRepresentative();
    await Promise.resolve();
    store.getState().editRepresentativeIin(UNKNOWN_VALID_IIN);
    answer();
    await pending;
    expect(store.getState().representativeLookup).toEqual({ kind: 'idle' });
  });

  it('ends the session when main answers not-signed-in', async () => {
    const { store, fake } = await withApplicant();
    fake.expireSession();
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, 'other');
    expect(store.getState().operator).toBeNull();
    expect(store.getState().sessionNotice).toBe('session-expired');
    expect(store.getState().representativeIinInput).toBe('');
  });

  it('lets a stale representative check surface as unknown-representative at submission', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    fake.impl.submissions.submitDraft = async () => ({ ok: false, error: { kind: 'unknown-representative' } });
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    expect(store.getState().submission).toEqual({ kind: 'failed', error: { kind: 'unknown-representative' } });
  });
});
