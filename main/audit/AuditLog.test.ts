import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SqlJsDatabase } from '../db/SqlJsDatabase';
import { MIGRATIONS } from '../db/migrations';
import { AUDIT_HEAD_SETTING, GENESIS_HASH, canonicalDetail, hashAuditRecord, verifyAuditChain } from './auditChain';
import { AuditLog, listAuditRecords, verifyAuditLog } from './AuditLog';

const wasmPath = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');

/** A log of five records by a ticking clock. */
async function fiveRecordLog() {
  const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
  let t = Date.parse('2026-11-20T05:00:00.000Z');
  const audit = new AuditLog(db, { now: () => new Date((t += 1_000)) });
  await audit.record({ operatorId: 'op-1', action: 'login', subject: null });
  await audit.record({ operatorId: 'op-1', action: 'lookup', subject: 'snap-1', detail: { kind: 'individual' } });
  await db.write((w) => audit.appendIn(w, { operatorId: 'op-1', action: 'submit', subject: 'app-1', detail: { signed: true, documents: 2 } }));
  await audit.record({ operatorId: 'op-1', action: 'print', subject: 'app-1', detail: { language: 'kk' } });
  await audit.record({ operatorId: 'op-1', action: 'logout', subject: null });
  return { db, audit };
}

/** Tampering as someone holding the file would: drop the triggers first. */
async function tamper(db: SqlJsDatabase, ...statements: string[]) {
  await db.write((w) => {
    w.run(`DROP TRIGGER audit_log_no_update`);
    w.run(`DROP TRIGGER audit_log_no_delete`);
    for (const sql of statements) w.run(sql);
  });
}

describe('AuditLog', () => {
  it('chains every record from the genesis value and anchors the head; a normal log verifies', async () => {
    const { db, audit } = await fiveRecordLog();
    const rows = db.read((r) => r.all(`SELECT * FROM audit_log ORDER BY seq`));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(rows[2]!.detail).toBe('{"documents":2,"signed":true}');
    expect(rows[1]!.at).toBe('2026-11-20T05:00:02.000Z');
    const verdict = audit.verify();
    expect(verdict).toEqual({ ok: true, value: { count: 5, head: rows[4]!.hash } });
    expect(db.read((r) => r.get(`SELECT value FROM settings WHERE key = ?`, [AUDIT_HEAD_SETTING]))?.value).toBe(JSON.stringify({ count: 5, hash: rows[4]!.hash }));
    expect(db.read((r) => listAuditRecords(r)).map((r) => r.action)).toEqual(['login', 'lookup', 'submit', 'print', 'logout']);
  });

  it('an empty log verifies as zero records', async () => {
    const db = await SqlJsDatabase.open({ file: null, wasmPath, migrations: MIGRATIONS });
    expect(db.read((r) => verifyAuditLog(r))).toEqual({ ok: true, value: { count: 0, head: GENESIS_HASH } });
  });

  it('refuses UPDATE and DELETE while the triggers stand', async () => {
    const { db } = await fiveRecordLog();
    await expect(db.write((w) => w.run(`UPDATE audit_log SET detail = '{}' WHERE seq = 2`))).rejects.toThrow(/append-only/);
    await expect(db.write((w) => w.run(`DELETE FROM audit_log WHERE seq = 5`))).rejects.toThrow(/append-only/);
  });

  it('an edited detail breaks the chain at that record', async () => {
    const { db, audit } = await fiveRecordLog();
    await tamper(db, `UPDATE audit_log SET detail = '{"kind":"legal-entity"}' WHERE seq = 2`);
    expect(audit.verify()).toEqual({ ok: false, error: { kind: 'edited', seq: 2 } });
  });

  it('an edited record whose hash was recomputed breaks at the next record', async () => {
    const { db, audit } = await fiveRecordLog();
    const row = db.read((r) => r.get(`SELECT * FROM audit_log WHERE seq = 3`))!;
    const forged = { ...row, operator_id: 'op-2' } as Parameters<typeof hashAuditRecord>[0];
    await tamper(db, `UPDATE audit_log SET operator_id = 'op-2', hash = '${hashAuditRecord(forged)}' WHERE seq = 3`);
    expect(audit.verify()).toEqual({ ok: false, error: { kind: 'broken-link', seq: 4 } });
  });

  it('a deleted middle record is named', async () => {
    const { db, audit } = await fiveRecordLog();
    await tamper(db, `DELETE FROM audit_log WHERE seq = 3`);
    expect(audit.verify()).toEqual({ ok: false, error: { kind: 'missing-or-reordered', seq: 3 } });
  });

  it('deleting the newest record is caught by the anchored head', async () => {
    const { db, audit } = await fiveRecordLog();
    await tamper(db, `DELETE FROM audit_log WHERE seq = 5`);
    expect(audit.verify()).toEqual({ ok: false, error: { kind: 'head-mismatch', seq: 5 } });
  });

  it('reordered records (two swapped, renumbered) break the chain', async () => {
    const { db, audit } = await fiveRecordLog();
    // Swap the contents of records 2 and 3, each keeping its position's seq.
    await tamper(
      db,
      `UPDATE audit_log SET seq = -2 WHERE seq = 2`,
      `UPDATE audit_log SET seq = 2 WHERE seq = 3`,
      `UPDATE audit_log SET seq = 3 WHERE seq = -2`,
    );
    expect(audit.verify()).toEqual({ ok: false, error: { kind: 'edited', seq: 2 } });
  });

  it('records appended behind the log anchor (the head not moved) are caught', async () => {
    const { db, audit } = await fiveRecordLog();
    const last = db.read((r) => r.get(`SELECT hash FROM audit_log WHERE seq = 5`))!;
    const extra = { seq: 6, at: '2026-11-20T06:00:00.000Z', operator_id: 'op-1', action: 'print', subject: 'app-1', detail: '{}', prev_hash: String(last.hash) };
    await db.write((w) =>
      w.run(`INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [6, extra.at, extra.operator_id, extra.action, extra.subject, extra.detail, extra.prev_hash, hashAuditRecord(extra)]),
    );
    expect(audit.verify()).toEqual({ ok: false, error: { kind: 'head-mismatch', seq: 5 } });
  });
});

describe('verifyAuditChain', () => {
  it('reports unreadable rows and anchors as malformed', () => {
    expect(verifyAuditChain([{ seq: 1 }], null)).toEqual({ ok: false, error: { kind: 'malformed', seq: 1 } });
    expect(verifyAuditChain([], 'not json')).toEqual({ ok: false, error: { kind: 'malformed', seq: 0 } });
  });

  it('encodes details canonically, whatever the key order', () => {
    expect(canonicalDetail({ b: 1, a: 'x' })).toBe(canonicalDetail({ a: 'x', b: 1 }));
  });
});
