/**
 * Every migration is tested by upgrading a populated database of the previous version, the way a
 * counter's workstation meets it after an update.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SqlJsDatabase } from '../SqlJsDatabase';
import { findApplication, findApplicationsByKey, listApplications } from '../applications';
import { listDueStatusChecks } from '../../status/statusRecords';
import { appendPage, findDraft, insertDraft } from '../drafts';
import { MIGRATIONS } from './index';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

const V1_PAYLOAD = {
  serviceId: '002-a2-casino-2014',
  subtype: 'issue',
  applicant: { kind: 'legal-entity', bin: '150340999016' },
  registryAnswerId: 'answer-1',
  documents: [{ sha256: 'a'.repeat(64), fileName: 'Жарғы.pdf', mediaType: 'application/pdf', sizeBytes: 1234 }],
  localNumber: 'ABC123-20261120-0001',
  workstationId: 'abc123',
  acceptedAt: '2026-11-20T05:00:00.000Z',
};

describe('migration 0002 (representatives and deadlines)', () => {
  it('upgrades a populated version-1 database without losing or altering its applications', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v1 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version === 1) });
    expect(v1.schemaVersion).toBe(1);
    await v1.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{}', '2026-11-20T05:00:00.000Z')`);
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at, registration_number, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'registered', ?, ?, ?)`,
        ['app-1', V1_PAYLOAD.localNumber, V1_PAYLOAD.serviceId, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', JSON.stringify(V1_PAYLOAD), 'key-1',
          V1_PAYLOAD.acceptedAt, 'LIC-2026-000001', '2026-11-20T05:00:01.000Z'],
      );
      w.run(`INSERT INTO outbox(application_id, attempts, next_attempt_at) VALUES ('app-1', 3, '2026-11-20T06:00:00.000Z')`);
    });
    await v1.close();

    // Upgraded through every later migration too: the application is read with today's code.
    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    const stored = upgraded.read((r) => findApplication(r, 'app-1'));
    expect(stored?.idempotencyKey).toBe('key-1');
    expect(stored?.summary).toMatchObject({
      localNumber: V1_PAYLOAD.localNumber,
      state: 'registered',
      registrationNumber: 'LIC-2026-000001',
      representative: null,
      plannedResultDate: null,
      applicant: { kind: 'legal-entity', bin: '150340999016', displayName: 'ТОО «ТЕСТ»' },
    });
    // A version-1 payload had no representative field; it must still be sent exactly as accepted.
    expect(stored?.payload).toEqual({ ...V1_PAYLOAD, representative: null, operatorSignature: null });
    expect(stored?.wireBody).toEqual(V1_PAYLOAD);
    expect(upgraded.read((r) => r.get(`SELECT attempts FROM outbox WHERE application_id = 'app-1'`))).toEqual({ attempts: 3 });
    expect(upgraded.read((r) => r.all(`SELECT name FROM sqlite_master WHERE name = 'representative_snapshots'`))).toHaveLength(1);
  });
});

describe('migration 0004 (operator signatures)', () => {
  it('upgrades a populated version-3 database: its applications stay unsigned and are sent exactly as accepted', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v3 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 3) });
    expect(v3.schemaVersion).toBe(3);
    await v3.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{}', '2026-11-20T05:00:00.000Z')`);
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at, representative_display_name, planned_result_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, NULL, ?)`,
        ['app-3', V1_PAYLOAD.localNumber, V1_PAYLOAD.serviceId, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', JSON.stringify({ ...V1_PAYLOAD, representative: null }),
          'key-3', V1_PAYLOAD.acceptedAt, '2026-12-04'],
      );
      w.run(`INSERT INTO outbox(application_id, attempts, next_attempt_at) VALUES ('app-3', 1, '2026-11-20T06:00:00.000Z')`);
    });
    await v3.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    const stored = upgraded.read((r) => findApplication(r, 'app-3'));
    expect(stored?.signatureBlob).toBeNull();
    expect(stored?.wireBody).toEqual({ ...V1_PAYLOAD, representative: null });
    expect(stored?.summary).toMatchObject({ state: 'accepted', plannedResultDate: '2026-12-04', localNumber: V1_PAYLOAD.localNumber });
    expect(upgraded.read((r) => r.get(`SELECT attempts FROM outbox WHERE application_id = 'app-3'`))).toEqual({ attempts: 1 });
  });
});

describe('migration 0005 (withdrawals)', () => {
  it('upgrades a populated version-4 database: nothing is withdrawn, signed applications keep their signature', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v4 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    expect(v4.schemaVersion).toBe(4);
    await v4.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{}', '2026-11-20T05:00:00.000Z')`);
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at, signature_blob) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'needs-attention', ?, ?)`,
        ['app-4', V1_PAYLOAD.localNumber, V1_PAYLOAD.serviceId, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', JSON.stringify(V1_PAYLOAD), 'key-4', V1_PAYLOAD.acceptedAt, 'b'.repeat(64)],
      );
    });
    await v4.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    const stored = upgraded.read((r) => findApplication(r, 'app-4'));
    expect(stored?.summary.state).toBe('needs-attention');
    expect(stored?.signatureBlob).toBe('b'.repeat(64));
  });
});

describe('migration 0006 (applications by acceptance)', () => {
  it('indexes a populated version-5 database so the newest-first listing no longer sorts the table', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v5 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    await v5.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{}', '2026-11-20T05:00:00.000Z')`);
      for (const [id, at] of [['app-a', '2026-11-20T05:00:00.000Z'], ['app-b', '2026-11-21T05:00:00.000Z']] as const) {
        w.run(
          `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
            idempotency_key, state, accepted_at) VALUES (?, ?, ?, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', ?, ?, 'accepted', ?)`,
          [id, `N-${id}`, V1_PAYLOAD.serviceId, JSON.stringify({ ...V1_PAYLOAD, localNumber: `N-${id}`, acceptedAt: at }), `key-${id}`, at],
        );
      }
    });
    await v5.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    expect(upgraded.read((r) => listApplications(r)).map((a) => a.applicationId)).toEqual(['app-b', 'app-a']);
    const plan = upgraded.read((r) => r.all(`EXPLAIN QUERY PLAN SELECT id FROM applications ORDER BY accepted_at DESC LIMIT 200`));
    expect(plan.map((row) => String(row.detail)).join(' | ')).toContain('applications_by_accepted_at');
  });
});

describe('migration 0008 (journal and questionnaire)', () => {
  it('upgrades a populated version-7 database: applications untouched, visits and answers can refer to them, one answer each', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v7 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 7) });
    expect(v7.schemaVersion).toBe(7);
    await v7.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{}', '2026-11-20T05:00:00.000Z')`);
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at) VALUES ('app-8', ?, ?, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', ?, 'key-8', 'accepted', ?)`,
        [V1_PAYLOAD.localNumber, V1_PAYLOAD.serviceId, JSON.stringify(V1_PAYLOAD), V1_PAYLOAD.acceptedAt],
      );
    });
    await v7.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    expect(upgraded.read((r) => findApplication(r, 'app-8'))?.summary).toMatchObject({ state: 'accepted', localNumber: V1_PAYLOAD.localNumber });
    await upgraded.write((w) => {
      w.run(`INSERT INTO journal_visits(id, kind, operator_id, operator_name, application_id, started_at) VALUES ('v-1', 'acceptance', 'op-1', 'Оператор', 'app-8', '2026-11-20T05:00:00.000Z')`);
      w.run(`INSERT INTO journal_step_marks(visit_id, seq, step, at) VALUES ('v-1', 1, 'service', '2026-11-20T05:00:00.000Z')`);
      w.run(`INSERT INTO questionnaire_answers VALUES ('app-8', 2, 1, '2026-11-20T05:10:00.000Z', 'op-1', 'Оператор')`);
    });
    const insert = (sql: string) => upgraded.write((w) => w.run(sql));
    await expect(insert(`INSERT INTO questionnaire_answers VALUES ('app-8', 0, 0, '2026-11-20T05:11:00.000Z', 'op-1', 'Оператор')`)).rejects.toThrow(/UNIQUE/);
    await expect(insert(`INSERT INTO journal_step_marks(visit_id, seq, step, at) VALUES ('v-1', 2, 'coffee', '2026-11-20T05:01:00.000Z')`)).rejects.toThrow(/CHECK/);
    await expect(insert(`INSERT INTO journal_visits(id, kind, operator_id, operator_name, application_id, started_at) VALUES ('v-2', 'acceptance', 'op-1', 'O', 'no-such-app', '2026-11-20T05:00:00.000Z')`)).rejects.toThrow(/FOREIGN KEY/);
    expect(upgraded.read((r) => r.all(`SELECT application_id, quality, accessibility FROM questionnaire_answers`))).toEqual([{ application_id: 'app-8', quality: 2, accessibility: 1 }]);
    await upgraded.close();
  });
});

describe('migration 0007 (status tracking)', () => {
  it('upgrades a populated version-6 database: nothing is tracked or handed over yet, registered applications become due, find uses its indexes', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v6 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 6) });
    expect(v6.schemaVersion).toBe(6);
    await v6.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{}', '2026-11-20T05:00:00.000Z')`);
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at, registration_number, registered_at, backend_application_id) VALUES (?, ?, ?, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', ?, ?, 'registered', ?, ?, ?, ?)`,
        ['app-r', 'N-app-r', V1_PAYLOAD.serviceId, JSON.stringify({ ...V1_PAYLOAD, localNumber: 'N-app-r' }), 'key-r', V1_PAYLOAD.acceptedAt,
          'KZ26LAA00000007', '2026-11-20T05:00:01.000Z', 'backend-7'],
      );
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at) VALUES (?, ?, ?, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', ?, ?, 'accepted', ?)`,
        ['app-q', 'N-app-q', V1_PAYLOAD.serviceId, JSON.stringify({ ...V1_PAYLOAD, localNumber: 'N-app-q', acceptedAt: '2026-11-21T05:00:00.000Z' }), 'key-q',
          '2026-11-21T05:00:00.000Z'],
      );
      w.run(`INSERT INTO outbox(application_id, attempts, next_attempt_at) VALUES ('app-q', 2, '2026-11-21T06:00:00.000Z')`);
    });
    await v6.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    const registered = upgraded.read((r) => findApplication(r, 'app-r'));
    expect(registered?.backendApplicationId).toBe('backend-7');
    expect(registered?.summary).toMatchObject({ state: 'registered', registrationNumber: 'KZ26LAA00000007', tracking: null, handOver: null });
    expect(upgraded.read((r) => findApplication(r, 'app-q'))?.summary).toMatchObject({ state: 'accepted', tracking: null, handOver: null });
    expect(upgraded.read((r) => r.get(`SELECT attempts FROM outbox WHERE application_id = 'app-q'`))).toEqual({ attempts: 2 });
    // Registered before tracking existed: due at once; the queued one is not tracked before registration.
    expect(upgraded.read((r) => listDueStatusChecks(r, '2026-11-22T00:00:00.000Z', 10))).toEqual(['app-r']);
    expect(upgraded.read((r) => findApplicationsByKey(r, 'kz26laa00000007')).map((a) => a.applicationId)).toEqual(['app-r']);
    expect(upgraded.read((r) => findApplicationsByKey(r, V1_PAYLOAD.applicant.bin)).map((a) => a.applicationId)).toEqual(['app-q', 'app-r']);
    const plan = (sql: string) => upgraded.read((r) => r.all(`EXPLAIN QUERY PLAN ${sql}`, ['x'])).map((row) => String(row.detail)).join(' | ');
    expect(plan(`SELECT rowid FROM applications WHERE registration_number = ?1 COLLATE NOCASE`)).toContain('applications_by_registration_number');
    expect(plan(`SELECT rowid FROM applications WHERE COALESCE(json_extract(payload_json, '$.applicant.iin'), json_extract(payload_json, '$.applicant.bin')) = ?1`)).toContain('applications_by_applicant');
  });
});

describe('migration 0009 (audit log)', () => {
  it('upgrades a populated version-8 database: applications untouched, an empty log that verifies, append-only by trigger', async () => {
    const { verifyAuditLog } = await import('../../audit/AuditLog');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v8 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 8) });
    expect(v8.schemaVersion).toBe(8);
    await v8.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{}', '2026-11-20T05:00:00.000Z')`);
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at) VALUES ('app-9', ?, ?, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', ?, 'key-9', 'accepted', ?)`,
        [V1_PAYLOAD.localNumber, V1_PAYLOAD.serviceId, JSON.stringify(V1_PAYLOAD), V1_PAYLOAD.acceptedAt],
      );
    });
    await v8.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    expect(upgraded.read((r) => findApplication(r, 'app-9'))?.summary).toMatchObject({ state: 'accepted', localNumber: V1_PAYLOAD.localNumber });
    expect(upgraded.read((r) => verifyAuditLog(r))).toMatchObject({ ok: true, value: { count: 0 } });
    await upgraded.write((w) => w.run(`INSERT INTO audit_log VALUES (1, '2026-11-20T05:00:00.000Z', 'op-1', 'login', NULL, '{}', ?, ?)`, ['0'.repeat(64), 'f'.repeat(64)]));
    await expect(upgraded.write((w) => w.run(`UPDATE audit_log SET action = 'logout'`))).rejects.toThrow(/append-only/);
    await expect(upgraded.write((w) => w.run(`DELETE FROM audit_log`))).rejects.toThrow(/append-only/);
    await upgraded.close();
  });
});

describe('migration 0010 (operator verifiers)', () => {
  it('upgrades a populated version-9 database: settings kept, no verifier and no lockout for anyone yet', async () => {
    const { SqlAccountStore } = await import('../../accounts/AccountStore');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v9 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 9) });
    expect(v9.schemaVersion).toBe(9);
    await v9.write((w) => w.run(`INSERT INTO settings(key, value) VALUES ('language', '"ru"')`));
    await v9.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    expect(upgraded.read((r) => r.get(`SELECT value FROM settings WHERE key = 'language'`))).toEqual({ value: '"ru"' });
    const accounts = new SqlAccountStore(upgraded);
    expect(accounts.findAccount('operator')).toBeNull();
    expect(accounts.readLockout('operator')).toBeNull();
    await expect(upgraded.write((w) => w.run(`INSERT INTO login_lockouts VALUES ('x', -1, '2026-11-20T05:00:00.000Z', NULL)`))).rejects.toThrow(/CHECK/);
    await upgraded.close();
  });
});

describe('migration 0011 (retention)', () => {
  it('upgrades a populated version-10 database: nothing is purged, summaries and actions unchanged, the purge queries use their indexes', async () => {
    const { listApplicationsDueForPurge, blankUnusedSnapshots } = await import('../../retention/purgeRecords');
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig-')), 'workstation.sqlite');
    const v10 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 10) });
    expect(v10.schemaVersion).toBe(10);
    await v10.write((w) => {
      w.run(`INSERT INTO registry_snapshots VALUES ('snap-1', 'op-1', 'answer-1', '2026-11-20T05:00:00.000Z', '{"kind":"legal-entity"}', '2026-11-20T05:00:00.000Z')`);
      w.run(
        `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
          idempotency_key, state, accepted_at, registration_number, registered_at, backend_application_id) VALUES ('app-11', ?, ?, 'issue', 'op-1', 'snap-1', 'ТОО «ТЕСТ»', ?, 'key-11', 'registered', ?, 'KZ26LAA00000011', ?, 'backend-11')`,
        [V1_PAYLOAD.localNumber, V1_PAYLOAD.serviceId, JSON.stringify(V1_PAYLOAD), V1_PAYLOAD.acceptedAt, V1_PAYLOAD.acceptedAt],
      );
      w.run(`INSERT INTO hand_overs VALUES ('app-11', '2026-11-21T05:00:00.000Z', 'op-1', 'Оператор')`);
      w.run(`INSERT INTO drafts(id, operator_id, service_id, subtype, applicant_snapshot_id, state, application_id, created_at, updated_at)
        VALUES ('draft-11', 'op-1', ?, 'issue', 'snap-1', 'submitted', 'app-11', ?, ?)`, [V1_PAYLOAD.serviceId, V1_PAYLOAD.acceptedAt, V1_PAYLOAD.acceptedAt]);
    });
    await v10.close();

    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.schemaVersion).toBe(MIGRATIONS.length);
    expect(upgraded.read((r) => findApplication(r, 'app-11'))?.summary).toMatchObject({
      purgedAt: null, registrationNumber: 'KZ26LAA00000011', applicant: { bin: V1_PAYLOAD.applicant.bin, displayName: 'ТОО «ТЕСТ»' }, handOver: { handedOverAt: '2026-11-21T05:00:00.000Z' },
    });
    expect(upgraded.read((r) => listApplications(r)).map((a) => a.purgedAt)).toEqual([null]);
    // Due by the rules only once 30 days have passed since the hand-over.
    expect(upgraded.read((r) => listApplicationsDueForPurge(r, new Date('2026-12-21T04:59:59.999Z'), 30))).toEqual([]);
    expect(upgraded.read((r) => listApplicationsDueForPurge(r, new Date('2026-12-21T05:00:00.000Z'), 30))).toEqual(['app-11']);
    // Its lookup is still used by the application (and its draft): not emptied however old.
    expect(await upgraded.write((w) => blankUnusedSnapshots(w, new Date('2027-06-01T00:00:00.000Z'), 30))).toBe(0);
    const plan = (sql: string) => upgraded.read((r) => r.all(`EXPLAIN QUERY PLAN ${sql}`)).map((row) => String(row.detail)).join(' | ');
    expect(plan(`SELECT id FROM applications WHERE purged_at IS NULL`)).toContain('applications_unpurged');
    expect(plan(`SELECT id FROM registry_snapshots WHERE record_json <> '{}'`)).toContain('registry_snapshots_unblanked');
    expect(plan(`SELECT 1 FROM applications WHERE snapshot_id = 'x'`)).toContain('applications_by_snapshot');
    expect(plan(`SELECT 1 FROM drafts WHERE application_id = 'x'`)).toContain('drafts_by_application');
    await upgraded.close();
  });
});


describe('migration 0012 (PDF pages stored once)', () => {
  it('upgrades a populated version-11 database: each stored one-page PDF is read as page 0 of its own blob', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'psc-mig12-')), 'workstation.sqlite');
    const v11 = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS.filter((m) => m.version <= 11) });
    await v11.write((w) => {
      insertDraft(w, { id: 'd1', operatorId: 'op', serviceId: '002-a2-casino-2014', subtype: 'issue', now: '2026-11-20T05:00:00.000Z' });
      w.run(
        `INSERT INTO draft_pages(id, draft_id, slot_id, position, kind, media_type, sha256, thumbnail_sha256, width_px, height_px, dpi, blank, source, created_at)
         VALUES ('p1', 'd1', 'charter', 0, 'pdf', 'application/pdf', ?, NULL, NULL, NULL, NULL, 0, 'import', '2026-11-20T05:00:00.000Z')`,
        ['b'.repeat(64)],
      );
    });
    await v11.close();
    const upgraded = await SqlJsDatabase.open({ file, wasmPath, migrations: MIGRATIONS });
    expect(upgraded.read((r) => findDraft(r, 'd1'))?.pages).toEqual([expect.objectContaining({ id: 'p1', kind: 'pdf', sha256: 'b'.repeat(64), pdfPage: 0 })]);
    await upgraded.write((w) =>
      appendPage(w, 'd1', {
        id: 'p2', slotId: 'charter', kind: 'pdf', mediaType: 'application/pdf', sha256: 'c'.repeat(64), pdfPage: 41, thumbnailSha256: null, widthPx: null, heightPx: null,
        dpi: null, blank: false, source: 'import', createdAt: '2026-11-20T05:01:00.000Z',
      }),
    );
    expect(upgraded.read((r) => findDraft(r, 'd1'))?.pages.map((p) => p.pdfPage)).toEqual([0, 41]);
    await upgraded.close();
  });
});
