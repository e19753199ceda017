/**
 * Electron's silent print as a printer port (issue 15 item 1): the PDF is loaded in a hidden,
 * sandboxed window from `app://print/<token>.pdf` (PrintDocuments: its own CSP, so the PDF viewer
 * may run), and printed with `webContents.print({ silent: true, deviceName, pageSize: 'A4' })` only
 * after the page has finished loading and the viewer has had time to lay the document out. Electron
 * fixed blank PDF prints from webContents.print in 30–32 (electron/electron#43309); Electron 45 has it.
 *
 * NOT RUN HERE: no Electron runtime on this project's machines. Tested statically with a fake
 * BrowserWindow (ElectronPdfPrinter.test.ts); the first run on a counter must print a receipt and a
 * result to a real printer before this is relied on (docs/PRINTING.md).
 */
import type { PrintFailureReason } from '../../../core/contract/printing';
import { err, ok, type Result } from '../../../core/result';
import type { PrinterPort, PrintJobDone, PrintJobRequest, SystemPrinter } from '../../printing/PrinterPort';
import type { PrintDocuments } from './printDocuments';

/** The parts of Electron's printer info and WebContents used here. */
export interface ElectronPrinterInfo {
  readonly name: string;
  readonly displayName: string;
  readonly description: string;
  readonly isDefault?: boolean;
}

export interface PrintableWebContents {
  print(options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void): void;
  getPrintersAsync(): Promise<ElectronPrinterInfo[]>;
}

export interface PrintWindow {
  readonly webContents: PrintableWebContents;
  loadURL(url: string): Promise<void>;
  destroy(): void;
}

export interface ElectronPdfPrinterDeps {
  readonly documents: PrintDocuments;
  /** Opens the hidden print window (openSecureWindow.ts openPrintWindow: hidden, sandboxed, no preload, PDF viewer only). */
  readonly openPrintWindow: () => PrintWindow;
  /** The main window's WebContents, to list the system's printers; null before it exists. */
  readonly listingContents: () => PrintableWebContents | null;
  /** Time for the PDF viewer to lay the document out after the page loaded; default 750 ms. */
  readonly viewerSettleMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export class ElectronPdfPrinter implements PrinterPort {
  readonly via = 'electron' as const;

  constructor(private readonly deps: ElectronPdfPrinterDeps) {}

  async listPrinters(): Promise<Result<readonly SystemPrinter[], PrintFailureReason>> {
    const contents = this.deps.listingContents();
    if (!contents) return err('print-system-unavailable');
    try {
      const printers = await contents.getPrintersAsync();
      return ok(printers.map((p) => ({ name: p.name, description: p.displayName || p.description || p.name, isDefault: p.isDefault === true, state: 'unknown' as const, problems: [] })));
    } catch {
      return err('print-system-unavailable');
    }
  }

  async print(job: PrintJobRequest): Promise<Result<PrintJobDone, PrintFailureReason>> {
    const listed = await this.listPrinters();
    if (!listed.ok) return listed;
    if (!listed.value.some((p) => p.name === job.printer)) return err('printer-not-found');
    const { token, url } = this.deps.documents.put(job.pdf);
    const window = this.deps.openPrintWindow();
    try {
      // Resolves once the page has finished loading; a PDF that fails to load rejects.
      await window.loadURL(url);
      await (this.deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))))(this.deps.viewerSettleMs ?? 750);
      const printed = await new Promise<{ success: boolean; failureReason: string }>((resolve) =>
        window.webContents.print(
          { silent: true, deviceName: job.printer, pageSize: 'A4', printBackground: true, margins: { marginType: 'none' }, copies: 1 },
          (success, failureReason) => resolve({ success, failureReason }),
        ),
      );
      // Electron reports only 'cancelled' or 'failed'; the spooler holds the job after that.
      return printed.success ? ok({ jobId: token, state: 'queued' }) : err('job-failed');
    } catch {
      return err('job-failed');
    } finally {
      this.deps.documents.drop(token);
      window.destroy();
    }
  }
}
