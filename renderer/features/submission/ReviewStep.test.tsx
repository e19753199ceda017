import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../../../core/calendar/localDate';
import { App } from '../../app/App';
import { chooseService, confirmApplicant, createSignedInStore, fillRequiredSlots, findApplicant, findRepresentative, pickKey } from '../../test-support/arrangeStore';
import { ACTIVE_COMPANY, BOOKMAKER_2012, CASINO_2014, REPRESENTATIVE_PERSON } from '../../test-support/fakeFixtures';
import { POA_FOR_PERSON } from '../../test-support/fakeNotaryFixtures';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';
import { DEFAULT_FAKE_SETTINGS, type FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';

afterEach(cleanup);

interface Draft {
  readonly serviceId?: string;
  readonly subtype?: 'issue' | 'reissue' | 'duplicate';
  readonly applicant?: readonly [string, 'individual' | 'legal-entity'];
  readonly representative?: { readonly number: string } | 'other';
}

/** Signed in and on the review step of a complete draft with the operator's key file picked, rendered. */
async function renderReview(options: FakeWorkstationOptions & Draft = {}) {
  const arranged = await createSignedInStore(options);
  const { store } = arranged;
  await chooseService(store, options.serviceId, options.subtype);
  const [identifier, kind] = options.applicant ?? ['850415312343', 'individual'];
  await findApplicant(store, identifier, kind);
  if (options.representative) await findRepresentative(store, REPRESENTATIVE_PERSON.iin, options.representative);
  await confirmApplicant(store);
  await fillRequiredSlots(store);
  if (!store.getState().goToStep('review')) throw new Error('documents step not done');
  await pickKey(store);
  render(<App store={store} />);
  await screen.findByTestId('submit-application');
  return arranged;
}

/** The key's password, typed on the review step: "Sign and submit" is enabled from then on. */
function typeKeyPassword(): void {
  fireEvent.change(screen.getByTestId('sign-password'), { target: { value: FAKE_KEY_PASSWORD } });
}

describe('ReviewStep: planned result date', () => {
  it('asks main for the date and says how it was counted', async () => {
    const { fake } = await renderReview({ language: 'en' });
    expect(await screen.findByText('31.03.2025 — 15 working days, the acceptance day not counted')).toBe(screen.getByTestId('planned-result-date'));
    expect(screen.getByText('Acceptance date: 04.03.2025')).toBeTruthy();
    expect(fake.callsTo('catalog', 'previewDeadline').at(-1)?.args).toEqual([{ serviceId: CASINO_2014.id, subtype: 'issue' }]);
  });

  it('says it is calculating until main answers', async () => {
    const arranged = await createSignedInStore({ language: 'en' });
    const original = arranged.fake.impl.catalog.previewDeadline;
    let answer: () => void = () => undefined;
    arranged.fake.impl.catalog.previewDeadline = (request) => new Promise((resolve) => (answer = () => resolve(original(request))));
    await chooseService(arranged.store);
    await findApplicant(arranged.store, '850415312343');
    await confirmApplicant(arranged.store);
    await fillRequiredSlots(arranged.store);
    arranged.store.getState().goToStep('review');
    render(<App store={arranged.store} />);
    expect((await screen.findByTestId('planned-result-date')).textContent).toBe('Calculating…');
    answer();
    expect(await screen.findByText('31.03.2025 — 15 working days, the acceptance day not counted')).toBeTruthy();
  });

  it('words it in Kazakh and Russian with the right plural', async () => {
    await renderReview({ subtype: 'duplicate' });
    expect(await screen.findByText('06.03.2025 — 2 жұмыс күні, қабылдау күні есептелмейді')).toBeTruthy();
    cleanup();
    await renderReview({ language: 'ru', subtype: 'duplicate' });
    expect(await screen.findByText('06.03.2025 — 2 рабочих дня, день приёма не учитывается')).toBeTruthy();
  });

  it('counts the supervisor’s calendar overrides', async () => {
    const settings = { ...DEFAULT_FAKE_SETTINGS, calendarOverrides: [{ date: localDate('2025-03-05'), kind: 'day-off' as const, note: 'Test decree' }] };
    await renderReview({ language: 'en', subtype: 'duplicate', settings });
    expect(await screen.findByText('07.03.2025 — 2 working days, the acceptance day not counted')).toBeTruthy();
  });

  it('says so where the regulation states no deadline', async () => {
    await renderReview({ language: 'en', serviceId: BOOKMAKER_2012.id, applicant: [ACTIVE_COMPANY.bin, 'legal-entity'] });
    expect(await screen.findByText('The regulation states no deadline, so there is no planned date.')).toBe(screen.getByTestId('planned-result-date'));
  });

  it('explains a service main does not know', async () => {
    const arranged = await renderReview({ language: 'en' });
    arranged.fake.impl.catalog.previewDeadline = async () => ({ ok: false, error: { kind: 'unknown-service' } });
    await arranged.store.getState().loadDeadlinePreview();
    expect((await screen.findByTestId('planned-result-date')).textContent).toBe('This service is not in the catalog, so no deadline can be computed.');
  });
});

describe('ReviewStep: representative', () => {
  it('shows no representative when the applicant applies in person', async () => {
    await renderReview();
    expect(screen.queryByTestId('review-representative')).toBeNull();
  });

  it('shows the representative and the notarised PoA', async () => {
    await renderReview({ language: 'en', representative: { number: POA_FOR_PERSON.number } });
    const row = screen.getByTestId('review-representative');
    expect(row.textContent).toBe('RepresentativeСейдахметова Дана ҚайратқызыIIN 920710401234 · notarised power of attorney No. 0117/2025');
  });

  it('shows a PoA certified otherwise as having no data entered', async () => {
    await renderReview({ language: 'ru', representative: 'other' });
    expect(screen.getByTestId('review-representative').textContent).toContain('доверенность, удостоверенная иным образом (данные не вносятся)');
  });
});

describe('after submission', () => {
  it('shows the planned result date and the representative on the result screen and in the journal', async () => {
    await renderReview({ language: 'en', representative: { number: POA_FOR_PERSON.number } });
    typeKeyPassword();
    fireEvent.click(screen.getByTestId('submit-application'));

    expect((await screen.findByTestId('result-planned-date')).textContent).toBe('Planned result date: 31.03.2025');
    expect(screen.getByTestId('result-representative').textContent).toBe('Representative: Сейдахметова Дана Қайратқызы');

    fireEvent.click(screen.getByTestId('nav-applications'));
    const [row] = await screen.findAllByTestId('applications-row');
    const cells = [...row!.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells[3]).toBe('Жұмабеков Ерғали Өмірұлы850415312343representative: Сейдахметова Дана Қайратқызы');
    expect(cells[5]).toBe('31.03.2025');
  });

  it('turns "accepted at the counter" into the registration number once the queue sends it, without the operator', async () => {
    const { store, fake } = await renderReview({ language: 'en', submitState: 'accepted' });
    typeKeyPassword();
    fireEvent.click(screen.getByTestId('submit-application'));
    expect((await screen.findByTestId('application-state')).textContent).toBe('Accepted, being sent');
    expect(screen.getByTestId('local-number').textContent).toBe('WS01-000001');
    await act(() => store.getState().refreshQueueStatus());

    fake.queue.drain();
    await act(() => store.getState().refreshQueueStatus());
    await waitFor(() => expect(screen.getByTestId('application-state').textContent).toBe('Registered'));
    expect(screen.getByTestId('registration-number').textContent).toBe('KZ-LIC-2025-00001');
  });

  it('says so when the application on the result screen was withdrawn from the queue', async () => {
    const { store, fake } = await renderReview({ language: 'kk', submitState: 'accepted' });
    typeKeyPassword();
    fireEvent.click(screen.getByTestId('submit-application'));
    await screen.findByTestId('application-state');
    const [application] = fake.queue.applications;
    await fake.api.queue.withdraw(application!.applicationId);
    await act(() => store.getState().refreshQueueStatus());
    await waitFor(() => expect(screen.getByTestId('application-state').textContent).toBe('Қайтарып алынды'));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Өтініш кезектен қайтарып алынды');
  });

  it('says where there is no deadline', async () => {
    await renderReview({ language: 'en', serviceId: BOOKMAKER_2012.id, applicant: [ACTIVE_COMPANY.bin, 'legal-entity'] });
    typeKeyPassword();
    fireEvent.click(screen.getByTestId('submit-application'));
    expect((await screen.findByTestId('result-planned-date')).textContent).toBe('The regulation states no deadline, so there is no planned date.');
    expect(screen.queryByTestId('result-representative')).toBeNull();
    fireEvent.click(screen.getByTestId('nav-applications'));
    const [row] = await screen.findAllByTestId('applications-row');
    expect(row!.querySelectorAll('td')[5]?.textContent).toBe('no deadline');
  });
});

describe('ReviewStep: documents', () => {
  it('lists every document with its page count and the presented-on-paper mark', async () => {
    const arranged = await createSignedInStore({ language: 'en' });
    await chooseService(arranged.store);
    await findApplicant(arranged.store, '850415312343');
    await confirmApplicant(arranged.store);
    await fillRequiredSlots(arranged.store);
    await arranged.store.getState().setPresentedOnPaper('identity', true);
    arranged.store.getState().goToStep('review');
    render(<App store={arranged.store} />);
    await screen.findByTestId('submit-application');
    expect(screen.getByTestId('review-slot-identity').textContent).toBe('Identity document — 1 page · presented on paper');
    expect(screen.getByTestId('review-slot-application').textContent).toBe('Licence application form — 1 page · not marked as presented on paper');
    expect(screen.getByTestId('review-slot-other').textContent).toBe('Other documents — no pages · not marked as presented on paper');
  });

  it('explains why main refused the draft, naming the documents', async () => {
    const { fake } = await renderReview({ language: 'en' });
    fake.impl.submissions.submitDraft = async () => ({ ok: false, error: { kind: 'missing-documents', slotIds: ['identity', 'fee-receipt'] } });
    typeKeyPassword();
    fireEvent.click(screen.getByTestId('submit-application'));
    expect((await screen.findByTestId('submit-error')).textContent).toBe(
      'These documents have no pages: Identity document, Proof of payment of the licence fee. Go back to the documents and scan them.',
    );
  });
});
