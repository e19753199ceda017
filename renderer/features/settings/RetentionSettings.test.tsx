import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language } from '../../../core/contract';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { SUPERVISOR } from '../../test-support/fakeFixtures';

afterEach(cleanup);

async function openRetention(language: Language = 'en') {
  const arranged = await createSignedInStore({ operator: SUPERVISOR, language });
  render(<App store={arranged.store} />);
  fireEvent.click(await screen.findByTestId('nav-settings'));
  const input = (await screen.findByTestId('settings-retention-days')) as HTMLInputElement;
  const section = input.closest('section');
  if (!section) throw new Error('retention section missing');
  return { ...arranged, input, section, save: within(section).getByTestId('settings-retention-save') as HTMLButtonElement };
}

describe('Settings: retention of personal data', () => {
  it('says in one sentence what is purged and when, for the number of days typed', async () => {
    const { input, section } = await openRetention();
    expect(input.value).toBe('30');
    expect(within(section).getByLabelText('Days to keep (1–3650)')).toBe(input);
    expect(within(section).getByTestId('settings-retention-explain').textContent).toBe(
      "30 days after the result is handed over or the application is withdrawn, the applicant's personal data and the scanned documents are deleted from this workstation; registration numbers, statuses and the journal stay.",
    );
    fireEvent.change(input, { target: { value: '1' } });
    expect(within(section).getByTestId('settings-retention-explain').textContent).toMatch(/^1 day after the result/);
  });

  it('declines the days in Russian and stays plain in Kazakh', async () => {
    const ru = await openRetention('ru');
    const explained = (days: string) => {
      fireEvent.change(ru.input, { target: { value: days } });
      return within(ru.section).getByTestId('settings-retention-explain').textContent?.split(' после ')[0];
    };
    expect(['21', '22', '25', '111'].map(explained)).toEqual(['Через 21 день', 'Через 22 дня', 'Через 25 дней', 'Через 111 дней']);
    cleanup();
    const kk = await openRetention('kk');
    expect(within(kk.section).getByTestId('settings-retention-explain').textContent).toBe(
      'Нәтиже берілгеннен немесе өтініш қайтарып алынғаннан кейін 30 күн өткенде өтініш берушінің дербес деректері мен сканерленген құжаттар осы жұмыс орнынан жойылады; тіркеу нөмірлері, мәртебелер мен журнал сақталады.',
    );
  });

  it('saves whole days from 1 to 3650 and says so in its section', async () => {
    const { input, save, section, fake } = await openRetention();
    expect(save.disabled).toBe(true);
    for (const refused of ['0', '3651', '1.5', '']) {
      fireEvent.change(input, { target: { value: refused } });
      expect(save.disabled).toBe(true);
      expect(input.getAttribute('aria-invalid')).toBe('true');
    }
    fireEvent.change(input, { target: { value: '365' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect((await within(section).findByTestId('settings-saved')).textContent).toBe('Saved.');
    expect(fake.callsTo('settings', 'setRetentionDays').map((call) => call.args)).toEqual([[365]]);
    expect(save.disabled).toBe(true);
  });

  it('is read-only when the administrator fixed it, naming where', async () => {
    const arranged = await createSignedInStore({ operator: SUPERVISOR, language: 'en' });
    arranged.fake.settings.lock(['retentionDays'], 'C:\\ProgramData\\PSC\\admin.json');
    render(<App store={arranged.store} />);
    fireEvent.click(await screen.findByTestId('nav-settings'));
    expect((await screen.findByTestId('settings-retention-locked')).textContent).toBe(
      'Set by the administrator (C:\\ProgramData\\PSC\\admin.json); it cannot be changed here.',
    );
    const input = screen.getByTestId('settings-retention-days') as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    fireEvent.change(input, { target: { value: '90' } });
    expect((screen.getByTestId('settings-retention-save') as HTMLButtonElement).disabled).toBe(true);
    // The other settings stay editable.
    expect(screen.queryByTestId('settings-idle-lock-locked')).toBeNull();
    expect((screen.getByTestId('idle-lock-minutes') as HTMLInputElement).readOnly).toBe(false);
  });

  it('explains main refusing a setting the administrator fixed after the screen was opened', async () => {
    const { input, save, section, fake } = await openRetention('ru');
    fake.settings.lock(['retentionDays'], '/etc/psc-workstation/admin.json');
    fireEvent.change(input, { target: { value: '60' } });
    fireEvent.click(save);
    expect((await within(section).findByTestId('settings-error')).textContent).toBe(
      'Эту настройку задал администратор (/etc/psc-workstation/admin.json), здесь её изменить нельзя.',
    );
  });
});
