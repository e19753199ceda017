import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationSummary, Language } from '../../../core/contract';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { ACTIVE_COMPANY, CASINO_2014 } from '../../test-support/fakeFixtures';
import type { FakeEarlierApplication } from '../../test-support/fakeQueue';
import { FAKE_KEY_PASSWORD, fakeKeyFile } from '../../test-support/fakeSigningKeys';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';

afterEach(cleanup);

/** Signed in, the given earlier applications in main's journal, the queue panel on screen with its rows. */
async function renderQueue(earlier: readonly FakeEarlierApplication[], options: FakeWorkstationOptions & { readonly language?: Language } = {}) {
  const arranged = await createSignedInStore({ language: 'en', ...options });
  const applications = earlier.map((application) => arranged.fake.queue.addApplication(application));
  arranged.store.getState().openQueue();
  render(<App store={arranged.store} />);
  await screen.findByTestId('queue-panel');
  if (applications.length > 0) await screen.findAllByTestId('queue-row');
  return { ...arranged, applications };
}

function rowOf(application: ApplicationSummary): HTMLElement {
  const row = screen.getAllByTestId('queue-row').find((candidate) => candidate.dataset.applicationId === application.applicationId);
  if (!row) throw new Error(`no row for ${application.localNumber}`);
  return row;
}

/** A count's label and number. */
const countOf = (testId: string) => [...screen.getByTestId(testId).children].map((part) => part.textContent);
const stateCell = (application: ApplicationSummary) => within(rowOf(application)).getByTestId('queue-row-state');
const buttonsOf = (application: ApplicationSummary) => within(rowOf(application)).queryAllByRole('button').map((button) => button.dataset.testid);

/** As the indicator's poll does every few seconds. */
async function poll(store: Awaited<ReturnType<typeof renderQueue>>['store']) {
  await act(() => store.getState().refreshQueueStatus());
}

describe('QueuePanel: opening it', () => {
  it('opens from the menu and with Alt+Q, and names its shortcut', async () => {
    const { store } = await createSignedInStore({ language: 'en' });
    render(<App store={store} />);
    expect(screen.getByText('Send queue', { selector: '.shortcut-hints__item', exact: false }).textContent).toBe('Alt+Q Send queue');
    fireEvent.click(screen.getByTestId('nav-queue'));
    expect(await screen.findByTestId('queue-panel')).toBeTruthy();
    expect(screen.getByTestId('nav-queue').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('nav-queue').getAttribute('aria-keyshortcuts')).toBe('Alt+Q');
    expect(await screen.findByTestId('queue-empty')).toBeTruthy();

    fireEvent.click(screen.getByTestId('nav-new-application'));
    expect(screen.queryByTestId('queue-panel')).toBeNull();
    fireEvent.keyDown(window, { code: 'KeyQ', altKey: true });
    expect(await screen.findByTestId('queue-panel')).toBeTruthy();
  });

  it('counts the applications per state as main counts them, in Kazakh by default', async () => {
    await renderQueue(
      [{ state: 'accepted' }, { state: 'accepted' }, { state: 'registered' }, { state: 'needs-attention' }, { state: 'withdrawn' }],
      { language: 'kk' },
    );
    await waitFor(() => expect(countOf('queue-count-accepted')).toEqual(['Жіберуді күтуде', '2']));
    expect(countOf('queue-count-sending')).toEqual(['оның ішінде жіберілуде', '0']);
    expect(countOf('queue-count-needs-attention')).toEqual(['Назар аударуды қажет етеді', '1']);
    expect(countOf('queue-count-registered')).toEqual(['Тіркелді', '1']);
    expect(countOf('queue-count-withdrawn')).toEqual(['Қайтарып алынды', '1']);
    expect(screen.getByRole('heading', { name: 'Жіберу кезегі' })).toBeTruthy();
  });
});

describe('QueuePanel: rows', () => {
  it('shows number, applicant, service, time and state of each application, refused ones first', async () => {
    const { applications, fake, store } = await renderQueue([
      { state: 'registered', acceptedAt: '09:12' },
      { state: 'accepted', acceptedAt: '09:14', record: ACTIVE_COMPANY },
      { state: 'accepted', acceptedAt: '09:16' },
      { state: 'needs-attention', problemCode: 'certificate-revoked', acceptedAt: '09:18' },
      { state: 'withdrawn', acceptedAt: '09:20' },
    ]);
    const [registered, company, sending, refused, withdrawn] = applications as [ApplicationSummary, ApplicationSummary, ApplicationSummary, ApplicationSummary, ApplicationSummary];
    fake.queue.startSending(sending.applicationId);
    await poll(store);

    const order = screen.getAllByTestId('queue-row').map((row) => row.dataset.applicationId);
    expect(order).toEqual([refused, sending, company, withdrawn, registered].map((application) => application.applicationId));
    const cells = [...rowOf(company).querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells[0]).toBe('WS01-000002');
    expect(cells[1]).toBe('«Көкшетау Лото» ЖШС150840123461');
    expect(cells[2]).toBe(CASINO_2014.title.en);
    expect(cells[3]).toMatch(/^\d{2}\.\d{2}\.2025 \d{2}:\d{2}$/);

    const states = [registered, company, sending, refused, withdrawn].map((application) => stateCell(application).dataset.state);
    expect(states).toEqual(['registered', 'accepted', 'sending', 'needs-attention', 'withdrawn']);
    expect(stateCell(company).textContent).toBe('Accepted');
    expect(stateCell(sending).textContent).toBe('Sending');
    expect(stateCell(registered).textContent).toBe('Registered');
    expect(stateCell(withdrawn).textContent).toBe('Withdrawn');
    expect(within(stateCell(refused)).getByTestId('queue-row-problem').textContent).toBe(
      'The certificate of the key that signed has been revoked. In the send queue (Alt+Q) press “Re-sign” and sign with your current key.',
    );
  });

  it('offers each state its options: re-signing only for a refused signature, nothing while being sent or done', async () => {
    const { applications, fake, store } = await renderQueue([
      { state: 'accepted' },
      { state: 'accepted' },
      { state: 'needs-attention', problemCode: 'signer-not-operator' },
      { state: 'needs-attention', problemCode: 'validation-failed' },
      { state: 'registered' },
      { state: 'withdrawn' },
    ]);
    const [waiting, sending, signature, data, registered, withdrawn] = applications as ApplicationSummary[] as [
      ApplicationSummary, ApplicationSummary, ApplicationSummary, ApplicationSummary, ApplicationSummary, ApplicationSummary,
    ];
    fake.queue.startSending(sending.applicationId);
    await poll(store);
    expect(buttonsOf(waiting)).toEqual(['queue-retry', 'queue-withdraw']);
    expect(buttonsOf(sending)).toEqual([]);
    expect(buttonsOf(signature)).toEqual(['queue-retry', 'queue-resign', 'queue-withdraw']);
    expect(buttonsOf(data)).toEqual(['queue-retry', 'queue-withdraw']);
    expect(buttonsOf(registered)).toEqual([]);
    expect(buttonsOf(withdrawn)).toEqual([]);
  });

  it('explains every refusal in the operator’s language and quotes a code it does not know', async () => {
    const { applications } = await renderQueue(
      [{ state: 'needs-attention', problemCode: 'power-of-attorney-invalid' }, { state: 'needs-attention', problemCode: 'quota-exceeded' }],
      { language: 'ru' },
    );
    const [poa, unknown] = applications as [ApplicationSummary, ApplicationSummary];
    expect(within(rowOf(poa)).getByTestId('queue-row-problem').textContent).toBe(
      'Представитель или доверенность не прошли проверку (срок истёк, отозвана или выдана другим лицам). Отзовите заявление и примите его заново с действующей доверенностью.',
    );
    expect(within(rowOf(unknown)).getByTestId('queue-row-problem').textContent).toBe('Система не приняла заявление (код: quota-exceeded). Откройте журнал заявлений.');
    expect(stateCell(poa).querySelector('.badge')?.textContent).toBe('Требует внимания');
  });

  it('puts the keyboard focus on the first refused application’s option', async () => {
    await renderQueue([{ state: 'registered' }, { state: 'needs-attention', problemCode: 'certificate-revoked' }]);
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.dataset.testid).toBe('queue-retry'));
    expect(document.activeElement?.closest('tr')?.querySelector('[data-testid="queue-row-state"]')?.getAttribute('data-state')).toBe('needs-attention');
  });

  it('follows the sender on each poll: a waiting row turns registered', async () => {
    const { applications, fake, store } = await renderQueue([{ state: 'accepted' }]);
    const [waiting] = applications as [ApplicationSummary];
    fake.queue.startSending(waiting.applicationId);
    await poll(store);
    expect(stateCell(waiting).dataset.state).toBe('sending');
    fake.queue.register(waiting.applicationId);
    await poll(store);
    await waitFor(() => expect(stateCell(waiting).dataset.state).toBe('registered'));
  });
});

describe('QueuePanel: retry now', () => {
  it('sends at once and shows progress until main answers', async () => {
    const { applications, fake } = await renderQueue([{ state: 'accepted' }]);
    const [waiting] = applications as [ApplicationSummary];
    let answer: () => void = () => undefined;
    const original = fake.impl.queue.retryNow;
    fake.impl.queue.retryNow = (id) => new Promise((resolve) => (answer = () => resolve(original(id))));

    fireEvent.click(within(rowOf(waiting)).getByTestId('queue-retry'));
    expect((await within(rowOf(waiting)).findByTestId('queue-row-progress')).textContent).toBe('Sending…');
    expect((within(rowOf(waiting)).getByTestId('queue-retry') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(rowOf(waiting)).getByTestId('queue-retry'));
    await act(async () => answer());

    await waitFor(() => expect(stateCell(waiting).dataset.state).toBe('registered'));
    expect(fake.callsTo('queue', 'retryNow')).toEqual([{ area: 'queue', method: 'retryNow', args: [waiting.applicationId] }]);
    expect(screen.queryByTestId('queue-row-progress')).toBeNull();
  });

  it('leaves it waiting while offline, and a refused one refused for the same reason', async () => {
    const { applications, fake } = await renderQueue([{ state: 'accepted' }, { state: 'needs-attention', problemCode: 'applicant-ineligible' }]);
    const [waiting, refused] = applications as [ApplicationSummary, ApplicationSummary];
    fireEvent.click(within(rowOf(refused)).getByTestId('queue-retry'));
    await waitFor(() => expect(fake.callsTo('queue', 'retryNow')).toHaveLength(1));
    await waitFor(() => expect(within(rowOf(refused)).queryByTestId('queue-row-progress')).toBeNull());
    expect(stateCell(refused).dataset.state).toBe('needs-attention');

    fake.queue.goOffline();
    fireEvent.click(within(rowOf(waiting)).getByTestId('queue-retry'));
    await waitFor(() => expect(fake.callsTo('queue', 'retryNow')).toHaveLength(2));
    await waitFor(() => expect(within(rowOf(waiting)).queryByTestId('queue-row-progress')).toBeNull());
    expect(stateCell(waiting).dataset.state).toBe('accepted');
  });

  it('says so when the application was registered meanwhile, and shows it registered', async () => {
    const { applications, fake } = await renderQueue([{ state: 'accepted' }]);
    const [waiting] = applications as [ApplicationSummary];
    fake.queue.register(waiting.applicationId);
    fireEvent.click(within(rowOf(waiting)).getByTestId('queue-retry'));
    await waitFor(() => expect(stateCell(waiting).dataset.state).toBe('registered'));
    expect(within(rowOf(waiting)).getByTestId('queue-row-error').textContent).toBe(
      'The application is no longer waiting in the queue (registered or withdrawn). The list has been refreshed.',
    );
  });
});

describe('QueuePanel: withdraw', () => {
  it('asks first, with the focus on Cancel; Cancel and Escape keep the application', async () => {
    const { applications, fake } = await renderQueue([{ state: 'accepted' }]);
    const [waiting] = applications as [ApplicationSummary];
    fireEvent.click(within(rowOf(waiting)).getByTestId('queue-withdraw'));
    const confirmation = await screen.findByTestId('queue-withdraw-confirmation');
    expect(confirmation.textContent).toContain('Withdraw application WS01-000001 from the queue? It will never be sent');
    expect(document.activeElement).toBe(screen.getByTestId('queue-withdraw-cancel'));
    fireEvent.click(screen.getByTestId('queue-withdraw-cancel'));
    expect(screen.queryByTestId('queue-withdraw-confirmation')).toBeNull();
    expect(document.activeElement).toBe(within(rowOf(waiting)).getByTestId('queue-withdraw'));

    fireEvent.click(within(rowOf(waiting)).getByTestId('queue-withdraw'));
    fireEvent.keyDown(screen.getByTestId('queue-withdraw-cancel'), { key: 'Escape' });
    expect(screen.queryByTestId('queue-withdraw-confirmation')).toBeNull();
    expect(fake.callsTo('queue', 'withdraw')).toHaveLength(0);
    expect(stateCell(waiting).dataset.state).toBe('accepted');
  });

  it('drops the question when the sender takes the application meanwhile', async () => {
    const { applications, fake, store } = await renderQueue([{ state: 'accepted' }]);
    const [waiting] = applications as [ApplicationSummary];
    fireEvent.click(within(rowOf(waiting)).getByTestId('queue-withdraw'));
    await screen.findByTestId('queue-withdraw-confirmation');
    fake.queue.startSending(waiting.applicationId);
    await poll(store);
    expect(screen.queryByTestId('queue-withdraw-confirmation')).toBeNull();
    fake.queue.goOffline();
    await poll(store);
    expect(stateCell(waiting).dataset.state).toBe('accepted');
    expect(screen.queryByTestId('queue-withdraw-confirmation')).toBeNull();
  });

  it('withdraws a refused application once confirmed, and it offers nothing more', async () => {
    const { applications, fake, store } = await renderQueue([{ state: 'needs-attention', problemCode: 'validation-failed' }], { language: 'kk' });
    const [refused] = applications as [ApplicationSummary];
    fireEvent.click(within(rowOf(refused)).getByTestId('queue-withdraw'));
    expect(screen.getByTestId('queue-withdraw-confirm').textContent).toBe('Иә, қайтарып алу');
    fireEvent.click(screen.getByTestId('queue-withdraw-confirm'));
    await waitFor(() => expect(stateCell(refused).dataset.state).toBe('withdrawn'));
    expect(stateCell(refused).textContent).toBe('Қайтарып алынды');
    expect(buttonsOf(refused)).toEqual([]);
    expect(fake.callsTo('queue', 'withdraw')).toEqual([{ area: 'queue', method: 'withdraw', args: [refused.applicationId] }]);
    await waitFor(() => expect(store.getState().queueStatus?.counts.withdrawn).toBe(1));
    expect(countOf('queue-count-withdrawn')).toEqual(['Қайтарып алынды', '1']);
  });
});

describe('QueuePanel: re-sign', () => {
  async function openResign(fakeOptions: FakeWorkstationOptions = {}) {
    const arranged = await renderQueue([{ state: 'needs-attention', problemCode: 'certificate-revoked' }], fakeOptions);
    const [refused] = arranged.applications as [ApplicationSummary];
    fireEvent.click(within(rowOf(refused)).getByTestId('queue-resign'));
    await screen.findByTestId('queue-resign-form');
    return { ...arranged, refused };
  }

  async function chooseKeyFile(file: File) {
    fireEvent.change(screen.getByTestId('sign-key-file-input'), { target: { files: [file] } });
    await waitFor(() => expect(screen.queryByTestId('sign-key-name')?.textContent).toContain(file.name));
  }

  const password = () => screen.getByTestId('queue-resign-password') as HTMLInputElement;
  const signButton = () => screen.getByTestId('queue-resign-submit') as HTMLButtonElement;

  it('opens the signing controls: the key file by default, NCALayer on request', async () => {
    await openResign();
    expect(screen.getByTestId('queue-resign-form').textContent).toContain('Re-sign application WS01-000001');
    expect(screen.getByTestId('sign-key-file-input')).toBeTruthy();
    expect(password().disabled).toBe(true);
    expect(signButton().disabled).toBe(true);
    fireEvent.click(screen.getByTestId('sign-method-ncalayer'));
    expect(screen.getByTestId('sign-ncalayer-hint')).toBeTruthy();
    expect(screen.queryByTestId('queue-resign-password')).toBeNull();
    expect(signButton().disabled).toBe(false);
  });

  it('says the password is wrong, clears it, keeps the application refused and the cursor in the password', async () => {
    const { refused, fake, store } = await openResign();
    await chooseKeyFile(fakeKeyFile('valid'));
    fireEvent.change(password(), { target: { value: 'Kilt#2024' } });
    fireEvent.submit(password().form!);
    expect((await screen.findByTestId('queue-resign-problem')).textContent).toBe('Wrong password for this key file. Type the password again.');
    expect(password().value).toBe('');
    expect(document.activeElement).toBe(password());
    expect(stateCell(refused).dataset.state).toBe('needs-attention');
    expect(fake.callsTo('queue', 'resign')).toHaveLength(1);
    expect(JSON.stringify(store.getState())).not.toContain('Kilt#2024');
  });

  it('refuses a revoked key with the signing step’s own words', async () => {
    await openResign({ language: 'ru' });
    await chooseKeyFile(fakeKeyFile('revoked'));
    fireEvent.change(password(), { target: { value: FAKE_KEY_PASSWORD } });
    fireEvent.click(signButton());
    expect((await screen.findByTestId('queue-resign-problem')).textContent).toBe(
      'Сертификат отозван: этим ключом подписывать нельзя. Используйте действующий ключ или получите новый в НУЦ РК.',
    );
  });

  it('signs with a valid key: the row is back to accepted, the form closes and the sender registers it', async () => {
    const { refused, fake, store } = await openResign();
    await chooseKeyFile(fakeKeyFile('valid'));
    fireEvent.change(password(), { target: { value: FAKE_KEY_PASSWORD } });
    fireEvent.click(signButton());
    await waitFor(() => expect(screen.queryByTestId('queue-resign-form')).toBeNull());
    expect(stateCell(refused).dataset.state).toBe('accepted');
    expect(within(stateCell(refused)).queryByTestId('queue-row-problem')).toBeNull();
    expect(document.activeElement).toBe(within(rowOf(refused)).getByTestId('queue-retry'));
    expect(fake.callsTo('queue', 'resign')[0]?.args).toEqual([
      refused.applicationId,
      { kind: 'key-file', key: { kind: 'file', fileName: 'operator.p12', path: null, bytesBase64: expect.any(String) }, password: FAKE_KEY_PASSWORD },
    ]);
    fake.queue.drain();
    await poll(store);
    await waitFor(() => expect(stateCell(refused).dataset.state).toBe('registered'));
  });

  it('closes with Escape without signing, and the password is gone', async () => {
    const { refused, fake } = await openResign();
    await chooseKeyFile(fakeKeyFile('valid'));
    fireEvent.change(password(), { target: { value: FAKE_KEY_PASSWORD } });
    fireEvent.keyDown(password(), { key: 'Escape' });
    expect(screen.queryByTestId('queue-resign-form')).toBeNull();
    expect(document.activeElement).toBe(within(rowOf(refused)).getByTestId('queue-resign'));
    fireEvent.click(within(rowOf(refused)).getByTestId('queue-resign'));
    expect((await screen.findByTestId('queue-resign-password') as HTMLInputElement).value).toBe('');
    expect(fake.callsTo('queue', 'resign')).toHaveLength(0);
  });
});

describe('QueuePanel: pause and progress', () => {
  it('pauses and resumes sending, and says what pausing means', async () => {
    const { fake } = await renderQueue([{ state: 'accepted' }], { language: 'kk' });
    const toggle = await screen.findByTestId('queue-pause-toggle');
    await waitFor(() => expect((toggle as HTMLButtonElement).disabled).toBe(false));
    expect(toggle.textContent).toBe('Кезекті тоқтату');
    expect(screen.queryByTestId('queue-paused')).toBeNull();

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.textContent).toBe('Жалғастыру'));
    expect(fake.queue.isPaused).toBe(true);
    expect(toggle.dataset.paused).toBe('true');
    expect(screen.getByTestId('queue-paused').textContent).toContain('Жіберу тоқтатылды');
    expect(screen.getByTestId('queue-paused-marker').textContent).toBe('Жіберу тоқтатылды');
    expect(fake.queue.drain()).toBe(0);

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.textContent).toBe('Кезекті тоқтату'));
    expect(fake.queue.isPaused).toBe(false);
    expect(screen.queryByTestId('queue-paused')).toBeNull();
  });

  it('shows the progress bar only while a backlog drains', async () => {
    const { applications, fake, store } = await renderQueue([{ state: 'registered' }]);
    await waitFor(() => expect(store.getState().queueStatus).not.toBeNull());
    expect(screen.queryByTestId('queue-progress')).toBeNull();

    const backlog = [1, 2, 3].map(() => fake.queue.addApplication({ state: 'accepted' }));
    await poll(store);
    expect(screen.getByTestId('queue-progress').textContent).toBe('Sending the backlog: 0 of 3');
    fake.queue.register(backlog[0]!.applicationId);
    await poll(store);
    const bar = screen.getByTestId('queue-progress').querySelector('progress')!;
    expect([bar.value, bar.max]).toEqual([1, 3]);
    expect(bar.getAttribute('aria-label')).toBe('Backlog sending progress');
    expect(screen.getByTestId('queue-progress').textContent).toBe('Sending the backlog: 1 of 3');

    fake.queue.drain();
    await poll(store);
    expect(screen.queryByTestId('queue-progress')).toBeNull();
    expect(applications).toHaveLength(1);
  });
});
