// Start-up benchmark (issue 15 item 5; DESIGN.md §8): `coldStartMs`, from spawning the built browser
// host (a fresh data directory each run: database, keys and embedded backend created from nothing)
// to the login screen painted in Chromium (the login field visible, then two animation frames), and
// `rendererKbGzip`, the gzip size of what index.html loads at start (script, styles, modulepreloads).
// Chromium is launched once before the runs and not counted. Run: `npm run bench:startup`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median, printTable, writeBenchResult } from './support/benchResult';

const RUNS = 7;
const CHROMIUM = process.env.PSC_CHROMIUM ?? '/usr/bin/chromium';

const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('build failed');

async function rendererKbGzip(): Promise<number> {
  const dir = path.join('out', 'renderer');
  const html = await readFile(path.join(dir, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let bytes = gzipSync(html).byteLength;
  for (const asset of new Set(assets)) bytes += gzipSync(await readFile(path.join(dir, asset))).byteLength;
  return Math.round((bytes / 1024) * 10) / 10;
}

async function oneColdStart(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<{ totalMs: number; hostReadyMs: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'psc-bench-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['out/web/main.mjs'], { env: { ...process.env, PSC_DATA_DIR: dataDir, PSC_WEB_PORT: '0', PSC_BACKEND_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const launchUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${output}`)));
  });
  const hostReadyMs = performance.now() - started;
  const page = await browser.newPage();
  await page.goto(launchUrl);
  await page.getByTestId('login-username').waitFor({ state: 'visible' });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const totalMs = performance.now() - started;
  await page.close();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
  await rm(dataDir, { recursive: true, force: true });
  return { totalMs, hostReadyMs };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const runs: { totalMs: number; hostReadyMs: number }[] = [];
try {
  await oneColdStart(browser); // warm-up: the OS file cache, as on a counter PC that has started before
  for (let i = 0; i < RUNS; i++) runs.push(await oneColdStart(browser));
} finally {
  await browser.close();
}
const coldStartMs = Math.round(median(runs.map((r) => r.totalMs)));
const hostReadyMs = Math.round(median(runs.map((r) => r.hostReadyMs)));
const kb = await rendererKbGzip();
printTable([
  ['coldStartMs (median)', `${coldStartMs} ms (runs: ${runs.map((r) => Math.round(r.totalMs)).join(', ')})`],
  ['host ready (median)', `${hostReadyMs} ms`],
  ['rendererKbGzip', `${kb} KB`],
]);
const file = await writeBenchResult(
  'startup',
  { coldStartMs, rendererKbGzip: kb },
  `Median of ${RUNS} cold starts (fresh data directory each, after one warm-up) of the built browser host with the embedded backend: process spawn to the login field visible and painted in headless Debian Chromium (launched once, not counted). Host ready (its "Open:" line) median ${hostReadyMs} ms. Goal ≤ 1000 ms and ≤ 250 KB. Measured on a shared 2-core machine (other sessions running), so times are indicative.`,
);
process.stdout.write(`wrote ${file}\n`);
