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
import { findApplication, listApplications } from '../applications';
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
