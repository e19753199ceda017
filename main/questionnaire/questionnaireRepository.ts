/** Questionnaire answers (migration 0008): one row per application, never overwritten. */
import { z } from 'zod';
import { questionnaireChoiceSchema, type QuestionnaireAnswers } from '../../core/contract/questionnaire';
import type { QuestionnaireAnswerRow } from '../../core/journal/journalCsv';
import type { ReadableDb, WritableDb } from '../db/SqlJsDatabase';

export interface StoredAnswer {
  readonly answers: QuestionnaireAnswers;
  readonly answeredAt: string;
  readonly operatorId: string;
  readonly operatorName: string;
}

const answerRowSchema = z.object({
  quality: questionnaireChoiceSchema,
  accessibility: questionnaireChoiceSchema,
  answered_at: z.string(),
  operator_id: z.string(),
  operator_name: z.string(),
});

const reportRowSchema = answerRowSchema.extend({
  service_id: z.string().nullable(),
  local_number: z.string().nullable(),
  registration_number: z.string().nullable(),
});

export function findAnswer(db: ReadableDb, applicationId: string): StoredAnswer | null {
  const raw = db.get(`SELECT quality, accessibility, answered_at, operator_id, operator_name FROM questionnaire_answers WHERE application_id = ?`, [applicationId]);
  if (!raw) return null;
  const row = answerRowSchema.parse(raw);
  return { answers: { quality: row.quality, accessibility: row.accessibility }, answeredAt: row.answered_at, operatorId: row.operator_id, operatorName: row.operator_name };
}

/** Throws on a second answer for the same application (primary key): callers check `findAnswer` first, in the same transaction. */
export function insertAnswer(db: WritableDb, applicationId: string, answer: StoredAnswer): void {
  db.run(
    `INSERT INTO questionnaire_answers(application_id, quality, accessibility, answered_at, operator_id, operator_name) VALUES (?, ?, ?, ?, ?, ?)`,
    [applicationId, answer.answers.quality, answer.answers.accessibility, answer.answeredAt, answer.operatorId, answer.operatorName],
  );
}

/**
 * Answers given within the UTC window [fromIso, toIso), oldest first, with their application's
 * service and numbers (never the applicant); optionally those taken by one operator and/or for one service.
 */
export function listAnswersBetween(db: ReadableDb, fromIso: string, toIso: string, operatorId: string | null, serviceId: string | null): QuestionnaireAnswerRow[] {
  let sql = `SELECT q.quality, q.accessibility, q.answered_at, q.operator_id, q.operator_name, a.service_id, a.local_number, a.registration_number
    FROM questionnaire_answers q LEFT JOIN applications a ON a.id = q.application_id WHERE q.answered_at >= ? AND q.answered_at < ?`;
  const params: string[] = [fromIso, toIso];
  if (operatorId !== null) {
    sql += ' AND q.operator_id = ?';
    params.push(operatorId);
  }
  if (serviceId !== null) {
    sql += ' AND a.service_id = ?';
    params.push(serviceId);
  }
  return db.all(`${sql} ORDER BY q.answered_at, q.rowid`, params).map((raw) => {
    const row = reportRowSchema.parse(raw);
    return {
      answeredAt: row.answered_at, serviceId: row.service_id, localNumber: row.local_number, registrationNumber: row.registration_number,
      operatorId: row.operator_id, operatorName: row.operator_name, quality: row.quality, accessibility: row.accessibility,
    };
  });
}
