import { describe, expect, it } from 'vitest';
import { arrangeReadyToSubmit, chooseService, createSignedInStore, pickKey } from '../../test-support/arrangeStore';
import { CASINO_2014, PROVIDER_EMPLOYEE, SECURITY_2012 } from '../../test-support/fakeFixtures';
import { FAKE_KEY_PASSWORD, fakeKeyFileBase64 } from '../../test-support/fakeSigningKeys';
import { selectIsSigningReady, selectIsSigningRequired, selectKeyProblem, signingRequestOf } from './signingSelectors';

describe('signing selectors', () => {
  it('require the operator’s EDS by the catalog entry of the chosen service', async () => {
    const psc = await createSignedInStore();
    expect(selectIsSigningRequired(psc.store.getState())).toBe(false);
    await chooseService(psc.store, CASINO_2014.id);
    expect(selectIsSigningRequired(psc.store.getState())).toBe(true);

    const provider = await createSignedInStore({ operator: PROVIDER_EMPLOYEE });
    await chooseService(provider.store, SECURITY_2012.id);
    expect(selectIsSigningRequired(provider.store.getState())).toBe(false);
    expect(signingRequestOf(provider.store.getState(), FAKE_KEY_PASSWORD)).toEqual({ kind: 'not-required' });
    expect(selectIsSigningReady(provider.store.getState(), false)).toBe(true);
  });

  it('build the signing method from the chosen key and the password typed for this attempt', async () => {
    const { store } = await createSignedInStore();
    await chooseService(store);
    expect(signingRequestOf(store.getState(), FAKE_KEY_PASSWORD)).toEqual({ kind: 'incomplete' });
    await pickKey(store);
    expect(signingRequestOf(store.getState(), '')).toEqual({ kind: 'incomplete' });
    expect(selectIsSigningReady(store.getState(), false)).toBe(false);
    expect(selectIsSigningReady(store.getState(), true)).toBe(true);
    expect(signingRequestOf(store.getState(), FAKE_KEY_PASSWORD)).toEqual({
      kind: 'ready',
      method: { kind: 'key-file', key: { kind: 'file', fileName: 'operator.p12', path: null, bytesBase64: fakeKeyFileBase64('valid') }, password: FAKE_KEY_PASSWORD },
    });
    store.getState().chooseSigningMethod('ncalayer');
    expect(signingRequestOf(store.getState(), '')).toEqual({ kind: 'ready', method: { kind: 'ncalayer' } });
  });

  it('show the last signing attempt’s problem before the last check’s, and none after another method is chosen', async () => {
    const { store, fake } = await arrangeReadyToSubmit();
    await store.getState().checkKey(FAKE_KEY_PASSWORD);
    expect(selectKeyProblem(store.getState())).toBeNull();
    fake.signing.setRevocationList('stale');
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    expect(selectKeyProblem(store.getState())).toEqual({ kind: 'revocation-list-stale', fetchedAt: '2025-02-20T09:00:00.000Z' });

    store.getState().chooseSigningMethod('ncalayer');
    expect(selectKeyProblem(store.getState())).toBeNull();
    fake.signing.setAgent({ kind: 'cancelled' });
    await store.getState().submitApplication();
    expect(selectKeyProblem(store.getState())).toEqual({ kind: 'agent-cancelled' });
  });
});
