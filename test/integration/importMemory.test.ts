/**
 * Peak memory of imports (issue 16): a real workstation in a process of its own imports hostile
 * and heavy files one after another, and the process's peak RSS — which bounds every single import
 * — must stay at or under 500 MB: hostile files are refused from their headers without decoding, the
 * largest legitimate page (at the pixel limit) and a long multi-page file are decoded one page at a time.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bundleImageWorker } from '../../main/imaging/testSupport/bundleImageWorker';
import { pngBomb, tiffBomb, tiffOfPages } from '../../main/imaging/testSupport/hostileFixtures';
import { noiseJpeg, pdfWithSharedImage } from '../support/hostilePdfs';
import { REPO_ROOT, SNAPSHOT_WORKER_ENTRY } from '../support/workstationHarness';

const run = promisify(execFile);
const MAX_PEAK_RSS_MB = 500;

interface ImportRun {
  readonly file: number;
  readonly ok: boolean;
  readonly error: { readonly kind: string } | null;
  readonly pages: number;
  readonly ms: number;
  readonly peakRssMb: number;
}

/** Imports `files` in order in a fresh workstation process; one line of results per file. */
async function importInOwnProcess(files: readonly Uint8Array[]): Promise<ImportRun[]> {
  const [child, imageWorker, snapshotWorker] = await Promise.all([
    bundleImageWorker(fileURLToPath(new URL('./support/importMemoryChild.ts', import.meta.url))),
    bundleImageWorker(),
    bundleImageWorker(SNAPSHOT_WORKER_ENTRY),
  ]);
  const dir = await mkdtemp(path.join(tmpdir(), 'psc-import-memory-'));
  const paths = await Promise.all(files.map(async (bytes, i) => {
    const file = path.join(dir, `input-${i}`);
    await writeFile(file, bytes);
    return file;
  }));
  const { stdout } = await run(process.execPath, [fileURLToPath(child), REPO_ROOT, path.join(dir, 'data'), imageWorker.href, snapshotWorker.href, ...paths], { maxBuffer: 1 << 20 });
  const results = stdout.trim().split('\n').map((line) => JSON.parse(line) as ImportRun);
  if (process.env.IMPORT_MEMORY_STATS) for (const result of results) console.warn(JSON.stringify(result));
  return results;
}

describe('peak memory of imports', () => {
  it('refuses PNG and multi-page TIFF bombs from their headers, and imports a 40 Mpx colour page, a 300-page shared-image PDF and a 24-page 1-bit TIFF — each process under 500 MB', async () => {
    // Two workstations in parallel: the bombs, then the largest page the limits let through (40 Mpx of
    // colour, a 5000×8000 photo of a poster); and the two long files.
    const [first, second] = await Promise.all([
      importInOwnProcess([
        await pngBomb(50_000, 50_000),
        await pngBomb(16_000, 16_000),
        await tiffBomb(200, 20_000, 20_000),
        new Uint8Array(await sharp({ create: { width: 5_000, height: 8_000, channels: 3, background: '#d0c8b0' } }).jpeg({ quality: 80 }).toBuffer()),
      ]),
      importInOwnProcess([await pdfWithSharedImage(300, await noiseJpeg(1200, 1200)), await tiffOfPages(Array.from({ length: 24 }, () => [2480, 3508] as const))]),
    ]);
    expect(first.map((r) => r.error?.kind ?? r.pages)).toEqual(['too-many-pixels', 'too-many-pixels', 'too-many-pixels', 1]);
    expect(second.map((r) => r.error?.kind ?? r.pages)).toEqual([300, 24]);
    // A refused bomb costs nothing beyond the running workstation: it was never decoded.
    expect(first[2]!.peakRssMb - first[0]!.peakRssMb).toBeLessThan(20);
    for (const result of [...first, ...second]) expect(result.peakRssMb).toBeLessThanOrEqual(MAX_PEAK_RSS_MB);
  }, 180_000);
});
