import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err } from '../../../core/result';
import { App } from '../../app/App';
import { arrangeReadyToSubmit } from '../../test-support/arrangeStore';
import { FAKE_KEY_PASSWORD } from '../../test-support/fakeSigningKeys';
import type { FakeWorkstationOptions } from '../../test-support/fakeWorkstationApi';

const blobs: Blob[] = [];
let print: ReturnType<typeof vi.fn>;
let downloads: { fileName: string; href: string }[];

beforeEach(() => {
  blobs.length = 0;
  downloads = [];
  print = vi.fn();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:http://127.0.0.1/receipt-${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  // happy-dom cannot load a frame (and says so on its console): the frame's src is only recorded, and the test plays its load.
  const frameSources = new WeakMap<HTMLIFrameElement, string>();
  vi.spyOn(HTMLIFrameElement.prototype, 'src', 'set').mockImplementation(function (this: HTMLIFrameElement, value: string) {
    frameSources.set(this, value);
  });
  vi.spyOn(HTMLIFrameElement.prototype, 'src', 'get').mockImplementation(function (this: HTMLIFrameElement) {
    return frameSources.get(this) ?? '';
  });
  vi.spyOn(HTMLIFrameElement.prototype, 'contentWindow', 'get').mockReturnValue({ focus: vi.fn(), print } as unknown as Window);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ fileName: this.download, href: this.href });
  });
});

afterEach(() => {
  cleanup();
  document.getElementById('receipt-print-frame')?.remove();
  vi.restoreAllMocks();
});

async function submittedApplication(options: FakeWorkstationOptions) {
  const arranged = await arrangeReadyToSubmit(options);
  const submitted = await arranged.store.getState().submitApplication(FAKE_KEY_PASSWORD);
  if (!submitted) throw new Error('submit failed');
  const application = arranged.fake.api.submissions.list().then((list) => (list.ok ? list.value[0]! : Promise.reject(new Error('no journal'))));
  return { ...arranged, application: await application };
}

/** The hidden frame the receipt is printed from, once loaded (the test plays the load happy-dom cannot). */
async function loadedPrintFrame(): Promise<HTMLIFrameElement> {
  const frame = await waitFor(() => {
    const found = document.getElementById('receipt-print-frame');
    if (!(found instanceof HTMLIFrameElement)) throw new Error('no print frame yet');
    return found;
  });
  act(() => {
    frame.dispatchEvent(new Event('load'));
  });
  return frame;
}

describe('ReceiptActions', () => {
  it('prints the Kazakh receipt from a hidden frame on the result screen', async () => {
    const { store, fake, application } = await submittedApplication({ language: 'kk' });
    render(<App store={store} />);
    const printButton = await screen.findByTestId('receipt-print');
    expect(printButton.textContent).toBe('Тізілімдемені басып шығару');
    expect(printButton.getAttribute('aria-keyshortcuts')).toBe('Alt+P');
    fireEvent.click(printButton);

    const frame = await loadedPrintFrame();
    expect(frame.src).toBe('blob:http://127.0.0.1/receipt-1');
    expect(print).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('printing', 'print').map((call) => call.args)).toEqual([[{ kind: 'receipt', applicationId: application.applicationId, language: 'kk' }]]);
    expect(blobs[0]?.type).toBe('application/pdf');
    expect(await blobs[0]?.text()).toMatch(/^%PDF-1\.4\n% receipt kk /);
    await waitFor(() => expect((screen.getByTestId('receipt-print') as HTMLButtonElement).disabled).toBe(false));
  });

  it('prints with Alt+P on the result screen, in Russian when the interface is in English', async () => {
    const { store, fake, application } = await submittedApplication({ language: 'en' });
    render(<App store={store} />);
    expect((await screen.findByTestId('receipt-print')).textContent).toBe('Print receipt');
    fireEvent.keyDown(window, { code: 'KeyP', key: 'p', altKey: true });
    await loadedPrintFrame();
    expect(print).toHaveBeenCalledTimes(1);
    expect(fake.callsTo('printing', 'print').map((call) => call.args)).toEqual([[{ kind: 'receipt', applicationId: application.applicationId, language: 'ru' }]]);
  });

  it('saves the receipt as a PDF download named after the number', async () => {
    const { store, application } = await submittedApplication({ language: 'ru' });
    render(<App store={store} />);
    const saveButton = await screen.findByTestId('receipt-save');
    expect(saveButton.textContent).toBe('Сохранить в PDF');
    fireEvent.click(saveButton);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]).toEqual({
      fileName: `raspiska-${application.registrationNumber!.replace(/[^0-9A-Za-z-]+/g, '_')}.pdf`,
      href: 'blob:http://127.0.0.1/receipt-1',
    });
    expect(await blobs[0]?.text()).toContain(`receipt ru ${application.registrationNumber}`);
    expect(print).not.toHaveBeenCalled();
  });

  it('offers print and save for each application in the journal', async () => {
    const { store, application } = await submittedApplication({ language: 'kk', submitState: 'accepted' });
    store.getState().openJournal();
    render(<App store={store} />);
    const [row] = await screen.findAllByTestId('applications-row');
    fireEvent.click(row!.querySelector('[data-testid="receipt-save"]')!);
    await waitFor(() => expect(downloads).toHaveLength(1));
    // Not registered yet: the receipt states the local number.
    expect(downloads[0]?.fileName).toBe(`tizilimdeme-${application.localNumber.replace(/[^0-9A-Za-z-]+/g, '_')}.pdf`);
    fireEvent.click(row!.querySelector('[data-testid="receipt-print"]')!);
    await loadedPrintFrame();
    expect(print).toHaveBeenCalledTimes(1);
    // The journal has no Alt+P: it would not say which row.
    expect(row!.querySelector('[data-testid="receipt-print"]')!.getAttribute('aria-keyshortcuts')).toBeNull();
  });

  it('says so when main has no such application, and prints nothing', async () => {
    const { store, fake } = await submittedApplication({ language: 'ru' });
    fake.impl.receipts.forApplication = async () => err({ kind: 'not-found' });
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('receipt-print'));
    expect((await screen.findByTestId('receipt-print-failed')).textContent).toBe('Документа для печати нет на этом рабочем месте.');
    expect(document.getElementById('receipt-print-frame')).toBeNull();
    expect(print).not.toHaveBeenCalled();
  });

  it('prints on the chosen printer without a dialog and says where', async () => {
    const { store, fake, application } = await submittedApplication({ language: 'en' });
    fake.printing.setChosen('CounterPDF');
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('receipt-print'));
    expect((await screen.findByTestId('receipt-printed')).textContent).toBe('Printed on CounterPDF.');
    expect(fake.printing.printed()).toEqual([`receipt:${application.applicationId}`]);
    expect(document.getElementById('receipt-print-frame')).toBeNull();
  });

  it('a stopped printer is named with its reason in the operator language, and the receipt can still be saved', async () => {
    const { store, fake } = await submittedApplication({ language: 'ru' });
    fake.printing.setChosen('CounterPDF');
    fake.printing.failWith('printer-stopped');
    render(<App store={store} />);
    fireEvent.click(await screen.findByTestId('receipt-print'));
    expect((await screen.findByTestId('receipt-print-failed')).textContent).toBe('Принтер CounterPDF остановлен. Запустите его или сохраните документ как PDF.');
    fireEvent.click(screen.getByTestId('receipt-save'));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(print).not.toHaveBeenCalled();
  });
});
