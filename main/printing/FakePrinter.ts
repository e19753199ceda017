import type { PrintFailureReason } from '../../core/contract/printing';
import { err, ok, type Result } from '../../core/result';
import { blockingProblem, type PrinterPort, type PrintJobDone, type PrintJobRequest, type SystemPrinter } from './PrinterPort';

/**
 * The printer port's fake: printers with scripted problems, a record of every job. Kept honest by
 * printerPortContract.ts, which runs the same cases against it and against a real CUPS queue.
 */
export class FakePrinter implements PrinterPort {
  readonly via = 'cups' as const;
  readonly jobs: PrintJobRequest[] = [];
  private printers: SystemPrinter[];
  private systemDown = false;
  private nextJob = 1;

  constructor(printers: readonly SystemPrinter[] = [{ name: 'CounterPDF', description: 'CounterPDF', isDefault: true, state: 'idle', problems: [] }]) {
    this.printers = [...printers];
  }

  setProblems(name: string, problems: SystemPrinter['problems']): void {
    this.printers = this.printers.map((p) => (p.name === name ? { ...p, problems, state: problems.includes('stopped') ? 'stopped' : 'idle' } : p));
  }

  setSystemDown(down: boolean): void {
    this.systemDown = down;
  }

  async listPrinters(): Promise<Result<readonly SystemPrinter[], PrintFailureReason>> {
    if (this.systemDown) return err('print-system-unavailable');
    return ok(this.printers);
  }

  async print(job: PrintJobRequest): Promise<Result<PrintJobDone, PrintFailureReason>> {
    if (this.systemDown) return err('print-system-unavailable');
    const printer = this.printers.find((p) => p.name === job.printer);
    if (!printer) return err('printer-not-found');
    const blocked = blockingProblem(printer);
    if (blocked) return err(blocked);
    this.jobs.push(job);
    return ok({ jobId: `${job.printer}-${this.nextJob++}`, state: 'completed' });
  }
}
