import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, createSignedInStore, findApplicant } from '../../test-support/arrangeStore';
import { APPLICATION_STEPS } from './applicationSteps';
import { selectCanAdvance, selectHasDraft, selectIsStepDone, selectIsStepReachable } from './workflowSelectors';

const reachableSteps = (state: Parameters<typeof selectIsStepReachable>[0]) =>
  APPLICATION_STEPS.filter((step) => selectIsStepReachable(state, step));

describe('workflow selectors', () => {
  it('opens each step only when the ones before it are complete', async () => {
    const { store } = await createSignedInStore();
    expect(reachableSteps(store.getState())).toEqual(['service']);
    store.getState().selectService('002-a2-casino-2014');
    expect(selectCanAdvance(store.getState())).toBe(false);
    chooseService(store);
    expect(reachableSteps(store.getState())).toEqual(['service', 'applicant']);
    await findApplicant(store, '850415312343');
    expect(reachableSteps(store.getState())).toEqual(['service', 'applicant', 'documents']);
    expect(selectIsStepDone(store.getState(), 'applicant')).toBe(true);
    expect(selectIsStepDone(store.getState(), 'documents')).toBe(false);
  });

  it('keeps documents closed for a deceased applicant', async () => {
    const { store } = await createSignedInStore();
    chooseService(store);
    await findApplicant(store, '901120412403');
    expect(store.getState().lookup.kind).toBe('found');
    expect(selectIsStepReachable(store.getState(), 'documents')).toBe(false);
  });

  it('closes every step once the application is submitted', async () => {
    const { store } = await arrangeReadyToSubmit();
    expect(reachableSteps(store.getState())).toEqual(APPLICATION_STEPS);
    await store.getState().submitApplication();
    expect(reachableSteps(store.getState())).toEqual([]);
    expect(selectHasDraft(store.getState())).toBe(false);
  });

  it('returns to a fresh step 1 when the journal is left after a submission', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().submitApplication();
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
    expect(store.getState().documents).toHaveLength(1);
  });

  it('discards the documents of an abandoned draft in main', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    const [document] = store.getState().documents;
    await store.getState().startNewApplication();
    expect(fake.callsTo('documents', 'discardDocument').map((call) => call.args)).toEqual([[document!.documentId]]);
    expect(store.getState().step).toBe('service');
  });
});
