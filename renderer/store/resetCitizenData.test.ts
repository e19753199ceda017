import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, createSignedInStore, findApplicant, findRepresentative, pdfFileSource } from '../test-support/arrangeStore';
import { REPRESENTATIVE_PERSON } from '../test-support/fakeFixtures';
import { POA_FOR_PERSON } from '../test-support/fakeNotaryFixtures';

/** Everything of the applicant that must not outlive the session: identifiers, names, address, files. */
const CITIZEN_TRACES = ['850415312343', 'Жұмабеков', 'Ерғали', 'Жеңіс даңғылы', 'Ұлытау Ойын', 'passport-scan.pdf', 'KZ-LIC-2025', 'WS01-'];

function serialisedData(state: object): string {
  return JSON.stringify(state, (_key, value: unknown) => (typeof value === 'function' ? undefined : value));
}

describe('citizen data in the store', () => {
  it('is all gone after logout: no IIN, name, address, document or number remains', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().submitApplication();
    await store.getState().loadApplications();
    const before = serialisedData(store.getState());
    for (const trace of CITIZEN_TRACES) expect(before).toContain(trace);

    await store.getState().logout();

    const after = serialisedData(store.getState());
    for (const trace of CITIZEN_TRACES) expect(after).not.toContain(trace);
    expect(store.getState().operator).toBeNull();
    expect(store.getState().documents).toEqual([]);
    expect(store.getState().applicationsLoad).toEqual({ kind: 'idle' });
  });

  it('is all gone after logout with a representative too: IIN, name, PoA number and notary', async () => {
    const { store } = await createSignedInStore();
    chooseService(store);
    await findApplicant(store, '850415312343');
    await findRepresentative(store, REPRESENTATIVE_PERSON.iin, { number: POA_FOR_PERSON.number });
    store.getState().goToStep('documents');
    await store.getState().attachDocument(pdfFileSource());
    store.getState().goToStep('review');
    await store.getState().loadDeadlinePreview();
    await store.getState().submitApplication();
    await store.getState().loadApplications();
    const traces = [REPRESENTATIVE_PERSON.iin, 'Сейдахметова', POA_FOR_PERSON.number, 'Бекова Ләззат', 'Қабанбай батыр'];
    const before = serialisedData(store.getState());
    for (const trace of traces) expect(before).toContain(trace);

    await store.getState().logout();

    const after = serialisedData(store.getState());
    for (const trace of traces) expect(after).not.toContain(trace);
    expect(store.getState().deadlinePreview).toEqual({ kind: 'idle' });
  });

  it('drops a registry answer that arrives after logout', async () => {
    const { store, fake } = await createSignedInStore();
    chooseService(store);
    let answer: () => void = () => undefined;
    const original = fake.impl.registry.lookupApplicant;
    fake.impl.registry.lookupApplicant = (query) => new Promise((resolve) => (answer = () => resolve(original(query))));

    store.getState().editIdentifier('850415312343');
    const pending = store.getState().lookupApplicant();
    await Promise.resolve();
    await store.getState().logout();
    answer();
    await pending;

    expect(serialisedData(store.getState())).not.toContain('Жұмабеков');
    expect(store.getState().lookup).toEqual({ kind: 'idle' });
  });

  it('is wiped by "New application" but keeps the operator and the catalog', async () => {
    const { store } = await arrangeReadyToSubmit();
    await store.getState().submitApplication();
    await store.getState().startNewApplication();
    const state = serialisedData(store.getState());
    for (const trace of CITIZEN_TRACES) expect(state).not.toContain(trace);
    expect(store.getState().operator).not.toBeNull();
    expect(store.getState().services.length).toBeGreaterThan(0);
  });
});
