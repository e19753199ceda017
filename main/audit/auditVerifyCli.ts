// `npm run audit:verify [-- --data-dir <dir>]` (scripts/auditVerify.mjs bundles and runs this):
// checks the audit log's hash chain and anchored head in a data directory without writing to it.
// Exit 0: intact; 1: broken (the first broken record is named); 2: usage or no database.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { loadAppConfig } from '../config/appConfig';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import { describeAuditBreak } from './auditChain';
import { verifyAuditLog } from './AuditLog';
import { readOnlyDbStorage } from './readOnlyStorage';

/** The browser host's default (main/host/web/main.ts); PSC_DATA_DIR and --data-dir override it. */
function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'psc-workstation');
}

function dataDirArgument(args: readonly string[]): string | null | undefined {
  const at = args.indexOf('--data-dir');
  if (at === -1) return undefined;
  return args[at + 1] ?? null;
}

export async function runAuditVerify(args: readonly string[]): Promise<number> {
  const fromArgs = dataDirArgument(args);
  if (fromArgs === null) {
    console.error('usage: npm run audit:verify [-- --data-dir <dir>]');
    return 2;
  }
  const config = loadAppConfig(fromArgs === undefined ? process.env : { ...process.env, PSC_DATA_DIR: fromArgs }, defaultDataDir());
  if (!config.ok) {
    console.error(`Configuration error in ${config.error.file}: ${config.error.detail}`);
    return 2;
  }
  const file = path.join(config.value.dataDir, 'workstation.sqlite');
  if (!existsSync(file)) {
    console.error(`audit log: no database at ${file}`);
    return 2;
  }
  const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  // No migrations and inert writes: the files stay exactly as found.
  const db = await SqlJsDatabase.open({ file, wasmPath, migrations: [], storage: readOnlyDbStorage });
  try {
    const hasTable = db.read((r) => r.get(`SELECT 1 AS present FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'`));
    if (!hasTable) {
      console.error(`audit log: ${file} has no audit_log table (a database from before migration 9)`);
      return 1;
    }
    const verdict = db.read((r) => verifyAuditLog(r));
    if (verdict.ok) {
      process.stdout.write(`audit log OK: ${verdict.value.count} records, head ${verdict.value.head}\n`);
      return 0;
    }
    console.error(`audit log BROKEN at record ${verdict.error.seq} (${verdict.error.kind}): ${describeAuditBreak(verdict.error)}`);
    return 1;
  } finally {
    await db.close();
  }
}
