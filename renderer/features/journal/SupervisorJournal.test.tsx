import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JournalReport } from '../../../core/contract';
import { App } from '../../app/App';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { BOOKMAKER_2012, SUPERVISOR } from '../../test-support/fakeFixtures';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const REPORT: Omit<JournalReport, 'filter'> = {
  countsByStatus: { registered: 3, issued: 1 },
  visits: [
    {
      visitId: '00000000-0000-4000-8000-0000000000a1',
      kind: 'acceptance',
      operatorId: 'aigerim.s',
      operatorName: 'Сәрсенова Әйгерім',
      serviceId: BOOKMAKER_2012.id,
      applicationId: '00000000-0000-4000-8000-0000000000b1',
      localNumber: 'WS01-000001',
      registrationNumber: 'KZ-LIC-2025-00001',
      status: 'registered',
      startedAt: '2025-03-10T04:10:00.000Z',
      totalSeconds: 1000,
      budgetMinutes: 15,
      overBudget: true,
      steps: [
        { step: 'service', startedAt: '2025-03-10T04:10:00.000Z', seconds: 40, norm: { minSeconds: 30, maxSeconds: 60 }, overNorm: false },
        { step: 'applicant', startedAt: '2025-03-10T04:10:40.000Z', seconds: 20, norm: { minSeconds: 10, maxSeconds: 15 }, overNorm: true },
      ],
    },
  ],
  steps: [
    { step: 'service', count: 1, medianSeconds: 40, maxSeconds: 40, overNorm: 0 },
    { step: 'applicant', count: 1, medianSeconds: 20, maxSeconds: 20, overNorm: 1 },
  ],
  questionnaire: [{ serviceId: BOOKMAKER_2012.id, question: 'quality', counts: [1, 0, 4] }],
  operators: [{ operatorId: 'aigerim.s', operatorName: 'Сәрсенова Әйгерім' }],
};

async function renderJournal() {
  const arranged = await createSignedInStore({ operator: SUPERVISOR, language: 'ru' });
  arranged.fake.journal.setReport({ ...REPORT, filter: { from: '2025-03-10', to: '2025-03-10', operatorId: null, serviceId: null } });
  render(<App store={arranged.store} />);
  fireEvent.click(await screen.findByTestId('nav-supervisor-journal'));
  const journal = await screen.findByTestId('supervisor-journal');
  await within(journal).findByTestId('journal-visit-row');
  return { ...arranged, journal };
}

describe('Supervisor journal', () => {
  it('renders the report: counts, step summary with norms and over-norm, visits and questionnaire tallies', async () => {
    const { journal, fake } = await renderJournal();
    expect(fake.callsTo('journal', 'report')).toHaveLength(1);
    expect(within(journal).getByTestId('journal-count-registered').textContent).toBe('Зарегистрировано 3');

    const summary = within(journal).getByTestId('journal-step-summary');
    const applicantRow = within(summary).getAllByTestId('journal-step-row')[1]!;
    expect([...applicantRow.children].map((cell) => cell.textContent)).toEqual(['Заявитель', '1', '00:20', '00:20', '00:10–00:15', '1']);

    const row = within(journal).getByTestId('journal-visit-row');
    expect(row.getAttribute('data-over-budget')).toBe('true');
    expect(row.textContent).toContain('KZ-LIC-2025-00001');
    expect(row.textContent).toContain(BOOKMAKER_2012.title.ru);
    expect(within(row).getByTestId('journal-visit-total').textContent).toBe('16:40 / 15:00');
    const steps = within(row).getAllByTestId('journal-visit-step');
    expect(steps.map((step) => step.getAttribute('data-over-norm'))).toEqual(['false', 'true']);
    expect(steps[1]!.className).toBe('journal-over');

    const tally = within(journal).getByTestId('journal-questionnaire-row');
    expect([...tally.children].map((cell) => cell.textContent)).toEqual([BOOKMAKER_2012.title.ru, 'Качество и результат', '1', '0', '4']);
  });

  it('opens with Alt+T for a supervisor', async () => {
    const { store } = await createSignedInStore({ operator: SUPERVISOR });
    render(<App store={store} />);
    await screen.findByTestId('nav-supervisor-journal');
    fireEvent.keyDown(window, { code: 'KeyT', altKey: true });
    expect(await screen.findByTestId('supervisor-journal')).toBeTruthy();
    expect(screen.getByTestId('nav-supervisor-journal').getAttribute('aria-current')).toBe('page');
  });

  it('applies the filter: the dates, operator and service typed are sent', async () => {
    const { journal, fake } = await renderJournal();
    fireEvent.change(within(journal).getByTestId('journal-filter-from'), { target: { value: '2025-03-01' } });
    fireEvent.change(within(journal).getByTestId('journal-filter-to'), { target: { value: '2025-03-10' } });
    fireEvent.change(within(journal).getByTestId('journal-filter-operator'), { target: { value: 'aigerim.s' } });
    fireEvent.change(within(journal).getByTestId('journal-filter-service'), { target: { value: BOOKMAKER_2012.id } });
    fireEvent.click(within(journal).getByTestId('journal-apply-filter'));
    await vi.waitFor(() => expect(fake.callsTo('journal', 'report')).toHaveLength(2));
    expect(fake.callsTo('journal', 'report')[1]!.args[0]).toEqual({ from: '2025-03-01', to: '2025-03-10', operatorId: 'aigerim.s', serviceId: BOOKMAKER_2012.id });
  });

  it('exports the visits and the questionnaire as CSV downloads named by main', async () => {
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:journal');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const { journal, fake } = await renderJournal();
    fireEvent.click(within(journal).getByTestId('journal-export-visits'));
    await vi.waitFor(() => expect(clicks).toHaveLength(1));
    fireEvent.click(within(journal).getByTestId('journal-export-questionnaire'));
    await vi.waitFor(() => expect(clicks).toHaveLength(2));

    expect(fake.callsTo('journal', 'exportCsv').map((call) => call.args[1])).toEqual(['visits', 'questionnaire']);
    expect(clicks[0]).toMatch(/^journal-visits-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(clicks[1]).toMatch(/^journal-questionnaire-/);
    const blob = createObjectURL.mock.calls[0]![0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toContain('visits;');
  });

  it('is not for operators: no menu item, Alt+T does nothing, the action refuses', async () => {
    const { store, fake } = await createSignedInStore();
    render(<App store={store} />);
    await screen.findByTestId('nav-applications');
    expect(screen.queryByTestId('nav-supervisor-journal')).toBeNull();
    fireEvent.keyDown(window, { code: 'KeyT', altKey: true });
    expect(store.getState().view).toBe('application');
    expect(store.getState().openSupervisorJournal()).toBe(false);
    // Even forced into the view, the workspace shows the wizard, not the journal.
    act(() => store.setState({ view: 'supervisor-journal' }));
    await act(async () => {});
    expect(screen.queryByTestId('supervisor-journal')).toBeNull();
    expect(fake.callsTo('journal', 'report')).toHaveLength(0);
  });
});
