import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { createSignedInStore, createTestStore } from '../../test-support/arrangeStore';

afterEach(cleanup);

describe('LanguageSwitch', () => {
  it('starts in the language main reports and persists a switch', async () => {
    const { store, fake } = createTestStore({ language: 'ru' });
    render(<App store={store} />);
    expect((await screen.findByTestId('login-submit')).textContent).toBe('Войти');
    expect(screen.getByTestId('language-ru').getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(screen.getByTestId('language-kk'));
    expect((await screen.findByTestId('login-submit')).textContent).toBe('Кіру');
    expect(fake.callsTo('system', 'setLanguage').map((call) => call.args)).toEqual([['kk']]);
    expect(document.documentElement.lang).toBe('kk');
    expect(document.title).toBe('ХҚО жұмыс орны');
  });

  it('switches the whole workspace from the header', async () => {
    const { store } = await createSignedInStore();
    render(<App store={store} />);
    expect((await screen.findByTestId('nav-applications')).textContent).toBe('Өтініштер журналы');
    fireEvent.click(screen.getByTestId('language-en'));
    expect((await screen.findByTestId('nav-applications')).textContent).toBe('Applications');
    expect(screen.getByText('Choose the service')).toBeTruthy();
    expect(screen.getByTestId('logout').textContent).toBe('Log out');
  });
});
