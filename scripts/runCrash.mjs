// Runs the crash harness (issue 6, DESIGN.md §3): `npm run test:crash [-- --kills N --max-minutes M
// --seed S --keep]`. Bundles test/crash/crashMain.ts with esbuild (packages external, platform node,
// ESM) to out/crash/crashMain.mjs and runs it in its own Node process; the harness bundles the child
// workstation (test/crash/crashChild.ts) beside it. Exit status is the harness's.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: { crashMain: 'test/crash/crashMain.ts' },
  outdir: 'out/crash',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, ['--enable-source-maps', 'out/crash/crashMain.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
