import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/App';
import { StoreProvider } from '../../store/StoreProvider';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { FAKE_REFUSAL_REASON, fakeLicenceDecision } from '../../test-support/fakeStatus';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';
import { spyOnPdfOutput, type PdfOutputSpies } from '../../test-support/pdfOutputSpies';
import { arrangeTrackedApplications } from '../../test-support/statusScenarios';
import { ApplicationsJournal } from '../applications/ApplicationsJournal';

let spies: PdfOutputSpies;

beforeEach(() => {
  spies = spyOnPdfOutput();
});

afterEach(() => {
  cleanup();
  spies.restore();
  vi.restoreAllMocks();
});

async function statusScreen(options: FakeWorkstationOptions = { language: 'en' }) {
  const arranged = await createSignedInStore(options);
  const tracked = arrangeTrackedApplications(arranged.fake);
  arranged.store.getState().openJournal();
  render(<App store={arranged.store} />);
  const rows = await screen.findAllByTestId('applications-row');
  return { ...arranged, tracked, rows };
}

/** The row of the application with this local number. */
function rowOf(localNumber: string): HTMLElement {
  const row = screen.getAllByTestId('applications-row').find((candidate) => candidate.querySelector('td')?.textContent === localNumber);
  if (!row) throw new Error(`no row ${localNumber}`);
  return row;
}

const cellsOf = (row: HTMLElement) => [...row.querySelectorAll('td')].map((cell) => cell.textContent);

describe('status screen', () => {
  it('shows number, service with subtype, IIN/BIN, deadline and the provider status of each application, newest first', async () => {
    const { rows } = await statusScreen();
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['WS01-000004', 'WS01-000003', 'WS01-000002', 'WS01-000001']);
    expect(screen.getAllByTestId('status-label').map((label) => label.textContent)).toEqual([
      'Accepted, being sent',
      'Ready for hand-over',
      'Refused',
      'Under review',
    ]);

    const [, registration, service, applicant, , deadline] = cellsOf(rowOf('WS01-000003'));
    expect(registration).toBe('KZ-LIC-2025-00003');
    expect(service).toBe('Casino licence: issue, re-issue, duplicatesRe-issue');
    expect(applicant).toContain('850415312343');
    expect(deadline).toMatch(/^\d{2}\.\d{2}\.2025$/);
    expect(cellsOf(rowOf('WS01-000002'))[3]).toContain('150840123461');
    // The queued one has no request number from the backend yet and nothing to refresh or view.
    expect(cellsOf(rowOf('WS01-000004'))[1]).toBe('waiting');
    expect(within(rowOf('WS01-000004')).queryByTestId('status-refresh-row')).toBeNull();
    expect(within(rowOf('WS01-000001')).queryByTestId('status-view-result')).toBeNull();
    expect(within(rowOf('WS01-000003')).getByTestId('status-view-result').textContent).toBe('View result');
  });

  it('shows the provider’s reason for a refusal, in Russian for an English interface and in Kazakh for Kazakh', async () => {
    await statusScreen({ language: 'en' });
    expect(within(rowOf('WS01-000002')).getByTestId('status-refusal').textContent).toBe(`Reason for refusal: ${FAKE_REFUSAL_REASON.ru}`);
    cleanup();
    await statusScreen({ language: 'kk' });
    expect(within(rowOf('WS01-000002')).getByTestId('status-label').textContent).toBe('Бас тартылды');
    expect(within(rowOf('WS01-000002')).getByTestId('status-refusal').textContent).toBe(`Бас тарту себебі: ${FAKE_REFUSAL_REASON.kk}`);
    expect(within(rowOf('WS01-000002')).getByTestId('status-refresh-row').textContent).toBe('Мәртебені жаңалау');
  });

  it('asks main for one application’s status with the row’s refresh button and shows the answer', async () => {
    const { fake, tracked } = await statusScreen();
    fake.status.provider(tracked.underReview.applicationId, { status: 'issued', decision: fakeLicenceDecision('2025-03-06T15:00:00+05:00') });
    expect(within(rowOf('WS01-000001')).getByTestId('status-label').textContent).toBe('Under review');

    fireEvent.click(within(rowOf('WS01-000001')).getByTestId('status-refresh-row'));

    await waitFor(() => expect(within(rowOf('WS01-000001')).getByTestId('status-label').textContent).toBe('Decision: issued'));
    expect(fake.callsTo('status', 'refresh').map((call) => call.args)).toEqual([[tracked.underReview.applicationId]]);
    expect(within(rowOf('WS01-000001')).getByTestId('status-view-result')).toBeTruthy();
  });

  it('keeps the last known status and says why when the backend cannot be reached', async () => {
    const { fake } = await statusScreen();
    fake.status.setBackendAvailable(false);
    fireEvent.click(within(rowOf('WS01-000001')).getByTestId('status-refresh-row'));
    expect((await screen.findByTestId('status-row-error')).textContent).toBe(
      'The system cannot be reached. The last known status is shown; the workstation will ask again by itself.',
    );
    expect(within(rowOf('WS01-000001')).getByTestId('status-label').textContent).toBe('Under review');
  });

  it('opens the result PDF in the in-app viewer and revokes its URL when closed with Escape', async () => {
    const { fake, tracked } = await statusScreen();
    fireEvent.click(within(rowOf('WS01-000003')).getByTestId('status-view-result'));

    const frame = (await screen.findByTestId('status-result-frame')) as HTMLIFrameElement;
    expect(frame.src).toBe('blob:http://127.0.0.1/pdf-1');
    expect(screen.getByTestId('status-result-viewer').getAttribute('aria-label')).toBe('Result: result-KZ-LIC-2025-00003.pdf');
    expect(spies.blobs[0]?.type).toBe('application/pdf');
    expect(await spies.blobs[0]?.text()).toMatch(/^%PDF-1\.4\n% result result-KZ-LIC-2025-00003\.pdf/);
    expect(fake.callsTo('status', 'result').map((call) => call.args)).toEqual([[tracked.ready.applicationId]]);

    fireEvent.keyDown(window, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('status-result-viewer')).toBeNull());
    expect(spies.revoked).toEqual(['blob:http://127.0.0.1/pdf-1']);
  });

  it('says so in the viewer when the provider has no result yet', async () => {
    const { fake, tracked } = await statusScreen();
    fake.status.track(tracked.underReview.applicationId, { status: 'under-review', resultAvailable: true });
    fake.status.provider(tracked.underReview.applicationId, { status: 'under-review', resultAvailable: false });
    fireEvent.click(screen.getByTestId('applications-refresh'));
    fireEvent.click(await within(rowOf('WS01-000001')).findByTestId('status-view-result'));
    expect((await screen.findByTestId('status-result-error')).textContent).toBe('The provider has not produced a result yet.');
    expect(spies.blobs).toHaveLength(0);
  });

  it('saves the result as a PDF download under main’s file name', async () => {
    await statusScreen();
    fireEvent.click(within(rowOf('WS01-000002')).getByTestId('status-save-result'));
    await waitFor(() => expect(spies.downloads).toHaveLength(1));
    expect(spies.downloads[0]).toEqual({ fileName: 'result-KZ-LIC-2025-00002.pdf', href: 'blob:http://127.0.0.1/pdf-1' });
    expect(screen.queryByTestId('status-result-viewer')).toBeNull();
  });

  it('opens the details: status history with times, the decision and the hand-over', async () => {
    const { fake, tracked } = await statusScreen();
    fireEvent.click(within(rowOf('WS01-000003')).getByTestId('status-open'));
    const details = await screen.findByTestId('status-details');
    expect(within(details).getByRole('heading', { level: 3 }).textContent).toBe('Application KZ-LIC-2025-00003');
    const events = within(details).getAllByTestId('status-history-event').map((event) => event.textContent);
    expect(events).toHaveLength(3);
    expect(events.map((event) => event?.replace(/^\d{2}\.\d{2}\.2025 \d{2}:\d{2} /, ''))).toEqual([
      'Registered, awaiting review',
      'Decision: issued',
      'Ready for hand-over',
    ]);
    expect(within(details).getByTestId('status-details-decision').textContent).toMatch(/^Re-issued licence No\. LIC-25-000123Decided: 06\.03\.2025 \d{2}:\d{2}$/);
    expect(within(details).getByTestId('status-details-handover').textContent).toBe('Not handed over yet.');

    await fake.api.status.result(tracked.ready.applicationId);
    await fake.api.status.handOver(tracked.ready.applicationId);
    fireEvent.click(screen.getByTestId('applications-refresh'));
    await waitFor(() => expect(within(rowOf('WS01-000003')).getByTestId('status-label').textContent).toBe('Handed over to the applicant'));
    expect(screen.getByTestId('status-details-handover').textContent).toMatch(/^\d{2}\.\d{2}\.2025 \d{2}:\d{2}, by operator Сейітова Әйгерім Нұрланқызы$/);
  });

  it('re-reads the list from main while open, so what main’s poller learned shows without a click', async () => {
    const { store, fake } = await createSignedInStore({ language: 'en' });
    const tracked = arrangeTrackedApplications(fake);
    render(
      <StoreProvider store={store}>
        <ApplicationsJournal pollIntervalMs={20} />
      </StoreProvider>,
    );
    await screen.findAllByTestId('applications-row');
    fake.status.track(tracked.underReview.applicationId, { status: 'refused' });
    await waitFor(() => expect(within(rowOf('WS01-000001')).getByTestId('status-label').textContent).toBe('Refused'));
    const lists = fake.callsTo('submissions', 'list').length;
    expect(lists).toBeGreaterThanOrEqual(2);
    expect(fake.callsTo('status', 'refresh')).toHaveLength(0);
    cleanup();
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(fake.callsTo('submissions', 'list').length).toBeLessThanOrEqual(lists + 1);
  });

  it('tells the operator the list refreshes by itself, in seconds', async () => {
    await statusScreen({ language: 'ru' });
    expect(screen.getByText('Список обновляется сам каждые 45 с.')).toBeTruthy();
  });
});
