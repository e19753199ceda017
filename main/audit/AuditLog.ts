import type { ReadableDb, SqlJsDatabase, WritableDb } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';
import type { Clock } from '../ports/Clock';
import { AUDIT_HEAD_SETTING, canonicalDetail, GENESIS_HASH, hashAuditRecord, verifyAuditChain, type AuditAction, type AuditBreak, type AuditDetail, type AuditSummary } from './auditChain';
import type { Result } from '../../core/result';

export interface AuditEntry {
  readonly operatorId: string;
  readonly action: AuditAction;
  /** Our own record's id (application, draft, registry snapshot): never an IIN, name or image. */
  readonly subject: string | null;
  readonly detail?: AuditDetail;
}

/**
 * The append-only audit log of operator actions (table `audit_log`, migration 0009). There is no
 * update or delete path; triggers refuse both, and `verify` is the real check. An action that
 * writes appends its record inside its own transaction (`appendIn`), so the action and its record
 * commit together; an action that writes nothing appends in a durable write of its own (`record`).
 */
export class AuditLog {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly clock: Clock,
  ) {}

  /** Appends inside the caller's write transaction and moves the anchored head with it. */
  appendIn(w: WritableDb, entry: AuditEntry): void {
    const last = w.get(`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`);
    const seq = typeof last?.seq === 'number' ? last.seq + 1 : 1;
    const prevHash = typeof last?.hash === 'string' ? last.hash : GENESIS_HASH;
    const record = {
      seq,
      at: this.clock.now().toISOString(),
      operator_id: entry.operatorId,
      action: entry.action,
      subject: entry.subject,
      detail: canonicalDetail(entry.detail ?? {}),
      prev_hash: prevHash,
    };
    const hash = hashAuditRecord(record);
    w.run(`INSERT INTO audit_log(seq, at, operator_id, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      record.seq, record.at, record.operator_id, record.action, record.subject, record.detail, record.prev_hash, hash,
    ]);
    putSetting(w, AUDIT_HEAD_SETTING, JSON.stringify({ count: seq, hash }));
  }

  /** Appends in a durable write of its own; resolves once the record is on disk. */
  record(entry: AuditEntry): Promise<void> {
    const write = this.db.write((w) => this.appendIn(w, entry));
    this.pending.add(write);
    const forget = () => this.pending.delete(write);
    write.then(forget, forget);
    return write;
  }

  /** Resolves once every `record` started so far has settled (before the database closes). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  verify(): Result<AuditSummary, AuditBreak> {
    return this.db.read((r) => verifyAuditLog(r));
  }
}

/** Checks the stored chain and its anchored head (used by the app and by `npm run audit:verify`). */
export function verifyAuditLog(r: ReadableDb): Result<AuditSummary, AuditBreak> {
  const rows = r.all(`SELECT seq, at, operator_id, action, subject, detail, prev_hash, hash FROM audit_log ORDER BY seq`);
  return verifyAuditChain(rows, getSetting(r, AUDIT_HEAD_SETTING));
}

/** The stored records in order, for tests and an eventual supervisor view. */
export function listAuditRecords(r: ReadableDb): readonly { seq: number; operatorId: string; action: string; subject: string | null; detail: string }[] {
  return r.all(`SELECT seq, operator_id, action, subject, detail FROM audit_log ORDER BY seq`).map((row) => ({
    seq: Number(row.seq),
    operatorId: String(row.operator_id),
    action: String(row.action),
    subject: row.subject === null ? null : String(row.subject),
    detail: String(row.detail),
  }));
}
