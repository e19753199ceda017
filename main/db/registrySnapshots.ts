import { z } from 'zod';
import { registryAnswerSchema, type RegistryAnswer } from '../../core/backendApi/wire';
import type { ReadableDb, WritableDb } from './SqlJsDatabase';

export interface StoredSnapshot {
  readonly id: string;
  readonly operatorId: string;
  readonly answer: RegistryAnswer;
}

export function insertRegistrySnapshot(db: WritableDb, s: StoredSnapshot & { createdAt: string }): void {
  db.run(
    `INSERT INTO registry_snapshots(id, operator_id, answer_id, answered_at, record_json, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [s.id, s.operatorId, s.answer.answerId, s.answer.answeredAt, JSON.stringify(s.answer.record), s.createdAt],
  );
}

const rowSchema = z.object({ id: z.string(), operator_id: z.string(), answer_id: z.string(), answered_at: z.string(), record_json: z.string() });

/** Rows are parsed, not trusted: a damaged row is treated as absent. */
export function findRegistrySnapshot(db: ReadableDb, id: string): StoredSnapshot | null {
  const row = rowSchema.safeParse(db.get(`SELECT id, operator_id, answer_id, answered_at, record_json FROM registry_snapshots WHERE id = ?`, [id]));
  if (!row.success) return null;
  const answer = registryAnswerSchema.safeParse({ answerId: row.data.answer_id, answeredAt: row.data.answered_at, record: JSON.parse(row.data.record_json) });
  return answer.success ? { id: row.data.id, operatorId: row.data.operator_id, answer: answer.data } : null;
}
