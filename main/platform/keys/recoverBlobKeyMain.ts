// Entry bundled by scripts/recoverBlobKey.mjs; the logic is in recoverBlobKeyCli.ts (tested).
import { runRecoverBlobKey } from './recoverBlobKeyCli';

process.exitCode = await runRecoverBlobKey(process.argv.slice(2), process.env, (line) => process.stdout.write(`${line}\n`));
