import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ScanRequest, ScannedPage } from '../../ports/Scanner';
import type { ProcessExit, RunProcess, RunProcessOptions } from './runProcess';
import { SaneScanner } from './SaneScanner';

const optionsListing = readFileSync(new URL('../../../test/fixtures/scans/sane/test.A.txt', import.meta.url), 'utf8');
const tiff = await sharp({ create: { width: 40, height: 60, channels: 3, background: '#808080' } }).withMetadata({ density: 150 }).tiff().toBuffer();
const adf: ScanRequest = { deviceId: 'test:0', source: 'adf', resolutionDpi: 150, mode: 'gray' };

/** A scripted scanimage: `-A` answers from the fixture, a batch runs `script`. */
interface FakeBatch {
  readonly args: readonly string[];
  readonly options: RunProcessOptions;
  readonly signals: string[];
  /** Writes page n the way scanimage does and announces it on stdout. */
  page(n: number): Promise<void>;
  exit(code: number | null, signal?: NodeJS.Signals): void;
}

function fakeScanimage(script: (batch: FakeBatch) => void | Promise<void>, onKill?: (batch: FakeBatch, signal: string) => void) {
  const calls: string[][] = [];
  const run: RunProcess = (_command, args, options) => {
    calls.push([...args]);
    let resolveExit: (exit: ProcessExit) => void = () => undefined;
    const exit = new Promise<ProcessExit>((resolve) => (resolveExit = resolve));
    if (args.includes('-A')) {
      options.onStdout?.(optionsListing);
      resolveExit({ kind: 'exited', code: 0, signal: null });
      return { exit, kill: () => undefined };
    }
    const pattern = args.find((a) => a.startsWith('--batch='))?.slice('--batch='.length) ?? '';
    const batch: FakeBatch = {
      args,
      options,
      signals: [],
      page: async (n) => {
        const file = pattern.replace('%04d', String(n).padStart(4, '0'));
        await writeFile(file, tiff);
        options.onStdout?.(`${file}\n`);
      },
      exit: (code, signal) => resolveExit({ kind: 'exited', code, signal: signal ?? null }),
    };
    void Promise.resolve().then(() => script(batch));
    return {
      exit,
      kill: (signal) => {
        batch.signals.push(signal);
        onKill?.(batch, signal);
      },
    };
  };
  return { run, calls };
}

const tempRoot = () => mkdtemp(path.join(tmpdir(), 'psc-sane-unit-'));

describe('SaneScanner (fake scanimage)', () => {
  it('names sane-utils when scanimage is missing', async () => {
    const scanner = new SaneScanner({ runProcess: () => ({ exit: Promise.resolve({ kind: 'spawn-failed', errno: 'ENOENT' }), kill: () => undefined }) });
    expect(await scanner.listDevices()).toEqual({ ok: false, error: { kind: 'scanner-software-missing', program: 'scanimage', debianPackage: 'sane-utils' } });
    expect(await scanner.scan(adf, { onPage: async () => undefined })).toMatchObject({ ok: false, error: { kind: 'scanner-software-missing', pagesDelivered: 0 } });
  });

  it('always passes a page count: one page for a flatbed without maxPages', async () => {
    const fake = fakeScanimage(async (b) => {
      await b.page(1);
      b.exit(0);
    });
    const scanner = new SaneScanner({ runProcess: fake.run, tempRoot: await tempRoot() });
    const result = await scanner.scan({ ...adf, source: 'flatbed' }, { onPage: async () => undefined });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 1, endedBy: 'complete' } });
    const batchArgs = fake.calls.at(-1) ?? [];
    expect(batchArgs).toEqual(expect.arrayContaining(['-d', 'test:0', '--source', 'Flatbed', '--mode', 'Gray', '--resolution', '150', '--batch-count=1', '--batch-print', '--format=tiff']));
  });

  it('hands pages over one at a time, reading the next only after onPage resolved, then deletes each', async () => {
    const root = await tempRoot();
    const fake = fakeScanimage(async (b) => {
      for (let n = 1; n <= 3; n += 1) await b.page(n);
      b.options.onStderr?.('Scanning page 4\nscanimage: sane_start: Document feeder out of documents\n');
      b.exit(0);
    });
    const scanner = new SaneScanner({ runProcess: fake.run, tempRoot: root, adfPageLimit: 50 });
    const events: string[] = [];
    let inFlight = 0;
    const onPage = async (page: ScannedPage) => {
      inFlight += 1;
      expect(inFlight).toBe(1);
      events.push(`start ${page.index}`);
      const [dir = ''] = await readdir(root);
      // The previous page's temp file is gone before the next page is handed over.
      expect(await readdir(path.join(root, dir))).not.toContain(`p${String(page.index).padStart(4, '0')}.tiff`);
      await new Promise((r) => setTimeout(r, 30));
      events.push(`end ${page.index}`);
      inFlight -= 1;
    };
    const result = await scanner.scan(adf, { onPage });
    expect(result).toEqual({ ok: true, value: { pagesDelivered: 3, endedBy: 'feeder-empty' } });
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    expect(fake.calls.at(-1)).toContain('--batch-count=50');
    expect(await readdir(root)).toEqual([]);
  });

  it('delivers the pages before a jam and reports the jam with them counted', async () => {
    const fake = fakeScanimage(async (b) => {
      await b.page(1);
      await b.page(2);
      b.options.onStderr?.('Scanning page 3\nscanimage: sane_read: Document feeder jammed\n');
      b.exit(6);
    });
    const pages: ScannedPage[] = [];
    const result = await new SaneScanner({ runProcess: fake.run, tempRoot: await tempRoot() }).scan(adf, { onPage: async (p) => void pages.push(p) });
    expect(result).toEqual({ ok: false, error: { kind: 'paper-jam', pagesDelivered: 2 } });
    expect(pages.map((p) => [p.index, p.format, p.widthPx, p.heightPx, p.dpi])).toEqual([
      [0, 'tiff', 40, 60, 150],
      [1, 'tiff', 40, 60, 150],
    ]);
  });

  it('kills a scanimage that hangs after its batch is over and judges it by its stderr', async () => {
    let signals: string[] = [];
    const fake = fakeScanimage(
      async (b) => {
        await b.page(1);
        b.options.onStderr?.('Scanning page 2\nscanimage: sane_read: Document feeder jammed\nScanned page 2. (scanner status = 6)\n');
        b.options.onStderr?.('Batch terminated, 2 pages scanned\n');
        // ...and never exits, like the test backend deadlocked in sane_close.
      },
      (b, signal) => {
        signals = b.signals;
        b.exit(null, signal === 'SIGKILL' ? 'SIGKILL' : 'SIGTERM');
      },
    );
    const scanner = new SaneScanner({ runProcess: fake.run, tempRoot: await tempRoot(), exitGraceMs: 30 });
    const result = await scanner.scan(adf, { onPage: async () => undefined });
    expect(result).toEqual({ ok: false, error: { kind: 'paper-jam', pagesDelivered: 1 } });
    expect(signals).toEqual(['SIGKILL']);
  });

  it('reports progress from -p and after each page', async () => {
    const fake = fakeScanimage(async (b) => {
      b.options.onStderr?.('Progress: 6.0%\rProgress: 12.1%\r');
      b.options.onStderr?.('Progress: 12.9%\r');
      await b.page(1);
      b.exit(0);
    });
    const progress: unknown[] = [];
    await new SaneScanner({ runProcess: fake.run, tempRoot: await tempRoot() }).scan({ ...adf, maxPages: 1 }, { onPage: async () => undefined, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual([{ pagesDone: 0, currentPagePercent: 12 }, { pagesDone: 1 }]);
  });

  it('cancels with SIGTERM, escalates to SIGKILL, and keeps the count of delivered pages', async () => {
    const root = await tempRoot();
    const controller = new AbortController();
    let signals: string[] = [];
    const fake = fakeScanimage(
      async (b) => {
        await b.page(1);
        await b.page(2);
      },
      // Ignores SIGTERM like a driver stuck in a USB read.
      (b, signal) => {
        signals = b.signals;
        if (signal === 'SIGKILL') b.exit(null, 'SIGKILL');
      },
    );
    const scanner = new SaneScanner({ runProcess: fake.run, tempRoot: root, killGraceMs: 20 });
    const result = await scanner.scan(adf, {
      signal: controller.signal,
      onPage: async (page) => {
        if (page.index === 0) controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, error: { kind: 'cancelled', pagesDelivered: 1 } });
    expect(signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(await readdir(root)).toEqual([]);
  });

  it('stops the process and rejects when onPage rejects', async () => {
    const fake = fakeScanimage(
      async (b) => {
        await b.page(1);
      },
      (b) => b.exit(null, 'SIGTERM'),
    );
    const root = await tempRoot();
    const scanner = new SaneScanner({ runProcess: fake.run, tempRoot: root });
    await expect(scanner.scan(adf, { onPage: () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses an unsupported setting without starting a batch', async () => {
    const fake = fakeScanimage(() => undefined);
    const scanner = new SaneScanner({ runProcess: fake.run });
    expect(await scanner.scan({ ...adf, resolutionDpi: 5000 }, { onPage: async () => undefined })).toEqual({
      ok: false,
      error: { kind: 'unsupported-setting', setting: 'resolution', requested: '5000', pagesDelivered: 0 },
    });
    expect(fake.calls).toEqual([['-d', 'test:0', '-A']]);
  });

  it('removes page directories a crashed run left behind, and nothing else', async () => {
    const root = await tempRoot();
    await mkdir(path.join(root, 'psc-scan-abc123'));
    await writeFile(path.join(root, 'psc-scan-abc123', 'p0001.tiff'), tiff);
    await mkdir(path.join(root, 'other'));
    await new SaneScanner({ tempRoot: root }).removeStaleTempDirs();
    expect(await readdir(root)).toEqual(['other']);
  });

  it('escapes % in the temp directory so scanimage does not read it as a conversion', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'psc%d-'));
    const fake = fakeScanimage(async (b) => {
      b.exit(0);
    });
    await new SaneScanner({ runProcess: fake.run, tempRoot: root }).scan(adf, { onPage: async () => undefined });
    expect(fake.calls.at(-1)?.find((a) => a.startsWith('--batch='))).toMatch(/psc%%d-.*p%04d\.tiff$/);
  });
});
