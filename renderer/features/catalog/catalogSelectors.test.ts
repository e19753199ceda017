import { describe, expect, it } from 'vitest';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, CASINO_2014, FAKE_SERVICES, PROVIDER_EMPLOYEE, SECURITY_2012 } from '../../test-support/fakeFixtures';
import { filterServicesByQuery, selectOfferedServices, selectSelectedService, selectVisibleServices } from './catalogSelectors';

describe('catalog selectors', () => {
  it('offers a PSC operator only the services a PSC operator performs', async () => {
    const { store } = await createSignedInStore();
    expect(selectOfferedServices(store.getState()).map((service) => service.id)).toEqual([BOOKMAKER_2012.id, CASINO_2014.id]);
  });

  it('offers a provider employee only the provider services', async () => {
    const { store } = await createSignedInStore({ operator: PROVIDER_EMPLOYEE });
    expect(selectOfferedServices(store.getState()).map((service) => service.id)).toEqual([SECURITY_2012.id]);
  });

  it('finds a service by a word of its title in any language, case-insensitively', () => {
    expect(filterServicesByQuery(FAKE_SERVICES, 'КАЗИНО').map((s) => s.id)).toEqual([CASINO_2014.id]);
    expect(filterServicesByQuery(FAKE_SERVICES, 'букмекер').map((s) => s.id)).toEqual([BOOKMAKER_2012.id]);
    expect(filterServicesByQuery(FAKE_SERVICES, 'security').map((s) => s.id)).toEqual([SECURITY_2012.id]);
    expect(filterServicesByQuery(FAKE_SERVICES, 'күзет лицензия').map((s) => s.id)).toEqual([SECURITY_2012.id]);
    expect(filterServicesByQuery(FAKE_SERVICES, '  ')).toBe(FAKE_SERVICES);
    expect(filterServicesByQuery(FAKE_SERVICES, 'лотерея')).toEqual([]);
  });

  it('combines the workplace filter with the search text', async () => {
    const { store } = await createSignedInStore();
    store.getState().setServiceQuery('security');
    expect(selectVisibleServices(store.getState())).toEqual([]);
    store.getState().setServiceQuery('licence');
    expect(selectVisibleServices(store.getState()).map((s) => s.id)).toEqual([BOOKMAKER_2012.id, CASINO_2014.id]);
  });

  it('does not treat a service of another workplace as selected', async () => {
    const { store } = await createSignedInStore();
    store.getState().selectService(SECURITY_2012.id);
    expect(selectSelectedService(store.getState())).toBeNull();
    store.getState().selectService(CASINO_2014.id);
    expect(selectSelectedService(store.getState())?.id).toBe(CASINO_2014.id);
  });

  it('drops the subtype when another service is chosen', async () => {
    const { store } = await createSignedInStore();
    store.getState().selectService(CASINO_2014.id);
    store.getState().selectSubtype('duplicate');
    store.getState().selectService(BOOKMAKER_2012.id);
    expect(store.getState().selectedSubtype).toBeNull();
  });
});
