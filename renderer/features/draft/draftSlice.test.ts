import { describe, expect, it } from 'vitest';
import { chooseService, confirmApplicant, createSignedInStore, findApplicant, findRepresentative } from '../../test-support/arrangeStore';
import { REPRESENTATIVE_PERSON } from '../../test-support/fakeFixtures';
import { selectAreDraftPartiesRecorded, selectDesiredParties } from './draftSelectors';

describe('draft slice', () => {
  it('records the applicant, then the representative with the power-of-attorney slot, and drops it again', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '850415312343');
    expect(selectAreDraftPartiesRecorded(store.getState())).toBe(false);
    await confirmApplicant(store);
    expect(store.getState().draft?.applicantDisplayName).toBe('Жұмабеков Ерғали Өмірұлы');
    expect(store.getState().draft?.slots.map((slot) => slot.slotId)).not.toContain('power-of-attorney');

    store.getState().goToStep('applicant');
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, 'other');
    await confirmApplicant(store);
    expect(store.getState().draft?.slots.find((slot) => slot.slotId === 'power-of-attorney')?.required).toBe(true);

    store.getState().goToStep('applicant');
    store.getState().setRepresented(false);
    await confirmApplicant(store);
    expect(store.getState().draft?.slots.map((slot) => slot.slotId)).not.toContain('power-of-attorney');
    expect(fake.callsTo('drafts', 'setParties').map((call) => (call.args[1] as { representativeSnapshotId: string | null }).representativeSnapshotId === null)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('keeps the operator on the applicant step with a message when main refuses the parties', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '850415312343');
    fake.impl.drafts.setParties = async () => ({ ok: false, error: { kind: 'unknown-applicant' } });
    await store.getState().confirmApplicant();
    expect(store.getState().step).toBe('applicant');
    expect(store.getState().draftProblem).toEqual({ operation: 'parties', error: { kind: 'unknown-applicant' } });
  });

  it('ends the session when main answers not-signed-in while opening the draft', async () => {
    const { store, fake } = await createSignedInStore();
    fake.expireSession();
    store.getState().selectService('002-a2-casino-2014');
    store.getState().selectSubtype('issue');
    await store.getState().beginApplication();
    expect(store.getState().operator).toBeNull();
    expect(store.getState().sessionNotice).toBe('session-expired');
  });

  it('wants no parties recorded before an applicant is accepted', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    expect(selectDesiredParties(store.getState())).toBeNull();
    expect(await store.getState().confirmApplicant()).toBeNull();
  });
});
