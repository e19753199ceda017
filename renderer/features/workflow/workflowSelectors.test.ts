import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, CASINO_2014, OTHER_PERSON } from '../../test-support/fakeFixtures';
import { APPLICATION_STEPS } from './applicationSteps';
import { selectCanAdvance, selectHasDraft, selectIsStepDone, selectIsStepReachable } from './workflowSelectors';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';

const reachableSteps = (state: Parameters<typeof selectIsStepReachable>[0]) =>
  APPLICATION_STEPS.filter((step) => selectIsStepReachable(state, step));

describe('workflow selectors', () => {
  it('opens each step only when the ones before it are complete and recorded in main’s draft', async () => {
    const { store } = await createSignedInStore();
    expect(reachableSteps(store.getState())).toEqual(['service']);
    store.getState().selectService(CASINO_2014.id);
    expect(selectCanAdvance(store.getState())).toBe(false);
    store.getState().selectSubtype('issue');
    expect(selectCanAdvance(store.getState())).toBe(true);
    expect(reachableSteps(store.getState())).toEqual(['service']);
    await store.getState().advance();
    expect(reachableSteps(store.getState())).toEqual(['service', 'applicant']);
    await findApplicant(store, '850415312343');
    expect(selectCanAdvance(store.getState())).toBe(true);
    expect(reachableSteps(store.getState())).toEqual(['service', 'applicant']);
    await store.getState().advance();
    expect(store.getState().step).toBe('documents');
    expect(reachableSteps(store.getState())).toEqual(['service', 'applicant', 'documents']);
    expect(selectIsStepDone(store.getState(), 'applicant')).toBe(true);
    expect(selectIsStepDone(store.getState(), 'documents')).toBe(false);
    expect(selectCanAdvance(store.getState())).toBe(false);
    await fillRequiredSlots(store);
    expect(reachableSteps(store.getState())).toEqual(APPLICATION_STEPS);
  });

  it('keeps documents closed for a deceased applicant', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '901120412403');
    expect(store.getState().lookup.kind).toBe('found');
    expect(selectCanAdvance(store.getState())).toBe(false);
    expect(selectIsStepReachable(store.getState(), 'documents')).toBe(false);
  });

  it('closes the documents again when another applicant is looked up, until Next records them', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '850415312343');
    await confirmApplicant(store);
    store.getState().goToStep('applicant');
    await findApplicant(store, OTHER_PERSON.iin);
    expect(selectIsStepReachable(store.getState(), 'documents')).toBe(false);
    await confirmApplicant(store);
    expect(fake.callsTo('drafts', 'setParties')).toHaveLength(2);
  });

  it('closes every step once the application is submitted', async () => {
    const { store } = await arrangeReadyToSubmit();
    expect(reachableSteps(store.getState())).toEqual(APPLICATION_STEPS);
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    expect(reachableSteps(store.getState())).toEqual([]);
    expect(selectHasDraft(store.getState())).toBe(false);
  });

  it('returns to a fresh step 1 when the journal is left after a submission', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    store.getState().openJournal();
    store.getState().openApplication();
    expect(store.getState().view).toBe('application');
    expect(store.getState().step).toBe('service');
    expect(store.getState().submission).toEqual({ kind: 'idle' });
  });

  it('returns to the draft in progress when the journal is left before submitting', async () => {
    const { store } = await arrangeReadyToSubmit();
    store.getState().openJournal();
    store.getState().openApplication();
    expect(store.getState().step).toBe('review');
    expect(store.getState().draft?.missingRequiredSlots).toEqual([]);
  });
});

describe('the draft in main', () => {
  it('is opened by the service step’s Next, and only once for the same choice', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    store.getState().goToStep('service');
    await store.getState().advance();
    expect(fake.callsTo('drafts', 'start').map((call) => call.args)).toEqual([[{ serviceId: CASINO_2014.id, subtype: 'issue' }]]);
    expect(store.getState().draft?.slots.map((slot) => slot.slotId)).toEqual(['application', 'identity', 'fee-receipt', 'qualification', 'reissue-grounds', 'other']);
  });

  it('is replaced when another service or subtype is chosen: its slots depend on them', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    const first = store.getState().draft!.draftId;
    store.getState().goToStep('service');
    await chooseService(store, CASINO_2014.id, 'reissue');
    expect(fake.callsTo('drafts', 'discard').map((call) => call.args)).toEqual([[first]]);
    expect(store.getState().draft?.subtype).toBe('reissue');
    expect(store.getState().draft?.missingRequiredSlots).toEqual(['application', 'identity', 'fee-receipt', 'reissue-grounds']);
    store.getState().goToStep('service');
    await chooseService(store, BOOKMAKER_2012.id);
    expect(fake.drafts.all.filter((draft) => draft.state === 'open')).toHaveLength(1);
  });

  it('is discarded in main by "Cancel application", which then offers back any other unfinished one', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const draftId = store.getState().draft!.draftId;
    await store.getState().startNewApplication();
    expect(fake.callsTo('drafts', 'discard').map((call) => call.args)).toEqual([[draftId]]);
    expect(store.getState().step).toBe('service');
    expect(store.getState().draft).toBeNull();
    expect(store.getState().openDrafts).toEqual({ kind: 'loaded', drafts: [] });
  });

  it('explains a service main no longer offers', async () => {
    const { store, fake } = await createSignedInStore();
    fake.impl.drafts.start = async () => ({ ok: false, error: { kind: 'unknown-service' } });
    store.getState().selectService(CASINO_2014.id);
    store.getState().selectSubtype('issue');
    await store.getState().advance();
    expect(store.getState().step).toBe('service');
    expect(store.getState().draftProblem).toEqual({ operation: 'start', error: { kind: 'unknown-service' } });
  });
});
