import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { createTestStore } from '../../test-support/arrangeStore';

afterEach(cleanup);

describe('installation state screens', () => {
  it('an installed workstation without a backend shows the administrator screen and no login', async () => {
    const { store } = createTestStore({ backendMode: 'not-configured' });
    render(<App store={store} />);
    const screenNode = await screen.findByTestId('not-configured-screen');
    expect(screenNode.textContent).toContain('әкімшіге хабарласыңыз');
    expect(screenNode.textContent).toContain('/etc/psc-workstation/admin.json');
    expect(screen.queryByTestId('login-username')).toBeNull();
  });

  it('training mode keeps its banner over the login screen', async () => {
    const { store } = createTestStore({ trainingMode: true });
    render(<App store={store} />);
    await screen.findByTestId('login-username');
    expect(screen.getByTestId('training-banner').textContent).toContain('ОҚУ РЕЖИМІ / УЧЕБНЫЙ РЕЖИМ');
  });

  it('a key kept without the OS key store keeps its warning on screen', async () => {
    const { store } = createTestStore({ keyStoreWarning: true, language: 'en' });
    render(<App store={store} />);
    await screen.findByTestId('login-username');
    expect(screen.getByTestId('key-store-warning').textContent).toContain('not protected by the system key store');
  });

  it('no banner outside training mode', async () => {
    const { store } = createTestStore();
    render(<App store={store} />);
    await screen.findByTestId('login-username');
    expect(screen.queryByTestId('training-banner')).toBeNull();
    expect(screen.queryByTestId('key-store-warning')).toBeNull();
  });
});
