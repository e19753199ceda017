import type { Migration } from './index';

/**
 * The tamper-evident audit log of operator actions (issue #8 item 3; main/audit/auditChain.ts).
 * `seq` is the rowid, so the order is the append order. The triggers refuse UPDATE and DELETE as
 * defence in depth only: anyone with the file can drop them, which the hash chain then reveals.
 */
export const migration0009AuditLog: Migration = {
  version: 9,
  name: 'audit-log',
  up(db) {
    db.run(`CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      operator_id TEXT NOT NULL,
      action TEXT NOT NULL,
      subject TEXT,
      detail TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL)`);
    db.run(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
    db.run(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`);
  },
};
