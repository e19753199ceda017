import type { PrinterProblem, PrintFailureReason } from '../../core/contract/printing';
import type { Result } from '../../core/result';

/** A printer as the platform's print system describes it. */
export interface SystemPrinter {
  readonly name: string;
  readonly description: string;
  readonly isDefault: boolean;
  readonly state: 'idle' | 'printing' | 'stopped' | 'unknown';
  readonly problems: readonly PrinterProblem[];
}

export interface PrintJobRequest {
  /** A name from `listPrinters` (validated by printerNameSchema before it gets here). */
  readonly printer: string;
  /** The job's title in the print system's queue: the document's file name, never personal data. */
  readonly title: string;
  /** One A4 PDF. */
  readonly pdf: Uint8Array;
}

export interface PrintJobDone {
  readonly jobId: string;
  /** `completed`: the print system reports the job finished; `queued`: still waiting when the adapter stopped watching. */
  readonly state: 'completed' | 'queued';
}

/**
 * The printer port (DESIGN.md §6): the platform's print system. Adapters: CUPS (Linux, macOS),
 * the Windows spooler, Electron's silent print (main/host/electron); a fake for tests. Every
 * expected failure is a value; nothing is ever passed through a shell.
 */
export interface PrinterPort {
  readonly via: 'cups' | 'windows-spooler' | 'electron';
  listPrinters(): Promise<Result<readonly SystemPrinter[], PrintFailureReason>>;
  print(job: PrintJobRequest): Promise<Result<PrintJobDone, PrintFailureReason>>;
}

/** The failure that a printer's reported problems mean for a job sent to it now; null = it can print. */
export function blockingProblem(printer: SystemPrinter): PrintFailureReason | null {
  const order: readonly [PrinterProblem, PrintFailureReason][] = [
    ['stopped', 'printer-stopped'],
    ['offline', 'printer-offline'],
    ['no-paper', 'no-paper'],
    ['paper-jam', 'paper-jam'],
    ['door-open', 'door-open'],
    ['not-accepting', 'not-accepting'],
    ['toner-empty', 'toner-empty'],
  ];
  for (const [problem, reason] of order) if (printer.problems.includes(problem)) return reason;
  return printer.state === 'stopped' ? 'printer-stopped' : null;
}
