import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreProvider } from '../../store/StoreProvider';
import { createTestStore } from '../../test-support/arrangeStore';
import { OPERATOR_PASSWORD, SUPERVISOR } from '../../test-support/fakeFixtures';
import { PrinterSettings } from './PrinterSettings';

afterEach(cleanup);

describe('PrinterSettings', () => {
  it('lists the system printers with their problems and saves the chosen one', async () => {
    const { store, fake } = createTestStore({ language: 'en' });
    await store.getState().loadPreferences();
    await store.getState().login({ login: SUPERVISOR.login, password: OPERATOR_PASSWORD });
    render(
      <StoreProvider store={store}>
        <PrinterSettings />
      </StoreProvider>,
    );
    const select = (await screen.findByTestId('settings-printer-select')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['No printer chosen: the print dialog opens', 'CounterPDF — Counter PDF', 'Laser — Laser 2nd floor (stopped)']);
    fireEvent.change(select, { target: { value: 'CounterPDF' } });
    fireEvent.click(screen.getByTestId('settings-printer-save'));
    expect((await screen.findByTestId('settings-printer-outcome')).textContent).toBe('Printer saved.');
    expect(fake.callsTo('printing', 'choosePrinter').map((c) => c.args)).toEqual([['CounterPDF']]);
    await waitFor(() => expect(store.getState().printing?.chosen).toBe('CounterPDF'));
  });
});
