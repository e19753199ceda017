// Scan pipeline benchmark (issues #4 and #16; DESIGN.md §8): a batch of generated A4 300-dpi gray
// text pages through the operator's default processing (gray + normalise + deskew + blank detection
// + thumbnail), two pages in flight, against ImageMagick doing the equivalent on the same pages in
// the same run (two processes in parallel); and the import of a multi-page TIFF through a real
// workstation (drafts.importFile: header checks, one decode per page in the image worker, blobs and
// database), per page (`tiffImportMsPerPage`). Run: `node scripts/runBench.mjs scan`.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ProcessOptions } from '../main/ports/ImagePipeline';
import type { StageTimings } from '../main/imaging/processPage';
import { SharpImagePipeline } from '../main/imaging/SharpImagePipeline';
import { A4_300DPI, encodeRaster, renderPage, sampleLines } from '../main/imaging/testSupport/pageFixtures';
import { median, printTable, writeBenchResult } from './support/benchResult';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../backend/fixtures/fixtureIds';
import { FakeScanner } from '../main/adapters/scanner/FakeScanner';
import { createWorkstation } from '../main/app';
import { noKeyWrapping } from '../main/config/blobKey';
import { resolveAppPaths } from '../main/host/appPaths';
import sharp from 'sharp';

const run = promisify(execFile);
const PAGES = 12;
const RUNS = 5;
const IMAGEMAGICK_RUNS = 3;
const IN_FLIGHT = 2;
/** Skews (clockwise degrees) like a feeder produces: mostly small, a few pages straight. */
const SKEWS = [-3.4, 1.2, 0, 2.7, -0.8, 4.1, -1.9, 0.4, 3.3, -2.6, 0.05, 1.7];
const OPTIONS: ProcessOptions = { mode: 'gray', normalise: true, deskew: true, rotateDegrees: 0, detectBlank: true };
const WORK = path.join('out', 'bench', 'scan');
const MOGRIFY = '/usr/bin/mogrify';
/** One thread per ImageMagick process, as our workers run one libvips thread each: same cores. */
const MAGICK_ENV = { ...process.env, MAGICK_THREAD_LIMIT: '1' };

interface Page {
  readonly file: string;
  readonly bytes: Uint8Array;
}

async function generatePages(): Promise<Page[]> {
  await rm(WORK, { recursive: true, force: true });
  await mkdir(path.join(WORK, 'input'), { recursive: true });
  const pages: Page[] = [];
  for (let i = 0; i < PAGES; i++) {
    const raster = await renderPage({ ...A4_300DPI, lines: sampleLines(46, i + 1), angleDegrees: SKEWS[i % SKEWS.length]!, noiseSigma: 3, paper: 238, seed: i + 1 });
    // What `scanimage --mode Gray --format png` delivers: an 8-bit gray PNG.
    const bytes = await encodeRaster(raster, 'png', 300);
    const file = path.join(WORK, 'input', `page-${String(i + 1).padStart(2, '0')}.png`);
    await writeFile(file, bytes);
    pages.push({ file, bytes });
  }
  return pages;
}

/** Runs `task` over `items` with `lanes` in flight; returns the wall time in ms. */
async function inLanes<T>(items: readonly T[], lanes: number, task: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
  return performance.now() - started;
}

async function benchOurs(pages: readonly Page[]) {
  const timings: StageTimings[] = [];
  let recording = false;
  const pipeline = new SharpImagePipeline({
    workerUrl: new URL('./imageWorker.mjs', import.meta.url),
    workers: IN_FLIGHT,
    onStageTimings: (t) => recording && timings.push(t),
  });
  const perPage: number[] = [];
  const latencies: number[] = [];
  const sizes: number[] = [];
  const thumbnails: number[] = [];
  const corrections: number[] = [];
  try {
    // Warm-up: starts the workers and lets V8 optimise the hot loops, as a working day would.
    await inLanes(pages, IN_FLIGHT, async (page) => void (await pipeline.process({ bytes: page.bytes }, OPTIONS)));
    recording = true;
    for (let r = 0; r < RUNS; r++) {
      const wall = await inLanes(pages, IN_FLIGHT, async (page) => {
        const started = performance.now();
        const result = await pipeline.process({ bytes: page.bytes, format: 'png' }, OPTIONS);
        latencies.push(performance.now() - started);
        if (!result.ok) throw new Error(`page ${page.file}: ${result.error.kind}`);
        if (r === 0) {
          sizes.push(result.value.bytes.byteLength);
          thumbnails.push(result.value.thumbnail.bytes.byteLength);
          corrections.push(result.value.skewCorrectedDegrees);
        }
      });
      perPage.push(wall / pages.length);
    }
  } finally {
    await pipeline.close();
  }
  const stage = (key: keyof StageTimings) => median(timings.map((t) => t[key]));
  const stages = { decode: stage('decode'), analyse: stage('analyse'), estimateSkew: stage('estimateSkew'), rotate: stage('rotate'), encode: stage('encode'), thumbnail: stage('thumbnail') };
  return { msPerPage: median(perPage), latency: median(latencies), kb: median(sizes) / 1024, thumbKb: median(thumbnails) / 1024, stages, corrections };
}

async function imageMagickVersion(): Promise<string | null> {
  try {
    const { stdout } = await run(MOGRIFY, ['-version']);
    const first = stdout.split('\n')[0] ?? '';
    return first.includes('ImageMagick') ? first.replace(/^Version:\s*/, '').replace(/\s+https?:\S+.*$/, '') : null;
  } catch {
    return null;
  }
}

async function benchImageMagick(pages: readonly Page[]) {
  const out = path.join(WORK, 'imagemagick');
  const thumbs = path.join(out, 'thumbs');
  await mkdir(thumbs, { recursive: true });
  const perPage: number[] = [];
  const sizes: number[] = [];
  for (let r = 0; r < IMAGEMAGICK_RUNS; r++) {
    const wall = await inLanes(pages, IN_FLIGHT, async (page) => {
      const jpeg = path.join(out, `${path.basename(page.file, '.png')}.jpg`);
      await run(MOGRIFY, ['-path', out, '-format', 'jpg', '-colorspace', 'Gray', '-normalize', '-background', 'white', '-deskew', '40%', '-quality', '75', page.file], { env: MAGICK_ENV });
      // jpeg:size lets libjpeg shrink on load, as our thumbnail starts from a reduced copy.
      await run(MOGRIFY, ['-path', thumbs, '-define', 'jpeg:size=400x', '-thumbnail', '200x', '-quality', '75', jpeg], { env: MAGICK_ENV });
      if (r === 0) sizes.push((await stat(jpeg)).size);
    });
    perPage.push(wall / pages.length);
  }
  return { msPerPage: median(perPage), kb: median(sizes) / 1024 };
}

/** Pages of the TIFF import: A4 at 150 dpi, 8-bit gray, LZW — what an office scanner saves. */
const TIFF_PAGES = 10;
const TIFF_RUNS = 3;

/** A multi-page gray TIFF of text pages (the first pages of the scan batch, reduced to 150 dpi). */
async function multiPageTiff(source: readonly Page[]): Promise<Uint8Array> {
  const gray = await Promise.all(
    Array.from({ length: TIFF_PAGES }, (_, i) => sharp(source[i % source.length]!.bytes).resize(1240, 1754).grayscale().png().toBuffer()),
  );
  return new Uint8Array(await sharp(gray, { join: { animated: true } }).tiff({ compression: 'lzw', xres: 150 / 25.4, yres: 150 / 25.4 }).toBuffer());
}

/** ms per page of importing the TIFF into a draft of a real workstation (median of runs, after a warm-up). */
async function benchTiffImport(tiff: Uint8Array): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'psc-bench-tiff-'));
  const appPaths = { ...resolveAppPaths(process.cwd()), imageWorkerUrl: new URL('./imageWorker.mjs', import.meta.url), snapshotWorkerUrl: new URL('./snapshotWorker.mjs', import.meta.url) };
  const workstation = await createWorkstation({
    config: {
      dataDir, backendUrl: null, backendTimeoutMs: 5_000, webPort: 0, blobKeyBase64: null, saneConfigDir: null, watchedFolders: [],
      trustAnchorsDir: null, crlMaxAgeHours: 24, ncaLayerUrl: 'ws://127.0.0.1:9/', ncaLayerCaFile: null, ncaLayerTimestamp: false,
    },
    host: 'browser', version: appPaths.version, paths: appPaths, keyWrapper: noKeyWrapping, scanner: new FakeScanner(), agentSigner: null,
    onUnexpectedError: (error) => {
      throw error;
    },
  });
  try {
    const { api } = workstation;
    if (!(await api.session.login(DEMO_CREDENTIALS.operator)).ok) throw new Error('login failed');
    const card = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
    if (!card.ok) throw new Error('lookup failed');
    const perPage: number[] = [];
    const contentBase64 = Buffer.from(tiff).toString('base64');
    for (let run = 0; run <= TIFF_RUNS; run++) {
      const draft = await api.drafts.start({ serviceId: '002-a2-casino-2014', subtype: 'duplicate' });
      if (!draft.ok) throw new Error('draft refused');
      const started = performance.now();
      const imported = await api.drafts.importFile(draft.value.draftId, 'application', { fileName: 'scan.tif', contentBase64 });
      const ms = performance.now() - started;
      if (!imported.ok) throw new Error(`import refused: ${imported.error.kind}`);
      if (run > 0) perPage.push(ms / TIFF_PAGES);
    }
    return median(perPage);
  } finally {
    await workstation.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const pages = await generatePages();
// Other work on the machine inflates absolute times (the ratio, measured in the same run, less so).
const loadBefore = os.loadavg()[0]!;
const ours = await benchOurs(pages);
const version = await imageMagickVersion();
const magick = version ? await benchImageMagick(pages) : null;
const ratio = magick ? magick.msPerPage / ours.msPerPage : null;
const tiffImportMsPerPage = await benchTiffImport(await multiPageTiff(pages));
const loadAfter = os.loadavg()[0]!;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const s = ours.stages;
const stageLine = `decode ${round(s.decode)} ms, analyse (downscale + levels + blank) ${round(s.analyse)} ms, skew estimate ${round(s.estimateSkew)} ms, rotate + levels ${round(s.rotate)} ms, JPEG encode ${round(s.encode)} ms, thumbnail ${round(s.thumbnail)} ms`;
printTable([
  ['pages', `${PAGES} × A4 300 dpi gray PNG (2480×3508), skews ${SKEWS.join(', ')}°, ${IN_FLIGHT} in flight, ${RUNS} runs`],
  ['ours: ms per page (batch / pages)', `${round(ours.msPerPage)}`],
  ['ours: latency per page (median)', `${round(ours.latency)} ms`],
  ['ours: output per page (median)', `${round(ours.kb)} KB JPEG q75 gray + ${round(ours.thumbKb)} KB thumbnail`],
  ['ours: stage medians (one page, one core)', stageLine],
  ['ImageMagick', version ?? 'absent'],
  ['ImageMagick: ms per page', magick ? `${round(magick.msPerPage)} (${round(magick.kb)} KB per page)` : '—'],
  ['ratio ImageMagick ÷ ours', ratio === null ? '—' : `${round(ratio, 2)}×`],
  ['TIFF import: ms per page', `${round(tiffImportMsPerPage)} (${TIFF_PAGES}-page 1240×1754 gray LZW TIFF, drafts.importFile, median of ${TIFF_RUNS})`],
  ['load average (1 min) before / after', `${round(loadBefore, 2)} / ${round(loadAfter, 2)} on ${os.availableParallelism()} cores`],
]);

const file = await writeBenchResult(
  'scan',
  {
    msPerPageMedian: round(ours.msPerPage),
    kbPerPageMedian: round(ours.kb),
    ratioVsImageMagick: ratio === null ? null : round(ratio, 2),
    latencyMsMedian: round(ours.latency),
    imageMagickMsPerPage: magick ? round(magick.msPerPage) : null,
    tiffImportMsPerPage: round(tiffImportMsPerPage),
  },
  [
    `${PAGES} generated A4 300-dpi pages (8-bit gray PNG as scanimage writes it, 46 lines of Latin/Kazakh text, sensor noise σ=3, skews ${SKEWS.join('/')}°), ` +
      `gray + normalise + deskew + blank detection + 200-px thumbnail, ${IN_FLIGHT} worker threads with libvips concurrency 1, median of ${RUNS} batches after a warm-up batch.`,
    `Stage medians per page on one core: ${stageLine}.`,
    magick
      ? `ImageMagick (${version}): per page \`mogrify -format jpg -colorspace Gray -normalize -background white -deskew 40% -quality 75\` then \`mogrify -define jpeg:size=400x -thumbnail 200x -quality 75\`, ` +
        `${IN_FLIGHT} processes in parallel with MAGICK_THREAD_LIMIT=1, median of ${IMAGEMAGICK_RUNS} batches; its output ${round(magick.kb)} KB per page.`
      : 'ImageMagick was not installed: no comparison.',
    `TIFF import: a ${TIFF_PAGES}-page A4 150-dpi 8-bit gray LZW TIFF (the batch's pages reduced) imported into a draft of a real workstation (embedded backend, sql.js on disk, encrypted blobs) with drafts.importFile — ` +
      `page count and pixel limits from the headers, one decode per page in the image worker (kept gray, no deskew), page and thumbnail blobs and a committed page row each — ms per page, median of ${TIFF_RUNS} imports after a warm-up (goal ≤150).`,
    `1-min load average ${round(loadBefore, 2)} before, ${round(loadAfter, 2)} after, on ${os.availableParallelism()} cores; the machine was shared with other jobs, absolute times vary run to run.`,
  ].join(' '),
);
process.stdout.write(`\nwrote ${file}\n`);
