import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { createSignedInStore, createTestStore } from '../../test-support/arrangeStore';
import { OPERATOR_PASSWORD, PSC_OPERATOR } from '../../test-support/fakeFixtures';

afterEach(cleanup);

describe('session', () => {
  it('resumes a session main still holds (a reload of the browser host)', async () => {
    const { store, fake } = createTestStore();
    await fake.impl.session.login({ login: PSC_OPERATOR.login, password: OPERATOR_PASSWORD });
    render(<App store={store} />);
    expect((await screen.findByTestId('operator-name')).textContent).toBe(PSC_OPERATOR.fullName);
  });

  it('returns to the login screen with a notice when main answers not-signed-in', async () => {
    const { store, fake } = await createSignedInStore();
    fake.expireSession();
    render(<App store={store} />);
    await store.getState().loadApplications();
    expect(await screen.findByText('Сеанс аяқталды. Жұмысты жалғастыру үшін қайта кіріңіз.')).toBeTruthy();
    expect(screen.getByTestId('login-username')).toBeTruthy();
  });

  it('tells main about the logout', async () => {
    const { store, fake } = await createSignedInStore();
    await store.getState().logout();
    expect(fake.callsTo('session', 'logout')).toHaveLength(1);
    expect(await fake.api.session.current()).toEqual({ ok: true, value: null });
  });
});
