// Runs benchmarks: `node scripts/runBench.mjs scan` (or several names; none = every bench/*.ts).
// Each bench/<name>.ts is bundled with esbuild (packages external, platform node, ESM) to
// out/bench/<name>.mjs and run in its own Node process; it prints a table and writes
// bench/results/<name>.json (DESIGN.md §8).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * Worker-thread entries that benches start by URL (next to the bench, in out/bench/), and the
 * reference backend's entry, which the queue bench runs in a process of its own. The app's build
 * must emit the same worker entries beside its own bundles.
 */
const WORKER_ENTRIES = { imageWorker: 'main/imaging/imageWorker.ts', snapshotWorker: 'main/db/snapshotWorker.ts', backendMain: 'backend/main.ts' };

const requested = process.argv.slice(2);
const available = readdirSync('bench')
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => path.basename(file, '.ts'))
  .sort();
const names = requested.length > 0 ? requested : available;
const unknown = names.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Available: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

await build({
  entryPoints: { ...Object.fromEntries(names.map((name) => [name, `bench/${name}.ts`])), ...WORKER_ENTRIES },
  outdir: 'out/bench',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});

let failed = 0;
for (const name of names) {
  console.log(`\n== bench: ${name}`);
  const run = spawnSync(process.execPath, ['--enable-source-maps', `out/bench/${name}.mjs`], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`bench ${name} failed (exit ${run.status ?? run.signal})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
