import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../../core/result';
import { App } from '../../app/App';
import { createTestStore } from '../../test-support/arrangeStore';
import { OPERATOR_PASSWORD, PSC_OPERATOR } from '../../test-support/fakeFixtures';

afterEach(cleanup);

/** Waits for the login screen (the app first asks main for the language and any open session). */
async function fillLogin(login: string, password: string) {
  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: login } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
}

describe('LoginScreen', () => {
  it('signs in and shows the operator and workplace in the header', async () => {
    const { store } = createTestStore();
    render(<App store={store} />);
    await fillLogin(PSC_OPERATOR.login, OPERATOR_PASSWORD);
    fireEvent.click(screen.getByTestId('login-submit'));

    expect(await screen.findByTestId('operator-name')).toHaveProperty('textContent', 'Сейітова Әйгерім Нұрланқызы');
    expect(screen.getByTestId('workplace-name').textContent).toBe('Астана қ. №2 ХҚО');
    expect(screen.getByTestId('service-search')).toBeTruthy();
  });

  it('submits with Enter from the password field', async () => {
    const { store, fake } = createTestStore();
    render(<App store={store} />);
    await fillLogin(PSC_OPERATOR.login, OPERATOR_PASSWORD);
    fireEvent.submit(screen.getByTestId('login-password').closest('form')!);
    await screen.findByTestId('operator-name');
    expect(fake.callsTo('session', 'login')[0]?.args).toEqual([{ login: PSC_OPERATOR.login, password: OPERATOR_PASSWORD }]);
  });

  it('says the login or password is wrong, clears the password and keeps the login', async () => {
    const { store } = createTestStore();
    render(<App store={store} />);
    await fillLogin(PSC_OPERATOR.login, 'wrong');
    fireEvent.click(screen.getByTestId('login-submit'));

    expect((await screen.findByTestId('login-error')).textContent).toBe('Логин немесе құпиясөз қате. Қайта енгізіңіз.');
    // The refusal reaches the store a moment before the screen clears the field (a busy machine shows the gap).
    await waitFor(() => expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe(''));
    expect((screen.getByTestId('login-username') as HTMLInputElement).value).toBe(PSC_OPERATOR.login);
    expect(screen.queryByTestId('operator-name')).toBeNull();
  });

  it('says the licensing backend is unavailable, in the chosen language', async () => {
    const { store } = createTestStore({ isBackendAvailable: false, language: 'ru' });
    render(<App store={store} />);
    await fillLogin(PSC_OPERATOR.login, OPERATOR_PASSWORD);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Система «Е-лицензирование» сейчас не отвечает. Повторите попытку через минуту.',
    );
  });

  it('shows the busy state and refuses a second click while checking', async () => {
    const { store, fake } = createTestStore();
    let release: () => void = () => undefined;
    const original = fake.impl.session.login;
    fake.impl.session.login = (request) => new Promise((resolve) => (release = () => resolve(original(request))));
    render(<App store={store} />);
    await fillLogin(PSC_OPERATOR.login, OPERATOR_PASSWORD);
    fireEvent.click(screen.getByTestId('login-submit'));

    const button = await screen.findByText('Тексерілуде…');
    expect(button).toHaveProperty('disabled', true);
    fireEvent.click(button);
    release();
    await screen.findByTestId('operator-name');
    expect(fake.callsTo('session', 'login')).toHaveLength(1);
  });

  it('keeps the submit button disabled until both fields are filled', async () => {
    const { store } = createTestStore();
    render(<App store={store} />);
    const submit = await screen.findByTestId('login-submit');
    expect(submit).toHaveProperty('disabled', true);
    await fillLogin(PSC_OPERATOR.login, OPERATOR_PASSWORD);
    expect(submit).toHaveProperty('disabled', false);
  });

  it('says until when a locked-out login is refused', async () => {
    const { store, fake } = createTestStore();
    const until = new Date(2026, 10, 23, 11, 45).toISOString();
    fake.impl.session.login = async () => err({ kind: 'locked-out', until });
    render(<App store={store} />);
    await fillLogin(PSC_OPERATOR.login, OPERATOR_PASSWORD);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('login-error')).textContent).toBe('Сәтсіз әрекеттер тым көп. Бұл логинмен кіру 11:45 дейін бұғатталды.');
  });

  it('marks an offline sign-in in the header', async () => {
    const { store, fake } = createTestStore();
    const online = fake.impl.session.login;
    fake.impl.session.login = async (request) => {
      const answer = await online(request);
      return answer.ok ? ok({ ...answer.value, offline: true }) : answer;
    };
    render(<App store={store} />);
    await fillLogin(PSC_OPERATOR.login, OPERATOR_PASSWORD);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('offline-sign-in')).textContent).toBe('Офлайн кіру');
  });
});
