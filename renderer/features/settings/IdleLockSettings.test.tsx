import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { SUPERVISOR } from '../../test-support/fakeFixtures';

afterEach(cleanup);

describe('Settings: idle auto-lock', () => {
  it('lets a supervisor set the timeout in whole minutes from 1 to 60; this workstation follows at once', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR });
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    const input = (await screen.findByTestId('idle-lock-minutes')) as HTMLInputElement;
    expect(input.value).toBe('5');
    const save = screen.getByTestId('idle-lock-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    for (const refused of ['0', '61', '2.5', '']) {
      fireEvent.change(input, { target: { value: refused } });
      expect(save.disabled).toBe(true);
    }
    fireEvent.change(input, { target: { value: '10' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);

    expect(await screen.findByTestId('settings-saved')).toBeTruthy();
    expect(fake.callsTo('settings', 'setIdleLockMinutes').map((call) => call.args)).toEqual([[10]]);
    expect(store.getState().idleLockMinutes).toBe(10);
  });

  it('is read-only with the administrator notice when the admin file fixed it', async () => {
    const { store, fake } = await createSignedInStore({ operator: SUPERVISOR, language: 'en' });
    fake.settings.lock(['idleLockMinutes'], 'PSC_ADMIN_CONFIG');
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    expect((await screen.findByTestId('settings-idle-lock-locked')).textContent).toBe('Set by the administrator (PSC_ADMIN_CONFIG); it cannot be changed here.');
    const input = screen.getByTestId('idle-lock-minutes') as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    fireEvent.change(input, { target: { value: '10' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect((screen.getByTestId('idle-lock-save') as HTMLButtonElement).disabled).toBe(true);
    expect(fake.callsTo('settings', 'setIdleLockMinutes')).toHaveLength(0);
  });
});
