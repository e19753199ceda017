import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { CASINO_2012, CASINO_2014, SUPERVISOR } from '../../test-support/fakeFixtures';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';

afterEach(cleanup);

async function renderSettings(options: FakeWorkstationOptions = {}) {
  const arranged = await createSignedInStore({ operator: SUPERVISOR, ...options });
  render(<App store={arranged.store} />);
  fireEvent.click(await screen.findByTestId('nav-settings'));
  const settings = await screen.findByTestId('settings-screen');
  await within(settings).findByTestId(`settings-version-casino-${CASINO_2014.id}`);
  return { ...arranged, settings };
}

function addOverride(date: string, kind: 'day-off' | 'working-day', note: string) {
  fireEvent.change(screen.getByTestId('override-date'), { target: { value: date } });
  fireEvent.change(screen.getByTestId('override-kind'), { target: { value: kind } });
  fireEvent.change(screen.getByTestId('override-note'), { target: { value: note } });
  fireEvent.click(screen.getByTestId('override-add'));
}

describe('Settings: who sees them', () => {
  it('has no settings item for an operator, and Alt+S does nothing', async () => {
    const { store } = await createSignedInStore();
    render(<App store={store} />);
    await screen.findByTestId('nav-applications');
    expect(screen.queryByTestId('nav-settings')).toBeNull();
    fireEvent.keyDown(window, { code: 'KeyS', altKey: true });
    expect(store.getState().view).toBe('application');
    expect(store.getState().openSettings()).toBe(false);
  });

  it('opens for a supervisor from the menu and with Alt+S', async () => {
    const { store } = await createSignedInStore({ operator: SUPERVISOR });
    render(<App store={store} />);
    await screen.findByTestId('nav-settings');
    fireEvent.keyDown(window, { code: 'KeyS', altKey: true });
    expect(await screen.findByTestId('settings-screen')).toBeTruthy();
    expect(screen.getByTestId('nav-settings').getAttribute('aria-current')).toBe('page');
  });
});

describe('Settings: current version per activity', () => {
  it('offers a radio per version only for activities with more than one', async () => {
    const { settings } = await renderSettings({ language: 'ru' });
    const current = within(settings).getByTestId(`settings-version-casino-${CASINO_2014.id}`) as HTMLInputElement;
    const older = within(settings).getByTestId(`settings-version-casino-${CASINO_2012.id}`) as HTMLInputElement;
    expect(current.checked).toBe(true);
    expect(older.checked).toBe(false);
    expect(older.closest('label')?.textContent).toBe('Регламент 2012 г.: 000_633c90a07688dd66.txt, 1-қосымша');
    expect(settings.querySelector('legend')?.textContent).toBe(CASINO_2014.title.ru);
    expect(settings.querySelectorAll('input[type="radio"]')).toHaveLength(2);
  });

  it('makes the 2012 version current, and the service picker offers it', async () => {
    const { settings, fake } = await renderSettings({ language: 'en' });
    fireEvent.click(within(settings).getByTestId(`settings-version-casino-${CASINO_2012.id}`));
    expect((await screen.findByTestId('settings-saved')).textContent).toBe('Saved.');
    expect(fake.callsTo('settings', 'setCurrentServiceVersion')[0]?.args).toEqual(['casino', CASINO_2012.id]);
    expect((screen.getByTestId(`settings-version-casino-${CASINO_2012.id}`) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByTestId('nav-new-application'));
    const option = await screen.findByTestId(`service-option-${CASINO_2012.id}`);
    expect(within(option).getByTestId('service-version').textContent).toBe('2012 version');
    expect(screen.queryByTestId(`service-option-${CASINO_2014.id}`)).toBeNull();
  });

  it('shows the chosen version while main saves it, and the saved one again if main refuses', async () => {
    const { settings, fake } = await renderSettings({ language: 'en' });
    let answer: () => void = () => undefined;
    fake.impl.settings.setCurrentServiceVersion = () =>
      new Promise((resolve) => (answer = () => resolve({ ok: false, error: { kind: 'not-permitted' } })));
    const older = within(settings).getByTestId(`settings-version-casino-${CASINO_2012.id}`) as HTMLInputElement;
    fireEvent.click(older);
    expect(older.checked).toBe(true);
    expect(older.disabled).toBe(true);
    answer();
    await screen.findByTestId('settings-error');
    expect(older.checked).toBe(false);
    expect((screen.getByTestId(`settings-version-casino-${CASINO_2014.id}`) as HTMLInputElement).checked).toBe(true);
  });

  it.each([
    ['not-permitted', 'Only a supervisor can change settings.'],
    ['unknown-service', 'There is no such service version in the catalog.'],
  ] as const)('explains a refusal: %s', async (kind, message) => {
    const { settings, fake } = await renderSettings({ language: 'en' });
    fake.impl.settings.setCurrentServiceVersion = async () => ({ ok: false, error: { kind } });
    fireEvent.click(within(settings).getByTestId(`settings-version-casino-${CASINO_2012.id}`));
    expect((await screen.findByTestId('settings-error')).textContent).toBe(message);
    expect(screen.queryByTestId('settings-saved')).toBeNull();
  });
});

describe('Settings: calendar overrides', () => {
  it('explains what the overrides are for', async () => {
    await renderSettings({ language: 'en' });
    expect(screen.getByText(/Enter government day-off transfers here \(for example the 2026 decrees/)).toBeTruthy();
    expect(screen.getByText(/wins over the built-in calendar/)).toBeTruthy();
    expect(screen.getByText('No overrides: the built-in calendar applies.')).toBeTruthy();
  });

  it('adds, removes and saves overrides', async () => {
    const { fake } = await renderSettings({ language: 'en' });
    addOverride('2026-01-05', 'day-off', 'Government decree No. 1');
    addOverride('2026-01-03', 'working-day', 'Government decree No. 1');
    addOverride('2026-03-10', 'day-off', 'Typo');
    let rows = screen.getAllByTestId('override-row');
    expect(rows.map((row) => row.textContent)).toEqual([
      '03.01.2026Working dayGovernment decree No. 1Remove',
      '05.01.2026Day offGovernment decree No. 1Remove',
      '10.03.2026Day offTypoRemove',
    ]);
    expect(screen.getByText('There are unsaved changes.')).toBeTruthy();
    expect((screen.getByTestId('override-note') as HTMLInputElement).value).toBe('');

    fireEvent.click(within(rows[2]!).getByTestId('override-remove'));
    rows = screen.getAllByTestId('override-row');
    expect(rows).toHaveLength(2);
    expect(fake.callsTo('settings', 'setCalendarOverrides')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('overrides-save'));
    expect((await screen.findByTestId('settings-saved')).textContent).toBe('Saved.');
    expect(fake.callsTo('settings', 'setCalendarOverrides')[0]?.args).toEqual([
      [
        { date: '2026-01-03', kind: 'working-day', note: 'Government decree No. 1' },
        { date: '2026-01-05', kind: 'day-off', note: 'Government decree No. 1' },
      ],
    ]);
    expect(screen.getByTestId('overrides-save')).toHaveProperty('disabled', true);
    expect(screen.queryByText('There are unsaved changes.')).toBeNull();
  });

  it('requires a date and a note, and refuses a second override for the same day', async () => {
    await renderSettings({ language: 'ru' });
    addOverride('', 'day-off', 'Постановление');
    expect(screen.getByTestId('override-error').textContent).toBe('Укажите дату.');
    addOverride('2026-01-05', 'day-off', '  ');
    expect(screen.getByTestId('override-error').textContent).toBe('Укажите основание: какое постановление или приказ.');
    addOverride('2026-01-05', 'day-off', 'Постановление');
    expect(screen.queryByTestId('override-error')).toBeNull();
    addOverride('2026-01-05', 'working-day', 'Другое');
    expect(screen.getByTestId('override-error').textContent).toBe('Поправка на 05.01.2026 уже есть. Сначала удалите её.');
    expect(screen.getAllByTestId('override-row')).toHaveLength(1);
  });

  it('explains a refused save', async () => {
    const { fake } = await renderSettings();
    fake.impl.settings.setCalendarOverrides = async () => ({ ok: false, error: { kind: 'not-permitted' } });
    addOverride('2026-01-05', 'day-off', 'Қаулы');
    fireEvent.click(screen.getByTestId('overrides-save'));
    expect((await screen.findByTestId('settings-error')).textContent).toBe('Баптауларды тек жетекші өзгерте алады.');
    expect(screen.getAllByTestId('override-row')).toHaveLength(1);
  });
});
