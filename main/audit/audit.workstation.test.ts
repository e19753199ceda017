/**
 * The audit log through a real workstation (app.ts wiring, sql.js on disk, the embedded backend),
 * and `npm run audit:verify` as a child process on that data directory: intact, then after one
 * row was edited with sql.js by someone holding the file.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS, FIXTURE_IDS } from '../../backend/fixtures/fixtureIds';
import { applicantDisplayName } from '../../core/registry/applicant';
import { completeDraft, demoSigning, REPO_ROOT, startTestWorkstation } from '../../test/support/workstationHarness';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import { listAuditRecords, verifyAuditLog } from './AuditLog';
import { readOnlyDbStorage } from './readOnlyStorage';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

function auditVerify(dataDir: string) {
  const run = spawnSync('npm', ['run', '--silent', 'audit:verify', '--', '--data-dir', dataDir], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('audit log in the workstation', () => {
  let dataDir: string;
  let applicationId: string;
  /** Every IIN, BIN and name the session touched: none may appear in the audit table. */
  const personal: string[] = [];

  beforeAll(async () => {
    const workstation = await startTestWorkstation({ sendBudgetMs: 3_000 });
    dataDir = workstation.dataDir;
    const { api } = workstation;
    try {
      if (!(await api.session.login(DEMO_CREDENTIALS.operator)).ok) throw new Error('login refused');
      const person = await api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.activeMan });
      const company = await api.registry.lookupApplicant({ kind: 'legal-entity', bin: FIXTURE_IDS.activeCompany });
      if (!person.ok || !company.ok) throw new Error('lookup refused');
      const unknown = await api.registry.lookupApplicant({ kind: 'individual', iin: FIXTURE_IDS.unknownValidIin });
      if (unknown.ok || unknown.error.kind !== 'not-found') throw new Error('an unknown IIN was found');
      personal.push(FIXTURE_IDS.unknownValidIin);
      personal.push(FIXTURE_IDS.activeMan, FIXTURE_IDS.activeCompany, applicantDisplayName(person.value.record), applicantDisplayName(company.value.record));
      const operator = await api.session.current();
      if (operator.ok && operator.value) personal.push(operator.value.iin, operator.value.fullName);
      const draftId = await completeDraft(api, { serviceId: '002-a2-casino-2014', subtype: 'issue', applicantSnapshotId: company.value.snapshotId, representativeSnapshotId: null });
      const submitted = await api.submissions.submitDraft(draftId, demoSigning());
      if (!submitted.ok) throw new Error(`submit refused: ${submitted.error.kind}`);
      applicationId = submitted.value.applicationId;
      const receipt = await api.receipts.forApplication(applicationId, 'kk');
      if (!receipt.ok) throw new Error(`receipt refused: ${receipt.error.kind}`);
      await api.session.logout();
    } finally {
      await workstation.close();
    }
  }, 60_000);

  it('records login, lookups (also the refused one), imports, sign, submit, print and logout in order, without personal data', async () => {
    const db = await SqlJsDatabase.open({ file: path.join(dataDir, 'workstation.sqlite'), wasmPath, migrations: [], storage: readOnlyDbStorage });
    try {
      const records = db.read((r) => listAuditRecords(r));
      const actions = records.map((r) => r.action).filter((a, i, all) => a !== 'import' || all[i - 1] !== 'import');
      expect(actions).toEqual(['login', 'lookup', 'lookup', 'lookup-failed', 'import', 'sign', 'submit', 'print', 'logout']);
      expect(JSON.parse(records.find((r) => r.action === 'lookup-failed')!.detail)).toEqual({ kind: 'individual', reason: 'not-found' });
      expect(records.every((r) => r.operatorId === 'op-0001')).toBe(true);
      expect(records.filter((r) => ['sign', 'submit', 'print'].includes(r.action)).map((r) => r.subject)).toEqual([applicationId, applicationId, applicationId]);
      expect(JSON.parse(records.find((r) => r.action === 'sign')!.detail)).toEqual({ method: 'key-file' });
      const table = JSON.stringify(db.read((r) => r.all(`SELECT * FROM audit_log`)));
      expect(personal.length).toBeGreaterThanOrEqual(6);
      for (const value of personal) expect(table).not.toContain(value);
      expect(db.read((r) => verifyAuditLog(r))).toMatchObject({ ok: true, value: { count: records.length } });
    } finally {
      await db.close();
    }
  });

  it('npm run audit:verify passes on the data directory, then fails naming the one edited row', async () => {
    const intact = auditVerify(dataDir);
    expect(intact.stderr).toBe('');
    expect(intact.stdout).toMatch(/^audit log OK: \d+ records, head [0-9a-f]{64}$/m);
    expect(intact.status).toBe(0);

    // Someone holding the (closed, checkpointed) file edits one row with sql.js, dropping the trigger first.
    const file = path.join(dataDir, 'workstation.sqlite');
    const SQL = await initSqlJs({ wasmBinary: new Uint8Array(await readFile(wasmPath)).buffer });
    const raw = new SQL.Database(new Uint8Array(await readFile(file)));
    raw.run(`DROP TRIGGER audit_log_no_update`);
    raw.run(`UPDATE audit_log SET operator_id = 'op-9999' WHERE seq = 2`);
    await writeFile(file, raw.export());
    raw.close();

    const broken = auditVerify(dataDir);
    expect(broken.stderr).toContain('audit log BROKEN at record 2 (edited)');
    expect(broken.status).toBe(1);
  }, 60_000);
});
