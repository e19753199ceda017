/**
 * The Windows spooler adapter (issue 15 item 1): pdf-to-printer, which lists the spooler's printers
 * through PowerShell's Get-CimInstance Win32_Printer and prints with its bundled SumatraPDF
 * (`-print-to NAME -silent -print-settings paper=A4,fit`), both started with execFile and argument
 * arrays, never a shell (reviewed in pdf-to-printer 5.8.1's dist/bundle.js). The PDF is written to a
 * private temporary file (SumatraPDF takes a path) and removed afterwards.
 *
 * NOT RUN HERE: this project's machines are Linux; it is small on purpose and reviewed, not tested
 * against a spooler. The spooler does not report a job's outcome to SumatraPDF, so a job handed over
 * is `queued`, and printer problems (no paper, offline) are not known before printing.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrintFailureReason } from '../../../core/contract/printing';
import { err, ok, type Result } from '../../../core/result';
import type { PrinterPort, PrintJobDone, PrintJobRequest, SystemPrinter } from '../PrinterPort';

/** The part of pdf-to-printer this adapter uses (injected: the package throws on any OS but Windows). */
export interface PdfToPrinter {
  getPrinters(): Promise<readonly { readonly deviceId: string; readonly name: string }[]>;
  getDefaultPrinter(): Promise<{ readonly name: string } | null>;
  print(file: string, options: { printer: string; silent: boolean; paperSize: string; scale: 'fit' }): Promise<void>;
}

export class WindowsSpoolerPrinter implements PrinterPort {
  readonly via = 'windows-spooler' as const;

  constructor(
    private readonly driver: PdfToPrinter,
    /** A private folder for the file SumatraPDF reads (`<dataDir>/print-tmp`). */
    private readonly tempDir: string,
  ) {}

  async listPrinters(): Promise<Result<readonly SystemPrinter[], PrintFailureReason>> {
    try {
      const [printers, fallback] = await Promise.all([this.driver.getPrinters(), this.driver.getDefaultPrinter()]);
      return ok(printers.map((p) => ({ name: p.name, description: p.name, isDefault: p.name === fallback?.name, state: 'unknown' as const, problems: [] })));
    } catch {
      return err('print-system-unavailable');
    }
  }

  async print(job: PrintJobRequest): Promise<Result<PrintJobDone, PrintFailureReason>> {
    const listed = await this.listPrinters();
    if (!listed.ok) return listed;
    if (!listed.value.some((p) => p.name === job.printer)) return err('printer-not-found');
    await mkdir(this.tempDir, { recursive: true, mode: 0o700 });
    const file = path.join(this.tempDir, `${randomUUID()}.pdf`);
    try {
      await writeFile(file, job.pdf, { mode: 0o600 });
      await this.driver.print(file, { printer: job.printer, silent: true, paperSize: 'A4', scale: 'fit' });
      return ok({ jobId: randomUUID(), state: 'queued' });
    } catch {
      return err('job-failed');
    } finally {
      await rm(file, { force: true });
    }
  }
}
