// Status tracking rows (migration 0007): what the backend last said per application, the stored
// result document's reference, and the hand-over. Metadata only; the PDF is in the blob store.
// Writers take a WritableDb, so every change runs inside the caller's write transaction.
import { z } from 'zod';
import { applicationStatusSchema, resultDocumentRefSchema, type ApplicationStatus, type ApplicationStatusView, type ResultDocumentRef } from '../../core/backendApi/wire';
import type { HandOverRecord } from '../../core/contract/status';
import type { ReadableDb, WritableDb } from '../db/SqlJsDatabase';

/** What the last check left behind: enough to tell whether the next answer is a change, and the backoff exponent. */
export interface KnownStatus {
  /** Null when the backend never answered about it (only failed checks so far). */
  readonly status: ApplicationStatus | null;
  readonly historyLength: number;
  readonly resultRef: ResultDocumentRef | null;
  /** Checks since the status last changed (successful or not): the exponent of the backoff. */
  readonly checkAttempts: number;
}

const knownRowSchema = z.object({
  status: applicationStatusSchema.nullable(),
  history_len: z.number().nullable(),
  result_ref_json: z.string().nullable(),
  check_attempts: z.number(),
});

export function readKnownStatus(db: ReadableDb, applicationId: string): KnownStatus | null {
  const raw = db.get(
    `SELECT status, json_array_length(history_json) AS history_len, result_ref_json, check_attempts FROM application_status WHERE application_id = ?`,
    [applicationId],
  );
  if (!raw) return null;
  const row = knownRowSchema.parse(raw);
  return {
    status: row.status,
    historyLength: row.history_len ?? 0,
    resultRef: row.result_ref_json === null ? null : resultDocumentRefSchema.parse(JSON.parse(row.result_ref_json)),
    checkAttempts: row.check_attempts,
  };
}

/** The backend's answer replaces what was known; `nextCheckAt` null stops the poller (handed over). */
export function recordStatusAnswer(
  db: WritableDb,
  applicationId: string,
  view: ApplicationStatusView,
  at: { readonly checkedAt: string; readonly checkAttempts: number; readonly nextCheckAt: string | null },
): void {
  db.run(
    `INSERT INTO application_status(application_id, status, history_json, decision_json, result_ref_json, checked_at, next_check_at, check_attempts, last_failure)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
      ON CONFLICT(application_id) DO UPDATE SET status = excluded.status, history_json = excluded.history_json, decision_json = excluded.decision_json,
        result_ref_json = excluded.result_ref_json, checked_at = excluded.checked_at, next_check_at = excluded.next_check_at,
        check_attempts = excluded.check_attempts, last_failure = NULL`,
    [applicationId, view.status, JSON.stringify(view.history), view.decision === null ? null : JSON.stringify(view.decision),
      view.result === null ? null : JSON.stringify(view.result), at.checkedAt, at.nextCheckAt, at.checkAttempts],
  );
}

/**
 * A check that failed: the last known status stays as it was, only the schedule moves on.
 * `failure` is a kind/status/code description only: never personal data.
 */
export function recordStatusFailure(db: WritableDb, applicationId: string, at: { readonly checkAttempts: number; readonly nextCheckAt: string | null }, failure: string): void {
  db.run(
    `INSERT INTO application_status(application_id, next_check_at, check_attempts, last_failure) VALUES (?, ?, ?, ?)
      ON CONFLICT(application_id) DO UPDATE SET next_check_at = excluded.next_check_at, check_attempts = excluded.check_attempts, last_failure = excluded.last_failure`,
    [applicationId, at.nextCheckAt, at.checkAttempts, failure],
  );
}

/**
 * Registered applications not handed over whose next check is due, earliest first. One never
 * checked is due from its registration (right after it, or after an upgrade from before 0007).
 */
/**
 * Registered applications whose next check is due, earliest first. Every registered application has
 * its status row from the moment it is registered (markRegistered, migration 0013), so this walks
 * the `next_check_at` index from its start and stops at `limit`: its cost does not grow with the
 * applications stored. Handed-over applications and finished results have no next check.
 */
export function listDueStatusChecks(db: ReadableDb, nowIso: string, limit: number): string[] {
  return db
    .all(
      `SELECT s.application_id AS id FROM application_status s INDEXED BY application_status_due
        JOIN applications a ON a.id = s.application_id
        WHERE s.next_check_at IS NOT NULL AND s.next_check_at <= ?
          AND a.state = 'registered' AND a.withdrawn_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM hand_overs h WHERE h.application_id = s.application_id)
        ORDER BY s.next_check_at LIMIT ?`,
      [nowIso, limit],
    )
    .map((r) => String(r.id));
}

/** When the next check of any tracked application is due; null when nothing is tracked. */
export function earliestStatusCheck(db: ReadableDb): string | null {
  const row = db.get(
    `SELECT s.next_check_at AS next FROM application_status s INDEXED BY application_status_due
      JOIN applications a ON a.id = s.application_id
      WHERE s.next_check_at IS NOT NULL AND a.state = 'registered' AND a.withdrawn_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM hand_overs h WHERE h.application_id = s.application_id)
      ORDER BY s.next_check_at LIMIT 1`,
  );
  return typeof row?.next === 'string' ? row.next : null;
}

export interface StoredResult {
  readonly blobSha256: string;
  readonly sizeBytes: number;
  readonly fileName: string;
  readonly storedAt: string;
}

export function findStoredResult(db: ReadableDb, applicationId: string): StoredResult | null {
  const r = db.get(`SELECT blob_sha256, size_bytes, file_name, stored_at FROM application_results WHERE application_id = ?`, [applicationId]);
  return r ? { blobSha256: String(r.blob_sha256), sizeBytes: Number(r.size_bytes), fileName: String(r.file_name), storedAt: String(r.stored_at) } : null;
}

/** The result is in the blob store (written before this): record where. A later record replaces an unreadable one. */
export function recordStoredResult(db: WritableDb, applicationId: string, result: StoredResult): void {
  db.run(
    `INSERT INTO application_results(application_id, blob_sha256, size_bytes, file_name, stored_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(application_id) DO UPDATE SET blob_sha256 = excluded.blob_sha256, size_bytes = excluded.size_bytes,
        file_name = excluded.file_name, stored_at = excluded.stored_at`,
    [applicationId, result.blobSha256, result.sizeBytes, result.fileName, result.storedAt],
  );
  // The backend names a result only once the application is ready for hand-over, its last status:
  // with the document here nothing more can change at the provider, so the poller leaves it alone
  // (otherwise every uncollected result would be asked about every half hour, for ever).
  db.run(`UPDATE application_status SET next_check_at = NULL WHERE application_id = ? AND status = 'ready-for-handover'`, [applicationId]);
}

export function findHandOver(db: ReadableDb, applicationId: string): HandOverRecord | null {
  const r = db.get(`SELECT handed_over_at, operator_id, operator_name FROM hand_overs WHERE application_id = ?`, [applicationId]);
  return r ? { handedOverAt: String(r.handed_over_at), operatorId: String(r.operator_id), operatorName: String(r.operator_name) } : null;
}

/**
 * Records the hand-over once and stops polling it. Returns the record that holds afterwards: the
 * earlier one when it was already handed over (write bodies are serialised, so this cannot race).
 */
export function recordHandOver(db: WritableDb, applicationId: string, record: HandOverRecord): { readonly record: HandOverRecord; readonly inserted: boolean } {
  const earlier = findHandOver(db, applicationId);
  if (earlier) return { record: earlier, inserted: false };
  db.run(`INSERT INTO hand_overs(application_id, handed_over_at, operator_id, operator_name) VALUES (?, ?, ?, ?)`,
    [applicationId, record.handedOverAt, record.operatorId, record.operatorName]);
  db.run(`UPDATE application_status SET next_check_at = NULL WHERE application_id = ?`, [applicationId]);
  return { record, inserted: true };
}
