import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { arrangeReadyToSubmit, createSignedInStore } from '../../test-support/arrangeStore';
import { CASINO_2014 } from '../../test-support/fakeFixtures';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';

afterEach(cleanup);

describe('ApplicationsJournal', () => {
  it('says so when nothing was accepted yet', async () => {
    const { store } = await createSignedInStore({ language: 'ru' });
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('nav-applications'));
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Статус заявлений');
    expect(await screen.findByText('На этом рабочем месте ещё не принято ни одного заявления.')).toBeTruthy();
  });

  it('shows "waiting" for an application that has no registration number yet', async () => {
    const { store } = await arrangeReadyToSubmit({ submitState: 'accepted', language: 'en' });
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    store.getState().openJournal();
    render(<App store={store} />);

    const [row] = await screen.findAllByTestId('applications-row');
    const cells = [...row!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells[0]).toBe('WS01-000001');
    expect(cells[1]).toBe('waiting');
    expect(cells[2]).toBe(`${CASINO_2014.title.en}Licence issue`);
    expect(cells[3]).toBe('Жұмабеков Ерғали Өмірұлы850415312343');
    expect(cells[4]).toMatch(/^\d{2}\.\d{2}\.2025 \d{2}:\d{2}$/);
    expect(cells[5]).toBe('31.03.2025');
    expect(cells[6]).toBe('Accepted, being sent');
  });

  it('explains in the operator’s language why the backend refused a signed application', async () => {
    const { store } = await arrangeReadyToSubmit({ submitState: 'needs-attention', refusalCode: 'signer-not-operator', language: 'ru' });
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    render(<App store={store} />);
    const explanation = 'Заявление подписано ключом другого человека. В очереди отправки (Alt+Q) нажмите «Подписать заново» и подпишите своим ключом.';
    expect((await screen.findByTestId('result-problem')).textContent).toBe(explanation);
    expect(screen.getByText('Код ошибки: signer-not-operator')).toBeTruthy();

    fireEvent.click(screen.getByTestId('nav-applications'));
    expect((await screen.findByTestId('applications-problem')).textContent).toBe(explanation);
  });

  it('shows an application withdrawn from the send queue as withdrawn', async () => {
    const { store, fake } = await createSignedInStore({ language: 'ru' });
    const { applicationId } = fake.queue.addApplication({ state: 'needs-attention', problemCode: 'validation-failed' });
    await fake.api.queue.withdraw(applicationId);
    store.getState().openJournal();
    render(<App store={store} />);
    const [row] = await screen.findAllByTestId('applications-row');
    expect(row!.querySelectorAll('td')[6]?.textContent).toBe('Отозвано');
    expect(screen.queryByTestId('applications-problem')).toBeNull();
  });

  it('quotes in the journal a problem code it has no text for', async () => {
    const { store } = await arrangeReadyToSubmit({ submitState: 'needs-attention', refusalCode: 'quota-exceeded', language: 'en' });
    await store.getState().submitApplication(FAKE_KEY_PASSWORD);
    store.getState().openJournal();
    render(<App store={store} />);
    expect((await screen.findByTestId('applications-problem')).textContent).toBe('Problem code: quota-exceeded');
  });
});
