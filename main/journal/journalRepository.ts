/**
 * The journal tables (migration 0008): visits and their step marks. Rows are parsed on the way
 * out: a row that does not parse is a bug or tampering, and fails loudly.
 */
import { z } from 'zod';
import { journalStepSchema, visitKindSchema, type JournalStep, type VisitKind } from '../../core/contract/journal';
import type { ReadableDb, WritableDb } from '../db/SqlJsDatabase';

export interface VisitRow {
  readonly visitId: string;
  readonly kind: VisitKind;
  readonly operatorId: string;
  readonly operatorName: string;
  readonly applicationId: string | null;
  /** The service the renderer named before an application existed. */
  readonly serviceId: string | null;
  readonly startedAt: string;
  readonly endedAt: string | null;
}

export interface StepMarkRow {
  readonly seq: number;
  readonly step: JournalStep;
  readonly at: string;
}

const visitRowSchema = z
  .object({
    id: z.string(),
    kind: visitKindSchema,
    operator_id: z.string(),
    operator_name: z.string(),
    application_id: z.string().nullable(),
    service_id: z.string().nullable(),
    started_at: z.string(),
    ended_at: z.string().nullable(),
  })
  .transform((r): VisitRow => ({
    visitId: r.id, kind: r.kind, operatorId: r.operator_id, operatorName: r.operator_name, applicationId: r.application_id, serviceId: r.service_id, startedAt: r.started_at, endedAt: r.ended_at,
  }));

const markRowSchema = z
  .object({ visit_id: z.string(), seq: z.number().int(), step: journalStepSchema, at: z.string() })
  .transform((r) => ({ visitId: r.visit_id, mark: { seq: r.seq, step: r.step, at: r.at } satisfies StepMarkRow }));

const VISIT_COLUMNS = `id, kind, operator_id, operator_name, application_id, service_id, started_at, ended_at`;

export function findVisit(db: ReadableDb, visitId: string): VisitRow | null {
  const row = db.get(`SELECT ${VISIT_COLUMNS} FROM journal_visits WHERE id = ?`, [visitId]);
  return row ? visitRowSchema.parse(row) : null;
}

export function insertVisit(db: WritableDb, visit: Omit<VisitRow, 'endedAt'>): void {
  db.run(`INSERT INTO journal_visits(${VISIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`, [
    visit.visitId, visit.kind, visit.operatorId, visit.operatorName, visit.applicationId, visit.serviceId, visit.startedAt,
  ]);
}

/** Links the application once: a visit already linked keeps its first application. */
export function linkVisitApplication(db: WritableDb, visitId: string, applicationId: string): void {
  db.run(`UPDATE journal_visits SET application_id = ? WHERE id = ? AND application_id IS NULL`, [applicationId, visitId]);
}

/** Records the service chosen before the application existed; a later choice (the operator changed their mind) replaces it. */
export function setVisitService(db: WritableDb, visitId: string, serviceId: string): void {
  db.run(`UPDATE journal_visits SET service_id = ? WHERE id = ?`, [serviceId, visitId]);
}

/** Ends an open visit; a visit already ended (or unknown) is left as it is. */
export function endVisitAt(db: WritableDb, visitId: string, at: string): void {
  db.run(`UPDATE journal_visits SET ended_at = ? WHERE id = ? AND ended_at IS NULL`, [at, visitId]);
}

export function lastMark(db: ReadableDb, visitId: string): StepMarkRow | null {
  const row = db.get(`SELECT visit_id, seq, step, at FROM journal_step_marks WHERE visit_id = ? ORDER BY seq DESC LIMIT 1`, [visitId]);
  return row ? markRowSchema.parse(row).mark : null;
}

export function insertMark(db: WritableDb, visitId: string, mark: StepMarkRow): void {
  db.run(`INSERT INTO journal_step_marks(visit_id, seq, step, at) VALUES (?, ?, ?, ?)`, [visitId, mark.seq, mark.step, mark.at]);
}

/** Visits started within the UTC window [fromIso, toIso), oldest first; optionally one operator's. */
export function listVisitsStartedBetween(db: ReadableDb, fromIso: string, toIso: string, operatorId: string | null): VisitRow[] {
  const byOperator = operatorId === null ? '' : ' AND operator_id = ?';
  const params = operatorId === null ? [fromIso, toIso] : [fromIso, toIso, operatorId];
  return db
    .all(`SELECT ${VISIT_COLUMNS} FROM journal_visits WHERE started_at >= ? AND started_at < ?${byOperator} ORDER BY started_at, rowid`, params)
    .map((row) => visitRowSchema.parse(row));
}

/** The marks of the visits started within the window, per visit in the order they were made. */
export function listMarksOfVisitsStartedBetween(db: ReadableDb, fromIso: string, toIso: string): Map<string, StepMarkRow[]> {
  const rows = db.all(
    `SELECT m.visit_id, m.seq, m.step, m.at FROM journal_step_marks m JOIN journal_visits v ON v.id = m.visit_id
      WHERE v.started_at >= ? AND v.started_at < ? ORDER BY m.visit_id, m.seq`,
    [fromIso, toIso],
  );
  const byVisit = new Map<string, StepMarkRow[]>();
  for (const row of rows) {
    const { visitId, mark } = markRowSchema.parse(row);
    const marks = byVisit.get(visitId) ?? [];
    marks.push(mark);
    byVisit.set(visitId, marks);
  }
  return byVisit;
}

/** Ids of applications accepted within the UTC window, optionally by one operator and/or for one service. */
export function listApplicationIdsAcceptedBetween(db: ReadableDb, fromIso: string, toIso: string, operatorId: string | null, serviceId: string | null): string[] {
  let sql = `SELECT id FROM applications WHERE accepted_at >= ? AND accepted_at < ?`;
  const params: string[] = [fromIso, toIso];
  if (operatorId !== null) {
    sql += ' AND operator_id = ?';
    params.push(operatorId);
  }
  if (serviceId !== null) {
    sql += ' AND service_id = ?';
    params.push(serviceId);
  }
  return db.all(sql, params).map((r) => String(r.id));
}

export function applicationExists(db: ReadableDb, applicationId: string): boolean {
  return db.get(`SELECT 1 AS found FROM applications WHERE id = ?`, [applicationId]) !== undefined;
}
