import { describe, expect, it } from 'vitest';
import { ElectronPdfPrinter, type PrintableWebContents, type PrintWindow } from './ElectronPdfPrinter';
import { PRINT_DOCUMENT_CSP, PrintDocuments } from './printDocuments';

const PRINTERS = [{ name: 'Counter_Laser', displayName: 'Counter Laser', description: '', isDefault: true }];

function arrange(printOutcome: { success: boolean; failureReason: string } = { success: true, failureReason: '' }) {
  const events: string[] = [];
  const documents = new PrintDocuments();
  let served: Response | null = null;
  let options: Record<string, unknown> | null = null;
  const contents: PrintableWebContents = {
    getPrintersAsync: async () => PRINTERS,
    print: (given, callback) => {
      events.push('print');
      options = given;
      callback(printOutcome.success, printOutcome.failureReason);
    },
  };
  const window: PrintWindow = {
    webContents: contents,
    loadURL: async (url) => {
      events.push('load');
      served = documents.serve(url);
    },
    destroy: () => events.push('destroy'),
  };
  const printer = new ElectronPdfPrinter({ documents, openPrintWindow: () => window, listingContents: () => contents, sleep: async () => void events.push('settle') });
  return { printer, events, documents, served: () => served, options: () => options };
}

describe('ElectronPdfPrinter (fake Electron)', () => {
  it('loads the PDF through app://print with its own CSP, prints silently on A4 only after loading, then closes the window', async () => {
    const { printer, events, served, options } = arrange();
    const pdf = new TextEncoder().encode('%PDF-1.7 test');
    const result = await printer.print({ printer: 'Counter_Laser', title: 'r', pdf });
    expect(result).toMatchObject({ ok: true, value: { state: 'queued' } });
    expect(events).toEqual(['load', 'settle', 'print', 'destroy']);
    expect(served()!.status).toBe(200);
    expect(served()!.headers.get('content-security-policy')).toBe(PRINT_DOCUMENT_CSP);
    expect(new Uint8Array(await served()!.arrayBuffer())).toEqual(pdf);
    expect(options()).toMatchObject({ silent: true, deviceName: 'Counter_Laser', pageSize: 'A4' });
  });

  it('the document is served once only while printing, and never to another host or token', async () => {
    const { printer, documents } = arrange();
    const { url, token } = documents.put(new Uint8Array([1]));
    expect(documents.serve(url.replace('app://print', 'app://workstation')).status).toBe(404);
    expect(documents.serve('app://print/00000000-0000-4000-8000-000000000000.pdf').status).toBe(404);
    documents.drop(token);
    expect(documents.serve(url).status).toBe(404);
    await printer.print({ printer: 'Counter_Laser', title: 'r', pdf: new Uint8Array([1]) });
  });

  it('a printer Electron does not list is printer-not-found; a failed job is job-failed', async () => {
    expect(await arrange().printer.print({ printer: 'Other', title: 'r', pdf: new Uint8Array([1]) })).toEqual({ ok: false, error: 'printer-not-found' });
    const failing = arrange({ success: false, failureReason: 'failed' });
    expect(await failing.printer.print({ printer: 'Counter_Laser', title: 'r', pdf: new Uint8Array([1]) })).toEqual({ ok: false, error: 'job-failed' });
    expect(failing.events.at(-1)).toBe('destroy');
  });
});
