import { PDFDocument } from 'pdf-lib';
import { expect, it } from 'vitest';
import type { PrinterPort } from './PrinterPort';

export interface PrinterPortFixture {
  readonly port: PrinterPort;
  /** A printer that prints. */
  readonly workingPrinter: string;
  /** Stops `name` (CUPS: cupsdisable), so it reports `stopped`. */
  stop(name: string): Promise<void>;
  start(name: string): Promise<void>;
  /** A port whose print system does not answer (CUPS: a server address nothing listens on). */
  readonly unreachablePort: PrinterPort;
}

export async function onePagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('contract test page', { x: 50, y: 780, size: 14 });
  return pdf.save();
}

/** The cases every printer port must pass alike: the fake and the real CUPS adapter. */
export function printerPortContract(fixture: () => PrinterPortFixture): void {
  it('lists the working printer and prints a page on it', async () => {
    const { port, workingPrinter } = fixture();
    const listed = await port.listPrinters();
    expect(listed.ok && listed.value.map((p) => p.name)).toContain(workingPrinter);
    const job = await port.print({ printer: workingPrinter, title: 'contract-test', pdf: await onePagePdf() });
    expect(job).toMatchObject({ ok: true, value: { state: expect.stringMatching(/completed|queued/) } });
  });

  it('refuses a stopped printer with printer-stopped and prints again once started', async () => {
    const { port, workingPrinter, stop, start } = fixture();
    await stop(workingPrinter);
    try {
      expect(await port.print({ printer: workingPrinter, title: 'contract-stopped', pdf: await onePagePdf() })).toEqual({ ok: false, error: 'printer-stopped' });
      const listed = await port.listPrinters();
      expect(listed.ok && listed.value.find((p) => p.name === workingPrinter)?.problems).toContain('stopped');
    } finally {
      await start(workingPrinter);
    }
    expect((await port.print({ printer: workingPrinter, title: 'contract-restarted', pdf: await onePagePdf() })).ok).toBe(true);
  });

  it('answers printer-not-found for a name the system does not know, shell metacharacters and all', async () => {
    const { port } = fixture();
    expect(await port.print({ printer: 'no;such$(printer)|`x`', title: 't', pdf: await onePagePdf() })).toEqual({ ok: false, error: 'printer-not-found' });
  });

  it('answers print-system-unavailable when the print system does not answer', async () => {
    const { unreachablePort } = fixture();
    expect(await unreachablePort.listPrinters()).toEqual({ ok: false, error: 'print-system-unavailable' });
    expect(await unreachablePort.print({ printer: 'CounterPDF', title: 't', pdf: await onePagePdf() })).toEqual({ ok: false, error: 'print-system-unavailable' });
  });
}
