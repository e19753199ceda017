import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../app/App';
import { chooseService, confirmApplicant, createSignedInStore, findApplicant } from '../../test-support/arrangeStore';
import { FAKE_FOLDER_SCANNER, FAKE_SCANNER } from '../../test-support/fakeScanning';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';

afterEach(cleanup);

async function renderScanner(options: FakeWorkstationOptions = {}) {
  const arranged = await createSignedInStore({ language: 'en', ...options });
  await chooseService(arranged.store);
  await findApplicant(arranged.store, '850415312343');
  await confirmApplicant(arranged.store);
  render(<App store={arranged.store} />);
  await screen.findByTestId('scan-button');
  return arranged;
}

const value = (testId: string) => (screen.getByTestId(testId) as HTMLSelectElement).value;
const thumbsIn = (slotId: string) => within(screen.getByTestId(`slot-${slotId}`)).queryAllByTestId('page-thumb');

describe('ScannerPanel', () => {
  it('offers what the device can do, with 300 dpi and greyscale by default', async () => {
    await renderScanner();
    await screen.findByTestId('scanner-device');
    expect(value('scanner-device')).toBe(FAKE_SCANNER.deviceId);
    expect(within(screen.getByTestId('scanner-source')).getAllByRole('option').map((option) => option.textContent)).toEqual(['Flatbed (glass)', 'Document feeder (ADF)']);
    expect(value('scanner-resolution')).toBe('300');
    expect(value('scanner-mode')).toBe('gray');
    expect(screen.getByTestId('scan-button').getAttribute('aria-keyshortcuts')).toBe('F8 Control+Enter');
    expect(screen.getByText('Scan', { selector: '.shortcut-hints__item', exact: false }).textContent).toBe('F8 / Ctrl+Enter Scan');
  });

  it('takes the resolution closest to 300 dpi when 300 is not offered', async () => {
    await renderScanner({ scanners: [FAKE_FOLDER_SCANNER] });
    await screen.findByTestId('scanner-device');
    expect(value('scanner-resolution')).toBe('400');
    expect(value('scanner-source')).toBe('adf');
  });

  it('scans with F8 into the active slot with the chosen settings; the page appears and the progress bar goes', async () => {
    const { fake } = await renderScanner();
    await screen.findByTestId('scanner-device');
    fireEvent.change(screen.getByTestId('scanner-mode'), { target: { value: 'bw' } });
    fireEvent.change(screen.getByTestId('scanner-resolution'), { target: { value: '200' } });
    fireEvent.keyDown(window, { key: 'F8', code: 'F8' });

    await waitFor(() => expect(thumbsIn('application')).toHaveLength(1));
    expect(fake.callsTo('scanning', 'start')[0]?.args.slice(1)).toEqual([
      'application',
      { deviceId: FAKE_SCANNER.deviceId, source: 'flatbed', resolutionDpi: 200, mode: 'bw' },
    ]);
    expect((await screen.findByTestId('scan-summary')).textContent).toBe('1 page scanned into “Licence application form”.');
    expect(screen.queryByTestId('scan-progress')).toBeNull();
    // The next scan goes to the next required document still without pages; Ctrl+Enter scans too.
    fireEvent.keyDown(window, { key: 'Enter', code: 'Enter', ctrlKey: true });
    await waitFor(() => expect(thumbsIn('identity')).toHaveLength(1));
  });

  it('shows live progress while the feeder delivers pages, and stops the batch with Stop', async () => {
    const { fake } = await renderScanner();
    await screen.findByTestId('scanner-device');
    fireEvent.change(screen.getByTestId('scanner-source'), { target: { value: 'adf' } });
    fake.scanner.loadBatch({ pages: 10 });
    fake.scanner.hold();
    fireEvent.click(screen.getByTestId('scan-button'));
    expect((await screen.findByTestId('scan-progress')).textContent).toContain('Scanning into “Licence application form”: 0 pages so far…');
    expect(screen.getByTestId('scan-button')).toHaveProperty('disabled', true);

    fake.scanner.release();
    await waitFor(() => expect(thumbsIn('application').length).toBeGreaterThanOrEqual(2));
    fake.scanner.hold();
    await waitFor(() => expect(screen.getByTestId('scan-progress').textContent).toContain(`${thumbsIn('application').length} pages so far`));

    fireEvent.click(screen.getByTestId('scan-cancel'));
    await waitFor(() => expect(screen.queryByTestId('scan-progress')).toBeNull());
    const kept = thumbsIn('application').length;
    expect(screen.getByTestId('scan-summary').textContent).toBe(`Scanning stopped; ${kept} pages kept in “Licence application form”.`);
    expect(kept).toBeLessThan(10);
  });

  it('tells the operator to clear a paper jam and keeps the pages scanned before it', async () => {
    const { fake } = await renderScanner();
    await screen.findByTestId('scanner-device');
    fireEvent.change(screen.getByTestId('scanner-source'), { target: { value: 'adf' } });
    fake.scanner.loadBatch({ pages: 5, jamAfter: 2 });
    fireEvent.click(screen.getByTestId('scan-button'));

    expect((await screen.findByTestId('scan-error')).textContent).toBe(
      'Paper jam. Open the feeder and remove the jammed sheet; the pages scanned before it are kept. Put the remaining sheets back and scan again.' +
        'The 2 pages scanned before it are kept in “Licence application form”.',
    );
    expect(thumbsIn('application')).toHaveLength(2);
    expect(screen.getByTestId('scan-button')).toHaveProperty('disabled', false);
  });

  it('explains a failure before the first page, in Kazakh too', async () => {
    const { fake } = await renderScanner({ language: 'kk' });
    await screen.findByTestId('scanner-device');
    fake.scanner.loadBatch({ failure: 'cover-open' });
    fireEvent.click(screen.getByTestId('scan-button'));
    expect((await screen.findByTestId('scan-error')).textContent).toBe('Сканердің қақпағы немесе беру құрылғысы ашық. Оны жауып, қайта сканерлеңіз.');
  });

  it('flags the pages blank-page detection found, and counts the ones the pipeline refused', async () => {
    const { fake } = await renderScanner();
    await screen.findByTestId('scanner-device');
    fireEvent.change(screen.getByTestId('scanner-source'), { target: { value: 'adf' } });
    fake.scanner.loadBatch({ pages: 4, blankPages: [1], rejectedPages: [3] });
    fireEvent.click(screen.getByTestId('scan-button'));
    await screen.findByTestId('scan-summary');
    expect(thumbsIn('application')).toHaveLength(3);
    expect(screen.getAllByTestId('page-blank')).toHaveLength(1);
    expect(screen.getByTestId('scan-rejected').textContent).toBe('1 page could not be processed and was left out: scan it again.');
  });

  it('explains that no scanner was found, finds one plugged in later, and keeps import available', async () => {
    const { fake } = await renderScanner({ scanners: [] });
    expect((await screen.findByTestId('scanner-none')).textContent).toContain('No scanner found.');
    expect(screen.getByTestId('scan-button')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('import-file-input')).toHaveProperty('disabled', false);
    fake.scanner.devices = [FAKE_SCANNER];
    fireEvent.click(screen.getByTestId('scanner-refresh'));
    expect(await screen.findByTestId('scanner-device')).toBeTruthy();
    expect(screen.getByTestId('scan-button')).toHaveProperty('disabled', false);
  });

  it('explains missing scanner software and keeps import available', async () => {
    await renderScanner({ isScannerSoftwareMissing: true, language: 'ru' });
    expect((await screen.findByTestId('scanner-software-missing')).textContent).toContain('не установлена программа для сканеров (SANE)');
    expect(screen.getByTestId('scan-button')).toHaveProperty('disabled', true);
    expect(screen.getByTestId('import-file-input')).toHaveProperty('disabled', false);
  });
});
