// Entry bundled by scripts/auditVerify.mjs; the logic is in auditVerifyCli.ts (tested).
import { runAuditVerify } from './auditVerifyCli';

process.exitCode = await runAuditVerify(process.argv.slice(2));
