import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chooseService, createSignedInStore, createTestStore } from '../test-support/arrangeStore';
import { App } from './App';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ConnectionErrorBoundary', () => {
  it('shows the connection-lost banner when the host cannot be reached at start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store, fake } = createTestStore();
    fake.impl.system.about = () => Promise.reject(new Error('HTTP 401'));
    render(<App store={store} />);
    expect((await screen.findByTestId('connection-error')).textContent).toContain('Жұмыс орны қызметімен байланыс үзілді');
  });

  it('shows it when a call throws in the middle of the work, and logs the error once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { store, fake } = await createSignedInStore({ language: 'en' });
    await chooseService(store);
    fake.impl.registry.lookupApplicant = () => Promise.reject(new TypeError('Failed to fetch'));
    render(<App store={store} />);
    fireEvent.change(await screen.findByTestId('applicant-id'), { target: { value: '850415312343' } });
    fireEvent.click(screen.getByTestId('applicant-lookup'));

    expect((await screen.findByTestId('connection-error')).textContent).toContain('Connection to the workstation service lost');
    expect(log.mock.calls.some((call) => call[0] === 'Unexpected renderer error')).toBe(true);
  });
});
