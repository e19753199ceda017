// `npm run blob-key:recover -- --escrow <file> --private-key <pem> [--passphrase-env VAR]` (issue 15
// item 7): bundles main/platform/keys/recoverBlobKeyMain.ts with esbuild (as scripts/auditVerify.mjs
// does) and runs it. Exit status: 0 recovered, 1 refused, 2 usage.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}out/keys/recoverBlobKey.mjs`;
await build({ entryPoints: [`${root}main/platform/keys/recoverBlobKeyMain.ts`], outfile, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
