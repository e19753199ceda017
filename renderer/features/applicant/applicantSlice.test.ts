import { describe, expect, it } from 'vitest';
import { chooseService, createSignedInStore, findApplicant } from '../../test-support/arrangeStore';
import { UNKNOWN_VALID_IIN } from '../../test-support/fakeFixtures';

describe('lookupApplicant', () => {
  it('does not ask the registry for a number that fails the checksum', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '850415312344');
    expect(fake.callsTo('registry', 'lookupApplicant')).toHaveLength(0);
    expect(store.getState().isIdentifierSubmitted).toBe(true);
  });

  it('asks the registry matching the chosen kind', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, '150840123461', 'legal-entity');
    expect(fake.callsTo('registry', 'lookupApplicant')[0]?.args).toEqual([{ kind: 'legal-entity', bin: '150840123461' }]);
    expect(store.getState().lookup.kind).toBe('found');
  });

  it('keeps not-found as the answer so the application cannot go on', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    await findApplicant(store, UNKNOWN_VALID_IIN);
    expect(store.getState().lookup).toEqual({ kind: 'failed', error: { kind: 'not-found' } });
    expect(store.getState().goToStep('documents')).toBe(false);
  });

  it('drops an answer for a number the operator has already changed', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    let answer: () => void = () => undefined;
    const original = fake.impl.registry.lookupApplicant;
    fake.impl.registry.lookupApplicant = (query) => new Promise((resolve) => (answer = () => resolve(original(query))));

    store.getState().editIdentifier('850415312343');
    const pending = store.getState().lookupApplicant();
    await Promise.resolve();
    store.getState().editIdentifier('150840123461');
    answer();
    await pending;
    expect(store.getState().lookup).toEqual({ kind: 'idle' });
  });

  it('ends the session when main answers not-signed-in', async () => {
    const { store, fake } = await createSignedInStore();
    await chooseService(store);
    fake.expireSession();
    await findApplicant(store, '850415312343');
    expect(store.getState().operator).toBeNull();
    expect(store.getState().sessionNotice).toBe('session-expired');
    expect(store.getState().identifierInput).toBe('');
  });
});
