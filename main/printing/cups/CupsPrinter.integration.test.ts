/**
 * The CUPS adapter against the real CUPS scheduler and a private cups-pdf queue (issue 15 item 1):
 * the same contract as the fake, plus what only the real path shows — the printed file itself, and a
 * printer name full of shell metacharacters that must reach lp as one argument and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfQueue, removePrintedPdfs, removeQueue, requireCups, startQueue, stopQueue, waitForPrintedPdf } from '../../../test/support/cupsTestQueue';
import { requireSystemTool } from '../../../test/support/requireSystemTool';
import { onePagePdf, printerPortContract } from '../printerPortContract';
import { CupsPrinter } from './CupsPrinter';

const QUEUE = `PSC-Contract-${process.pid}`;

describe('CupsPrinter against CUPS with cups-pdf', () => {
  beforeAll(() => {
    requireCups();
    createPdfQueue(QUEUE);
  });
  afterAll(async () => {
    removeQueue(QUEUE);
    await removePrintedPdfs('contract');
  });

  const port = new CupsPrinter({ completionTimeoutMs: 30_000 });
  printerPortContract(() => ({
    port,
    workingPrinter: QUEUE,
    stop: async (name) => stopQueue(name),
    start: async (name) => startQueue(name),
    // Nothing listens on port 1 of the loopback: CUPS's clients say the scheduler is not running.
    unreachablePort: new CupsPrinter({ server: '127.0.0.1:1', commandTimeoutMs: 5_000 }),
  }));

  it('the printed file holds the page that was sent', async () => {
    requireSystemTool('pdftotext', 'poppler-utils', ['-v']);
    const since = Date.now();
    const job = await port.print({ printer: QUEUE, title: 'contract-readback', pdf: await onePagePdf() });
    expect(job.ok && job.value.state).toBe('completed');
    const file = await waitForPrintedPdf('contract-readback', since);
    expect(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout).toContain('contract test page');
  });

  it('never hands a printer name to a shell', async () => {
    const marker = path.join(tmpdir(), `psc-shell-${process.pid}`);
    const hostile = `x;touch${'${IFS}'}${marker}|$(touch${'${IFS}'}${marker})\`touch${'${IFS}'}${marker}\``;
    expect(await port.print({ printer: hostile, title: 't', pdf: await onePagePdf() })).toEqual({ ok: false, error: 'printer-not-found' });
    expect(existsSync(marker)).toBe(false);
  });
});
