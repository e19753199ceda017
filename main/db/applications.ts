import { z } from 'zod';
import {
  applicationStatusSchema,
  applicationSubmissionSchema,
  providerDecisionSchema,
  sha256HexSchema,
  statusEventSchema,
  type ApplicationSubmission,
  type ApplicationSubmissionBody,
  type Registration,
} from '../../core/backendApi/wire';
import type { UnsignedSubmission } from '../../core/signing/signedPayload';
import type { ApplicationState, ApplicationSummary } from '../../core/contract/submissions';
import type { HandOverRecord, StatusTracking } from '../../core/contract/status';
import type { ReadableDb, WritableDb } from './SqlJsDatabase';

export interface NewApplication {
  readonly id: string;
  readonly operatorId: string;
  readonly snapshotId: string;
  readonly applicantDisplayName: string;
  readonly representativeDisplayName: string | null;
  readonly plannedResultDate: string | null;
  readonly idempotencyKey: string;
  /** The body as accepted, without the signature (which covers exactly these members). */
  readonly payload: UnsignedSubmission;
  /** SHA-256 of the operator's detached CMS in the blob store; null where the regulation has no operator EDS. */
  readonly signatureBlob: string | null;
}

export interface StoredApplication {
  readonly summary: ApplicationSummary;
  readonly idempotencyKey: string;
  /** The payload as validated today. */
  readonly payload: ApplicationSubmission;
  /** The body exactly as accepted (without the signature), which every attempt sends so retries match the first one. */
  readonly wireBody: ApplicationSubmissionBody;
  /** SHA-256 of the operator's detached CMS in the blob store; the sender adds it as `operatorSignature`. */
  readonly signatureBlob: string | null;
  /** The backend's id of the application once registered (GET /v1/applications/{id}); not the local id. */
  readonly backendApplicationId: string | null;
}

export interface OutboxEntry {
  readonly applicationId: string;
  readonly attempts: number;
  readonly nextAttemptAt: string;
}

const rowSchema = z.object({
  id: z.string(),
  local_number: z.string(),
  service_id: z.string(),
  subtype: z.enum(['issue', 'reissue', 'duplicate']),
  applicant_display_name: z.string(),
  payload_json: z.string(),
  idempotency_key: z.string(),
  state: z.enum(['accepted', 'registered', 'needs-attention']),
  accepted_at: z.string(),
  registration_number: z.string().nullable(),
  registered_at: z.string().nullable(),
  problem_code: z.string().nullable(),
  representative_display_name: z.string().nullable(),
  planned_result_date: z.string().nullable(),
  signature_blob: sha256HexSchema.nullable(),
  withdrawn_at: z.string().nullable(),
  backend_application_id: z.string().nullable(),
  purged_at: z.string().nullable(),
  // Status tracking (migration 0007), joined in: null where there is no such row yet.
  st_status: applicationStatusSchema.nullable(),
  st_history_json: z.string().nullable(),
  st_decision_json: z.string().nullable(),
  st_result_ref_json: z.string().nullable(),
  st_checked_at: z.string().nullable(),
  st_next_check_at: z.string().nullable(),
  result_blob: sha256HexSchema.nullable(),
  handed_over_at: z.string().nullable(),
  handed_over_by_id: z.string().nullable(),
  handed_over_by_name: z.string().nullable(),
});

/**
 * Every summary carries its tracking and hand-over, so the tables are joined here once (one row per
 * application: each joined table is keyed by application id). Callers qualify columns with `a.`.
 */
const SELECT = `SELECT a.id, a.local_number, a.service_id, a.subtype, a.applicant_display_name, a.payload_json, a.idempotency_key, a.state,
  a.accepted_at, a.registration_number, a.registered_at, a.problem_code, a.representative_display_name, a.planned_result_date, a.signature_blob, a.withdrawn_at,
  a.backend_application_id, a.purged_at, s.status AS st_status, s.history_json AS st_history_json, s.decision_json AS st_decision_json, s.result_ref_json AS st_result_ref_json,
  s.checked_at AS st_checked_at, s.next_check_at AS st_next_check_at, r.blob_sha256 AS result_blob,
  h.handed_over_at, h.operator_id AS handed_over_by_id, h.operator_name AS handed_over_by_name
  FROM applications a
  LEFT JOIN application_status s ON s.application_id = a.id
  LEFT JOIN application_results r ON r.application_id = a.id
  LEFT JOIN hand_overs h ON h.application_id = a.id`;

const historySchema = z.array(statusEventSchema);

function trackingOf(row: z.infer<typeof rowSchema>, handedOver: boolean): StatusTracking | null {
  if (row.st_status === null || row.st_history_json === null || row.st_checked_at === null) return null;
  return {
    status: row.st_status,
    history: historySchema.parse(JSON.parse(row.st_history_json)),
    decision: row.st_decision_json === null ? null : providerDecisionSchema.parse(JSON.parse(row.st_decision_json)),
    resultAvailable: row.st_result_ref_json !== null,
    resultStored: row.result_blob !== null,
    checkedAt: row.st_checked_at,
    nextCheckAt: handedOver ? null : row.st_next_check_at,
  };
}

function handOverOf(row: z.infer<typeof rowSchema>): HandOverRecord | null {
  if (row.handed_over_at === null || row.handed_over_by_id === null || row.handed_over_by_name === null) return null;
  return { handedOverAt: row.handed_over_at, operatorId: row.handed_over_by_id, operatorName: row.handed_over_by_name };
}

/**
 * What is left of the payload once the retention purge removed the applicant's personal data
 * (main/retention/purgeRecords.ts writes it): the kind of applicant only, which names nobody.
 */
export const purgedPayloadSchema = z.object({ applicant: z.object({ kind: z.enum(['individual', 'legal-entity']) }) }).strict();
export type PurgedPayload = z.infer<typeof purgedPayloadSchema>;

type ApplicationRow = z.infer<typeof rowSchema>;

/** The summary's fields that do not come from the payload. */
function commonSummary(row: ApplicationRow): Omit<ApplicationSummary, 'applicant' | 'representative' | 'documents'> {
  const handOver = handOverOf(row);
  return {
    applicationId: row.id,
    localNumber: row.local_number,
    serviceId: row.service_id,
    subtype: row.subtype,
    plannedResultDate: row.planned_result_date,
    state: (row.withdrawn_at === null ? row.state : 'withdrawn') satisfies ApplicationState,
    acceptedAt: row.accepted_at,
    registrationNumber: row.registration_number,
    registeredAt: row.registered_at,
    problemCode: row.problem_code,
    tracking: trackingOf(row, handOver !== null),
    handOver,
    purgedAt: row.purged_at,
  };
}

/** A purged application as the contract states it: no identifier, no name, no representative, no documents. */
function purgedSummary(row: ApplicationRow, purgedAt: string): ApplicationSummary {
  const { applicant } = purgedPayloadSchema.parse(JSON.parse(row.payload_json));
  return {
    ...commonSummary(row),
    applicant: applicant.kind === 'individual' ? { kind: 'individual', iin: '', displayName: '' } : { kind: 'legal-entity', bin: '', displayName: '' },
    representative: null,
    documents: [],
    purgedAt,
  };
}

function liveStored(row: ApplicationRow): StoredApplication {
  const wireBody = JSON.parse(row.payload_json) as ApplicationSubmissionBody;
  const payload = applicationSubmissionSchema.parse(wireBody);
  return {
    idempotencyKey: row.idempotency_key,
    payload,
    wireBody,
    signatureBlob: row.signature_blob,
    backendApplicationId: row.backend_application_id,
    summary: {
      ...commonSummary(row),
      applicant: { ...payload.applicant, displayName: row.applicant_display_name },
      representative: payload.representative
        ? {
            iin: payload.representative.iin,
            displayName: row.representative_display_name ?? '',
            powerOfAttorney:
              payload.representative.powerOfAttorney.kind === 'notarised'
                ? { kind: 'notarised', number: payload.representative.powerOfAttorney.number }
                : { kind: 'other' },
          }
        : null,
      documents: payload.documents,
    },
  };
}

// A row that fails to parse is a bug or tampering: fail loudly rather than send or show something else.
function toStored(raw: unknown): StoredApplication {
  const row = rowSchema.parse(raw);
  if (row.purged_at !== null) throw new Error('a purged application has no payload to act on');
  return liveStored(row);
}

function toSummary(raw: unknown): ApplicationSummary {
  const row = rowSchema.parse(raw);
  return row.purged_at === null ? liveStored(row).summary : purgedSummary(row, row.purged_at);
}

/** The application row and its outbox row in the caller's transaction: the transactional outbox. */
export function insertApplicationWithOutbox(db: WritableDb, app: NewApplication): void {
  const p = app.payload;
  db.run(
    `INSERT INTO applications(id, local_number, service_id, subtype, operator_id, snapshot_id, applicant_display_name, payload_json,
      idempotency_key, state, accepted_at, representative_display_name, planned_result_date, signature_blob)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?)`,
    [app.id, p.localNumber, p.serviceId, p.subtype, app.operatorId, app.snapshotId, app.applicantDisplayName, JSON.stringify(p), app.idempotencyKey,
      p.acceptedAt, app.representativeDisplayName, app.plannedResultDate, app.signatureBlob],
  );
  db.run(`INSERT INTO outbox(application_id, attempts, next_attempt_at) VALUES (?, 0, ?)`, [app.id, p.acceptedAt]);
}

const formatLocalNumber = (prefix: string, day: string, n: number): string => `${prefix}-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;

/** Next number of the day for this workstation: `<prefix>-YYYYMMDD-NNNN`. */
export function allocateLocalNumber(db: WritableDb, prefix: string, day: string): string {
  db.run(`INSERT INTO local_number_sequence(day, last) VALUES (?, 1) ON CONFLICT(day) DO UPDATE SET last = last + 1`, [day]);
  const last = Number(db.get(`SELECT last FROM local_number_sequence WHERE day = ?`, [day])?.last);
  return formatLocalNumber(prefix, day, last);
}

/** A damaged stretch of journal as far as local numbers are concerned (from DamageFound). */
export interface LostJournalBytes {
  readonly bytes: number;
  readonly localNumbers: readonly string[];
}

/**
 * Smallest journal record that can accept an application: the acceptance transaction alone carries
 * the signed payload (over a kilobyte), so this bounds from above how many acceptances lost bytes held.
 */
const MIN_ACCEPTANCE_RECORD_BYTES = 512;

/**
 * After journal damage that may have held acceptances (and with them the day's number counter),
 * moves the counters past every number the lost acceptances could have taken, so no application
 * accepted from now on can carry the number of one that may already have been sent and registered:
 * each legible number's day goes to at least that number, and `today` on by as many acceptances as
 * the damaged bytes could hold. Returns the numbers skipped today.
 */
export function reserveLocalNumbersAfterDamage(db: WritableDb, today: string, damage: readonly LostJournalBytes[]): number {
  for (const number of damage.flatMap((d) => d.localNumbers)) {
    const match = /^[0-9A-F]{6}-(\d{4})(\d{2})(\d{2})-(\d+)$/.exec(number);
    if (!match) continue;
    const day = `${match[1]}-${match[2]}-${match[3]}`;
    const n = Number(match[4]);
    db.run(`INSERT INTO local_number_sequence(day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = MAX(last, excluded.last)`, [day, n]);
  }
  const gap = damage.reduce((sum, d) => sum + Math.ceil(d.bytes / MIN_ACCEPTANCE_RECORD_BYTES), 0);
  if (gap > 0) db.run(`INSERT INTO local_number_sequence(day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = last + excluded.last`, [today, gap]);
  return gap;
}

/**
 * The number `allocateLocalNumber` would give next, without taking it: the number goes into the
 * signed payload, which is signed before the transaction that takes it (callers serialise acceptance).
 */
export function peekLocalNumber(db: ReadableDb, prefix: string, day: string): string {
  const last = Number(db.get(`SELECT last FROM local_number_sequence WHERE day = ?`, [day])?.last ?? 0);
  return formatLocalNumber(prefix, day, last + 1);
}

/**
 * An application to act on: send, re-sign, withdraw, print its receipt, fetch or hand over its
 * result. One whose personal data were purged under the retention rule is not found here — there is
 * nothing left to act on, and nothing may fetch its data back; `findApplicationSummary` still shows it.
 */
export function findApplication(db: ReadableDb, id: string): StoredApplication | null {
  const row = db.get(`${SELECT} WHERE a.id = ? AND a.purged_at IS NULL`, [id]);
  return row ? toStored(row) : null;
}

/** What the status screen, the journal and the search show about an application, purged or not. */
export function findApplicationSummary(db: ReadableDb, id: string): ApplicationSummary | null {
  const row = db.get(`${SELECT} WHERE a.id = ?`, [id]);
  return row ? toSummary(row) : null;
}

export function listApplications(db: ReadableDb, limit = 200): ApplicationSummary[] {
  return db.all(`${SELECT} ORDER BY a.accepted_at DESC, a.rowid DESC LIMIT ?`, [limit]).map(toSummary);
}

/**
 * Applications matching what the operator typed or scanned (status.find): the receipt's QR text
 * (the local application id), a registration or local number (case-insensitive), or the
 * applicant's IIN/BIN (which a purged application no longer has). `query` is trimmed by the caller. Newest first; each key is an index lookup.
 */
export function findApplicationsByKey(db: ReadableDb, query: string, limit = 50): ApplicationSummary[] {
  return db
    .all(
      `${SELECT} WHERE a.rowid IN (
          SELECT rowid FROM applications WHERE id = lower(?1)
          UNION SELECT rowid FROM applications WHERE registration_number = ?1 COLLATE NOCASE
          UNION SELECT rowid FROM applications WHERE local_number = ?1 COLLATE NOCASE
          UNION SELECT rowid FROM applications
            WHERE COALESCE(json_extract(payload_json, '$.applicant.iin'), json_extract(payload_json, '$.applicant.bin')) = ?1)
        ORDER BY a.accepted_at DESC, a.rowid DESC LIMIT ?2`,
      [query, limit],
    )
    .map(toSummary);
}

/** A due outbox entry with its applicant (`iin:…` / `bin:…`), so the sender can keep one lane per applicant. */
export interface DueOutboxEntry extends OutboxEntry {
  readonly applicantKey: string;
}

export function listDueOutbox(db: ReadableDb, nowIso: string): DueOutboxEntry[] {
  // The applicant is read from the stored body by SQLite: no payload is parsed just to group the sends.
  return db
    .all(
      `SELECT o.application_id, o.attempts, o.next_attempt_at,
          COALESCE('iin:' || json_extract(a.payload_json, '$.applicant.iin'), 'bin:' || json_extract(a.payload_json, '$.applicant.bin')) AS applicant_key
        FROM outbox o JOIN applications a ON a.id = o.application_id
        WHERE o.next_attempt_at <= ? ORDER BY o.next_attempt_at`,
      [nowIso],
    )
    .map((r) => ({
      applicationId: String(r.application_id),
      attempts: Number(r.attempts),
      nextAttemptAt: String(r.next_attempt_at),
      applicantKey: String(r.applicant_key),
    }));
}

export function earliestOutboxAttempt(db: ReadableDb): string | null {
  const row = db.get(`SELECT MIN(next_attempt_at) AS next FROM outbox`);
  return typeof row?.next === 'string' ? row.next : null;
}

export function findOutboxEntry(db: ReadableDb, applicationId: string): OutboxEntry | null {
  const r = db.get(`SELECT application_id, attempts, next_attempt_at FROM outbox WHERE application_id = ?`, [applicationId]);
  return r ? { applicationId: String(r.application_id), attempts: Number(r.attempts), nextAttemptAt: String(r.next_attempt_at) } : null;
}

export function markRegistered(db: WritableDb, applicationId: string, registration: Registration): void {
  db.run(
    `UPDATE applications SET state = 'registered', registration_number = ?, registered_at = ?, backend_application_id = ?, problem_code = NULL WHERE id = ?`,
    [registration.registrationNumber, registration.registeredAt, registration.applicationId, applicationId],
  );
  db.run(`DELETE FROM outbox WHERE application_id = ?`, [applicationId]);
  // Due for its first status check at once (main/status/statusRecords.ts finds it through the index).
  db.run(`INSERT INTO application_status(application_id, next_check_at) VALUES (?, ?) ON CONFLICT(application_id) DO NOTHING`, [applicationId, registration.registeredAt]);
}

export function markNeedsAttention(db: WritableDb, applicationId: string, problemCode: string): void {
  db.run(`UPDATE applications SET state = 'needs-attention', problem_code = ? WHERE id = ?`, [problemCode, applicationId]);
  db.run(`DELETE FROM outbox WHERE application_id = ?`, [applicationId]);
}

/** `failure` is a kind/status/code description only: never personal data. */
export function scheduleRetry(db: WritableDb, applicationId: string, attempts: number, nextAttemptAt: string, failure: string): void {
  db.run(`UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_failure = ? WHERE application_id = ?`, [attempts, nextAttemptAt, failure, applicationId]);
}

export interface QueueCounts {
  readonly accepted: number;
  readonly registered: number;
  readonly needsAttention: number;
  readonly withdrawn: number;
}

export function countByState(db: ReadableDb): QueueCounts {
  const rows = db.all(
    `SELECT CASE WHEN withdrawn_at IS NOT NULL THEN 'withdrawn' ELSE state END AS s, COUNT(*) AS n FROM applications GROUP BY s`,
  );
  const of = (state: string) => Number(rows.find((r) => r.s === state)?.n ?? 0);
  return { accepted: of('accepted'), registered: of('registered'), needsAttention: of('needs-attention'), withdrawn: of('withdrawn') };
}

/** Out of the queue for good: no outbox row, never sent again. Only for what is not registered. */
export function markWithdrawn(db: WritableDb, applicationId: string, at: string): void {
  db.run(`UPDATE applications SET withdrawn_at = ? WHERE id = ? AND state != 'registered' AND withdrawn_at IS NULL`, [at, applicationId]);
  db.run(`DELETE FROM outbox WHERE application_id = ?`, [applicationId]);
}

/**
 * Back in the queue after the operator acted (retry, or re-signed: then with the new signature and
 * the body it covers): accepted again, due now, attempts reset. The idempotency key never changes.
 */
export function requeue(db: WritableDb, applicationId: string, dueAt: string, resigned?: { signatureBlob: string; payload: UnsignedSubmission }): void {
  if (resigned) {
    db.run(`UPDATE applications SET signature_blob = ?, payload_json = ? WHERE id = ?`, [resigned.signatureBlob, JSON.stringify(resigned.payload), applicationId]);
  }
  db.run(`UPDATE applications SET state = 'accepted', problem_code = NULL WHERE id = ? AND state = 'needs-attention' AND withdrawn_at IS NULL`, [applicationId]);
  db.run(
    `INSERT INTO outbox(application_id, attempts, next_attempt_at) VALUES (?, 0, ?)
      ON CONFLICT(application_id) DO UPDATE SET attempts = 0, next_attempt_at = excluded.next_attempt_at`,
    [applicationId, dueAt],
  );
}

/** Due now, regardless of backoff (the operator pressed "retry now"). */
export function makeDueNow(db: WritableDb, applicationId: string, dueAt: string): void {
  db.run(`UPDATE outbox SET next_attempt_at = ? WHERE application_id = ?`, [dueAt, applicationId]);
}

/** Applications waiting to be sent (accepted, not withdrawn). */
export function listWaitingIds(db: ReadableDb): string[] {
  return db.all(`SELECT id FROM applications WHERE state = 'accepted' AND withdrawn_at IS NULL`).map((r) => String(r.id));
}
