import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err } from '../../../core/result';
import { App } from '../../app/App';
import type { WorkstationState } from '../../store/storeTypes';
import { createSignedInStore } from '../../test-support/arrangeStore';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';
import { spyOnPdfOutput, type PdfOutputSpies } from '../../test-support/pdfOutputSpies';
import { arrangeTrackedApplications } from '../../test-support/statusScenarios';

let spies: PdfOutputSpies;

beforeEach(() => {
  spies = spyOnPdfOutput();
});

afterEach(() => {
  cleanup();
  document.getElementById('receipt-print-frame')?.remove();
  spies.restore();
  vi.restoreAllMocks();
});

async function handOverScreen(options: FakeWorkstationOptions = { language: 'en' }) {
  const arranged = await createSignedInStore(options);
  const tracked = arrangeTrackedApplications(arranged.fake);
  render(<App store={arranged.store} />);
  fireEvent.click(await screen.findByTestId('nav-handover'));
  return { ...arranged, tracked, query: (await screen.findByTestId('handover-query')) as HTMLInputElement };
}

/** As the receipt scanner does it: the text, then Enter (which submits the search form). */
function scan(input: HTMLInputElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.submit(input.closest('form')!);
}

describe('hand-over screen', () => {
  it('opens from the header and with Alt+R, with the search field focused', async () => {
    const { store, query } = await handOverScreen();
    expect(document.activeElement).toBe(query);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Hand the result over to the applicant');
    expect(screen.getByTestId('nav-handover').getAttribute('aria-keyshortcuts')).toBe('Alt+R');
    store.getState().openJournal();
    fireEvent.keyDown(window, { code: 'KeyR', key: 'r', altKey: true });
    await waitFor(() => expect(store.getState().view).toBe('handover'));
  });

  it('finds the application by its registration number and shows applicant, service, status and result', async () => {
    const { fake, query } = await handOverScreen();
    scan(query, '  KZ-LIC-2025-00003 ');
    const card = await screen.findByTestId('handover-card');
    expect(fake.callsTo('status', 'find').map((call) => call.args)).toEqual([['KZ-LIC-2025-00003']]);
    expect(screen.getAllByTestId('handover-result-row')).toHaveLength(1);
    expect(within(card).getByTestId('handover-applicant').textContent).toBe('ApplicantЖұмабеков Ерғали Өмірұлы850415312343');
    expect(within(card).getByTestId('status-label').textContent).toBe('Ready for hand-over');
    expect(card.textContent).toContain('Re-issued licence No. LIC-25-000123');
    expect(card.textContent).toContain('Re-issue');
  });

  it('finds by the receipt’s QR text (the application id) as a scanner types it', async () => {
    const { tracked, query } = await handOverScreen();
    scan(query, tracked.refused.applicationId);
    const card = await screen.findByTestId('handover-card');
    expect(within(card).getByTestId('status-label').textContent).toBe('Refused');
    expect(within(card).getByTestId('status-refusal').textContent).toContain('квалификационным требованиям');
  });

  it('lists every application of an IIN and lets the operator choose one', async () => {
    const { query } = await handOverScreen();
    scan(query, '850415312343');
    const rows = await screen.findAllByTestId('handover-result-row');
    expect(rows.map((row) => row.querySelector('.data-table__number')?.textContent)).toEqual(['WS01-000004', 'KZ-LIC-2025-00003', 'KZ-LIC-2025-00001']);
    expect(screen.queryByTestId('handover-card')).toBeNull();
    fireEvent.click(within(rows[2]!).getByRole('button'));
    expect(within(await screen.findByTestId('handover-card')).getByTestId('status-label').textContent).toBe('Under review');
  });

  it('says so when nothing matches', async () => {
    const { query } = await handOverScreen({ language: 'ru' });
    scan(query, 'KZ-LIC-2025-99999');
    expect((await screen.findByTestId('handover-none-found')).textContent).toBe('На этом рабочем месте нет заявлений по запросу «KZ-LIC-2025-99999».');
  });

  it('refuses to hand over what is not ready, and says why', async () => {
    const { query } = await handOverScreen();
    scan(query, 'KZ-LIC-2025-00001');
    await screen.findByTestId('handover-card');
    expect((screen.getByTestId('handover-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('handover-blocked-reason').textContent).toBe(
      'It cannot be handed over yet: the status is “Under review”. A result is handed over once it is “Ready for hand-over”.',
    );
    expect(screen.queryByTestId('handover-view-result')).toBeNull();

    scan(query, 'WS01-000004');
    await waitFor(() => expect(screen.getByTestId('handover-blocked-reason').textContent).toBe('The application is not registered yet, so there is no result.'));
  });

  it('asks to view the result first, then records the hand-over and shows its time', async () => {
    const { store, fake, tracked, query } = await handOverScreen();
    // A store without a questionnaire screen: the button would lead nowhere.
    store.setState({ openQuestionnaire: undefined } as unknown as Partial<WorkstationState>);
    scan(query, 'KZ-LIC-2025-00003');
    await screen.findByTestId('handover-card');
    expect((screen.getByTestId('handover-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('handover-blocked-reason').textContent).toBe('View or print the result first: that downloads it to this workstation.');

    fireEvent.click(screen.getByTestId('handover-view-result'));
    expect(((await screen.findByTestId('status-result-frame')) as HTMLIFrameElement).src).toBe('blob:http://127.0.0.1/pdf-1');
    await waitFor(() => expect((screen.getByTestId('handover-confirm') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByTestId('handover-blocked-reason')).toBeNull();

    fireEvent.click(screen.getByTestId('handover-confirm'));
    const done = await screen.findByTestId('handover-done');
    expect(done.textContent).toMatch(/^Result handed over at \d{2}\.\d{2}\.2025 \d{2}:\d{2}\./);
    expect(fake.callsTo('status', 'handOver').map((call) => call.args)).toEqual([[tracked.ready.applicationId]]);
    expect(fake.queue.applications.find((application) => application.applicationId === tracked.ready.applicationId)?.handOver).not.toBeNull();
    expect(screen.getByTestId('handover-card').querySelector('[data-testid="status-label"]')?.textContent).toBe('Handed over to the applicant');
    expect(screen.queryByTestId('handover-confirm')).toBeNull();
    expect(screen.queryByTestId('handover-questionnaire')).toBeNull();

    fireEvent.click(screen.getByTestId('handover-next'));
    expect(screen.queryByTestId('handover-card')).toBeNull();
    expect((screen.getByTestId('handover-query') as HTMLInputElement).value).toBe('');
    expect(spies.revoked).toEqual(['blob:http://127.0.0.1/pdf-1']);
  });

  it('prints the result from a hidden frame, which also makes it ready to hand over', async () => {
    const { query } = await handOverScreen();
    scan(query, 'KZ-LIC-2025-00003');
    fireEvent.click(await screen.findByTestId('handover-print-result'));
    const frame = await waitFor(() => {
      const found = document.getElementById('receipt-print-frame');
      if (!(found instanceof HTMLIFrameElement)) throw new Error('no print frame yet');
      return found;
    });
    frame.dispatchEvent(new Event('load'));
    expect(spies.prints.count).toBe(1);
    expect(await spies.blobs[0]?.text()).toContain('result result-KZ-LIC-2025-00003.pdf');
    await waitFor(() => expect((screen.getByTestId('handover-confirm') as HTMLButtonElement).disabled).toBe(false));
  });

  it('explains main’s refusal and an earlier hand-over', async () => {
    const { fake, tracked, query } = await handOverScreen({ language: 'ru' });
    await fake.api.status.result(tracked.ready.applicationId);
    fake.impl.status.handOver = async () => err({ kind: 'not-ready' });
    scan(query, 'KZ-LIC-2025-00003');
    fireEvent.click(await screen.findByTestId('handover-confirm'));
    expect((await screen.findByTestId('handover-refused')).textContent).toBe(
      'Выдача не записана: результат ещё не готов к выдаче или не загружен на это рабочее место. Обновите статус и просмотрите результат.',
    );

    fake.impl.status.handOver = async () => err({ kind: 'already-handed-over', handedOverAt: '2025-03-06T10:15:00+05:00' });
    fireEvent.click(screen.getByTestId('handover-confirm'));
    await waitFor(() => expect(screen.getByTestId('handover-refused').textContent).toMatch(/^Результат уже выдан 06\.03\.2025 \d{2}:15\.$/));
  });

  it('offers the questionnaire after the hand-over when the store has one', async () => {
    const { store, fake, tracked, query } = await handOverScreen({ language: 'kk' });
    const openQuestionnaire = vi.fn();
    store.setState({ openQuestionnaire } as unknown as Partial<WorkstationState>);
    await fake.api.status.result(tracked.ready.applicationId);
    scan(query, 'KZ-LIC-2025-00003');
    fireEvent.click(await screen.findByTestId('handover-confirm'));
    const button = await screen.findByTestId('handover-questionnaire');
    expect(button.textContent).toBe('Сауалнама');
    fireEvent.click(button);
    expect(openQuestionnaire).toHaveBeenCalledWith(tracked.ready.applicationId);
  });
});
