import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { err, ok, type Result } from '../../../core/result';
import type { ScanFailure, ScanHandlers, ScannedPage, ScanSummary } from '../../ports/Scanner';
import { exitCodeFromStderr, mapSaneFailure } from './mapSaneFailure';
import type { ProcessExit, RunProcess } from './runProcess';

export interface SaneBatchJob {
  readonly run: RunProcess;
  readonly program: string;
  readonly deviceId: string;
  /** Device settings (`--source`, `--mode`, …) plus any test-only extras; batch flags are added here. */
  readonly settingArgs: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Empty private directory the pages are written to; the caller removes it afterwards. */
  readonly dir: string;
  readonly pageCount: number;
  readonly dpi: number;
  readonly killGraceMs: number;
  /** How long scanimage may take to exit once its batch is over before it is killed. */
  readonly exitGraceMs: number;
}

const PROGRESS = /Progress: (\d+(?:\.\d+)?)%/g;
const STDERR_TAIL_CHARS = 16_384;
const BATCH_OVER = /Batch terminated/;

/** `%` in the directory would be read by scanimage as a printf conversion. */
function batchPattern(dir: string): string {
  return path.join(dir.replaceAll('%', '%%'), 'p%04d.tiff');
}

async function readPage(file: string, index: number, requestedDpi: number): Promise<ScannedPage | null> {
  try {
    const bytes = await readFile(file);
    const meta = await sharp(bytes).metadata();
    return { index, bytes, format: 'tiff', widthPx: meta.width, heightPx: meta.height, dpi: meta.density ?? requestedDpi };
  } catch {
    return null;
  }
}

/**
 * Runs one `scanimage --batch` and hands pages over one at a time. scanimage keeps scanning while a page
 * is being handed over; announced pages wait on disk in `job.dir` and are read only after the previous
 * `onPage` resolved, then deleted.
 */
export async function runSaneBatch(job: SaneBatchJob, handlers: ScanHandlers): Promise<Result<ScanSummary, ScanFailure>> {
  const args = [
    '-d', job.deviceId, ...job.settingArgs,
    '--format=tiff', `--batch=${batchPattern(job.dir)}`, `--batch-count=${job.pageCount}`, '--batch-print', '-p',
  ];
  const queue: string[] = [];
  let stdoutRest = '';
  let stderrTail = '';
  let lastPercent = -1;
  let delivered = 0;
  let exit: ProcessExit | null = null;
  let cancelled = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const child = job.run(job.program, args, {
    env: job.env,
    onStdout: (chunk) => {
      const lines = (stdoutRest + chunk).split('\n');
      stdoutRest = lines.pop() ?? '';
      for (const line of lines) if (path.dirname(line.trim()) === job.dir) queue.push(line.trim());
      notify();
    },
    onStderr: (chunk) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
      if (BATCH_OVER.test(stderrTail.slice(-chunk.length - 40))) armExitWatchdog();
      const percent = Math.floor(Number([...chunk.matchAll(PROGRESS)].at(-1)?.[1] ?? NaN));
      if (Number.isFinite(percent) && percent !== lastPercent) {
        lastPercent = percent;
        handlers.onProgress?.({ pagesDone: delivered, currentPagePercent: percent });
      }
    },
  });
  void child.exit.then((e) => {
    exit = e;
    notify();
  });

  let killTimer: NodeJS.Timeout | undefined;
  let exitWatchdog: NodeJS.Timeout | undefined;
  let killedAfterBatch = false;
  // Once scanimage prints "Batch terminated", every page is on disk and every status on stderr. Backends can
  // deadlock in sane_cancel/sane_close after that (the SANE test backend does in ≈1.5 % of error runs), so a
  // process that does not exit in time is killed and judged by its stderr, as if it had exited itself.
  function armExitWatchdog() {
    exitWatchdog ??= setTimeout(() => {
      killedAfterBatch = true;
      child.kill('SIGKILL');
    }, job.exitGraceMs);
  }
  const stop = () => {
    child.kill('SIGTERM');
    // A driver stuck in a USB read may ignore SIGTERM.
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), job.killGraceMs);
  };
  const onAbort = () => {
    cancelled = true;
    stop();
    notify();
  };
  handlers.signal?.addEventListener('abort', onAbort, { once: true });
  if (handlers.signal?.aborted) onAbort();

  let unreadable = false;
  try {
    for (;;) {
      if (cancelled) break;
      const file = queue.shift();
      if (file !== undefined) {
        const page = await readPage(file, delivered, job.dpi);
        if (cancelled) break;
        if (page === null) {
          unreadable = true;
          stop();
          break;
        }
        await handlers.onPage(page);
        delivered += 1;
        await rm(file, { force: true });
        handlers.onProgress?.({ pagesDone: delivered });
        continue;
      }
      if (exit !== null) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } catch (error) {
    stop();
    throw error;
  } finally {
    handlers.signal?.removeEventListener('abort', onAbort);
    await child.exit;
    clearTimeout(killTimer);
    clearTimeout(exitWatchdog);
  }

  const realExit = await child.exit;
  const finalExit: ProcessExit = killedAfterBatch ? { kind: 'exited', code: exitCodeFromStderr(stderrTail), signal: null } : realExit;
  if (cancelled) return err({ kind: 'cancelled', pagesDelivered: delivered });
  if (unreadable) return err({ kind: 'unknown', saneStatus: 'unreadable page image', pagesDelivered: delivered });
  if (finalExit.kind === 'exited' && finalExit.code === 0) {
    // Success without a single page: read as NO_DOCS unless stderr names another status.
    if (delivered === 0) return err({ ...mapSaneFailure({ kind: 'exited', code: 7, signal: null }, stderrTail, job), pagesDelivered: 0 });
    return ok({ pagesDelivered: delivered, endedBy: delivered < job.pageCount ? 'feeder-empty' : 'complete' });
  }
  const error = mapSaneFailure(finalExit, stderrTail, job);
  // A feeder that runs out after some pages is the normal end of a batch, not a failure.
  if (error.kind === 'feeder-empty' && delivered > 0) return ok({ pagesDelivered: delivered, endedBy: 'feeder-empty' });
  return err({ ...error, pagesDelivered: delivered });
}
