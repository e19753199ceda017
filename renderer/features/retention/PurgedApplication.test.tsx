import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { createTranslator } from '../../i18n/translator';
import { createSignedInStore } from '../../test-support/arrangeStore';
import { arrangeTrackedApplications } from '../../test-support/statusScenarios';

afterEach(cleanup);

const PURGED_AT = '2025-04-10T03:00:00.000Z';
const when = createTranslator('en').formatDateTime(PURGED_AT);

/** The re-issued licence of the status scenarios, handed over, then purged by main's retention pass. */
async function arrangePurged() {
  const arranged = await createSignedInStore({ language: 'en' });
  const tracked = arrangeTrackedApplications(arranged.fake);
  const { applicationId } = tracked.ready;
  expect((await arranged.fake.api.status.result(applicationId)).ok).toBe(true);
  expect((await arranged.fake.api.status.handOver(applicationId)).ok).toBe(true);
  const purged = arranged.fake.status.purge(applicationId, PURGED_AT);
  return { ...arranged, tracked, purged };
}

describe('an application whose personal data were purged', () => {
  it('lists on the status screen with its numbers and status, says when its data were removed, and offers no result or receipt', async () => {
    const { store, tracked, purged } = await arrangePurged();
    store.getState().openJournal();
    render(<App store={store} />);

    const rows = await screen.findAllByTestId('applications-row');
    const row = rows.find((candidate) => candidate.textContent?.includes(purged.localNumber))!;
    const cells = [...row.querySelectorAll('td')];
    expect(cells[1]!.textContent).toBe(purged.registrationNumber);
    expect(cells[3]!.textContent).toBe(`Personal data removed on ${when} under the retention rule`);
    expect(within(row).getByTestId('status-label').textContent).toBe('Handed over to the applicant');

    const reason = `Not available: the applicant’s personal data and documents were removed on ${when} under the retention rule.`;
    for (const testId of ['receipt-print', 'receipt-save', 'status-view-result', 'status-save-result']) {
      const button = within(row).getByTestId(testId) as HTMLButtonElement;
      expect(button.disabled, testId).toBe(true);
      expect(button.title, testId).toBe(reason);
    }
    expect(within(row).queryByTestId('status-refresh-row')).toBeNull();

    // A row still kept is untouched: name and IIN, receipt enabled.
    const kept = rows.find((candidate) => candidate.textContent?.includes(tracked.underReview.localNumber))!;
    expect(kept.querySelectorAll('td')[3]!.textContent).toBe('Жұмабеков Ерғали Өмірұлы850415312343');
    expect((within(kept).getByTestId('receipt-print') as HTMLButtonElement).disabled).toBe(false);

    fireEvent.click(within(row).getByTestId('status-open'));
    const details = await screen.findByTestId('status-details');
    expect(within(details).getByTestId('status-details-purged').textContent).toBe(`Personal data removed on ${when} under the retention rule`);
    expect(within(details).getByTestId('status-details-decision').textContent).toContain('Re-issued licence No. LIC-25-000123');
    expect(within(details).getAllByTestId('status-history-event').length).toBeGreaterThan(1);
  });

  it('shows on the hand-over card found by its registration number, with the result buttons disabled and the reason', async () => {
    const { store, purged } = await arrangePurged();
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('nav-handover'));
    const query = (await screen.findByTestId('handover-query')) as HTMLInputElement;
    fireEvent.change(query, { target: { value: purged.registrationNumber! } });
    fireEvent.submit(query.closest('form')!);

    const card = await screen.findByTestId('handover-card');
    expect(screen.getByTestId('handover-result-row').textContent).toContain(`Personal data removed on ${when}`);
    expect(within(card).getByTestId('handover-applicant').textContent).toBe(`ApplicantPersonal data removed on ${when} under the retention rule`);
    for (const testId of ['handover-view-result', 'handover-print-result']) {
      const button = within(card).getByTestId(testId) as HTMLButtonElement;
      expect(button.disabled, testId).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBe('handover-purged-reason');
    }
    expect(within(card).getByTestId('handover-purged-reason').textContent).toContain('Not available');
    expect(within(card).queryByTestId('handover-refresh')).toBeNull();
    expect((within(card).getByTestId('handover-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});
