/**
 * The CUPS adapter of the printer port (Linux, macOS): CUPS's own command-line clients `lpstat`,
 * `lp` and `cancel` (package cups-client), each started without a shell with the printer name as
 * one argument, the PDF on stdin (no temporary file), and LC_ALL=C so the answers parse. The npm
 * IPP clients are unmaintained (docs/PRINTING.md); CUPS's clients are the print system itself.
 *
 * A job goes out only to a printer that reports no problem; then the adapter watches the queue for a
 * bounded time: done → `completed`; the printer stops or reports a problem meanwhile → the job is
 * cancelled (so it cannot come out unexpectedly later) and the reason returned; still waiting at the
 * end → `queued`.
 */
import { spawn } from 'node:child_process';
import type { PrintFailureReason } from '../../../core/contract/printing';
import { err, ok, type Result } from '../../../core/result';
import { blockingProblem, type PrinterPort, type PrintJobDone, type PrintJobRequest, type SystemPrinter } from '../PrinterPort';
import { combinePrinters, parseAccepting, parseDefault, parseJobIds, parsePrinterBlocks, parseRequestId } from './parseLpstat';

export interface CupsPrinterOptions {
  /** `host[:port]` of the CUPS server (`-h`); absent = the system's (localhost:631 or its socket). */
  readonly server?: string;
  /** How long to watch a job before answering `queued`; default 20 s. */
  readonly completionTimeoutMs?: number;
  readonly pollMs?: number;
  /** Per command; default 10 s. */
  readonly commandTimeoutMs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly spawnError: string | null;
}

export class CupsPrinter implements PrinterPort {
  readonly via = 'cups' as const;

  constructor(private readonly options: CupsPrinterOptions = {}) {}

  async listPrinters(): Promise<Result<readonly SystemPrinter[], PrintFailureReason>> {
    const [blocks, accepting, defaults] = await Promise.all([this.run('lpstat', ['-l', '-p']), this.run('lpstat', ['-a']), this.run('lpstat', ['-d'])]);
    const failure = systemFailure(blocks) ?? systemFailure(accepting);
    // `lpstat -p` exits 1 with no printers at all: that is an empty list, not a failure.
    if (failure && failure !== 'printer-not-found') return err(failure);
    return ok(combinePrinters(parsePrinterBlocks(blocks.stdout), parseAccepting(accepting.stdout), parseDefault(defaults.stdout)));
  }

  async print(job: PrintJobRequest): Promise<Result<PrintJobDone, PrintFailureReason>> {
    const before = await this.printer(job.printer);
    if (!before.ok) return before;
    const blocked = blockingProblem(before.value);
    if (blocked) return err(blocked);

    const submitted = await this.run('lp', ['-d', job.printer, '-t', safeTitle(job.title), '-o', 'media=A4', '-o', 'fit-to-page'], job.pdf);
    const submitFailure = systemFailure(submitted);
    if (submitFailure) return err(submitFailure);
    const jobId = parseRequestId(submitted.stdout);
    if (!jobId) return err('job-failed');

    const deadline = Date.now() + (this.options.completionTimeoutMs ?? 20_000);
    for (;;) {
      const completed = await this.run('lpstat', ['-W', 'completed', '-o', job.printer]);
      if (parseJobIds(completed.stdout).has(jobId)) return ok({ jobId, state: 'completed' });
      const now = await this.printer(job.printer);
      const problem = now.ok ? blockingProblem(now.value) : now.error;
      if (problem) {
        await this.run('cancel', [jobId]);
        return err(problem);
      }
      if (Date.now() >= deadline) return ok({ jobId, state: 'queued' });
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs ?? 300));
    }
  }

  /** One printer's state (and whether it accepts jobs). */
  private async printer(name: string): Promise<Result<SystemPrinter, PrintFailureReason>> {
    const [blocks, accepting, defaults] = await Promise.all([this.run('lpstat', ['-l', '-p', name]), this.run('lpstat', ['-a', name]), this.run('lpstat', ['-d'])]);
    const failure = systemFailure(blocks);
    const printer = failure ? undefined : combinePrinters(parsePrinterBlocks(blocks.stdout), parseAccepting(accepting.stdout), parseDefault(defaults.stdout)).find((p) => p.name === name);
    if (printer) return ok(printer);
    if (failure && failure !== 'printer-not-found') return err(failure);
    // lpstat names an unknown destination the same way whether the printer or the scheduler is missing.
    return err((await this.schedulerRunning()) ? 'printer-not-found' : 'print-system-unavailable');
  }

  private async schedulerRunning(): Promise<boolean> {
    const answer = await this.run('lpstat', ['-r']);
    return answer.spawnError === null && /scheduler is running/.test(answer.stdout);
  }

  private run(program: string, args: readonly string[], stdin?: Uint8Array): Promise<CommandResult> {
    const fullArgs = this.options.server ? ['-h', this.options.server, ...args] : [...args];
    return new Promise((resolve) => {
      // No shell: each argument reaches the program as it is, whatever characters a name holds.
      const child = spawn(program, fullArgs, { env: { ...(this.options.env ?? process.env), LC_ALL: 'C', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
      let stdout = '';
      let stderr = '';
      let settled = false;
      const finish = (result: CommandResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ code: null, stdout, stderr: `${stderr}\ntimed out`, spawnError: 'ETIMEDOUT' });
      }, this.options.commandTimeoutMs ?? 10_000);
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.once('error', (error: NodeJS.ErrnoException) => finish({ code: null, stdout, stderr, spawnError: error.code ?? 'UNKNOWN' }));
      child.once('close', (code) => finish({ code, stdout, stderr, spawnError: null }));
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin ? Buffer.from(stdin) : undefined);
    });
  }
}

/** A command's failure as the operator is told it; null = it worked. */
function systemFailure(result: CommandResult): PrintFailureReason | null {
  if (result.spawnError) return 'print-system-unavailable';
  if (result.code === 0) return null;
  const text = result.stderr;
  if (/scheduler is not running|unable to connect|connection refused|bad file descriptor|timed out/i.test(text)) return 'print-system-unavailable';
  if (/invalid destination|unknown destination|does not exist|not found/i.test(text)) return 'printer-not-found';
  if (/not accepting/i.test(text)) return 'not-accepting';
  return result.stdout.trim() === '' && text.trim() === '' ? 'printer-not-found' : 'job-failed';
}

/** A job title is shown in every CUPS queue listing: ASCII letters, digits, dot, dash and underscore only. */
export function safeTitle(title: string): string {
  return title.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'document';
}
