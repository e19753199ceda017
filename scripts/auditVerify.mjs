// `npm run audit:verify [-- --data-dir <dir>]` (issue #8 item 3): bundles main/audit/auditVerifyMain.ts
// with esbuild (packages external, as scripts/build.mjs does) to out/audit/auditVerify.mjs and runs it
// in its own Node process, so it works from a fresh clone after `npm ci` without `npm run build`.
// Exit status is the verifier's: 0 intact, 1 broken, 2 usage or no database.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}out/audit/auditVerify.mjs`;
await build({
  entryPoints: [`${root}main/audit/auditVerifyMain.ts`],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});

const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
