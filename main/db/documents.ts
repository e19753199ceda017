import { z } from 'zod';
import { documentRefSchema, type DocumentRef } from '../../core/backendApi/wire';
import type { ReadableDb, WritableDb } from './SqlJsDatabase';

export interface StoredDocument extends DocumentRef {
  readonly id: string;
  readonly operatorId: string;
  readonly applicationId: string | null;
}

const rowSchema = z.object({
  id: z.string(),
  operator_id: z.string(),
  application_id: z.string().nullable(),
  sha256: z.string(),
  file_name: z.string(),
  media_type: z.string(),
  size_bytes: z.number(),
});

function toDocument(row: unknown): StoredDocument | null {
  const r = rowSchema.safeParse(row);
  if (!r.success) return null;
  const ref = documentRefSchema.safeParse({ sha256: r.data.sha256, fileName: r.data.file_name, mediaType: r.data.media_type, sizeBytes: r.data.size_bytes });
  return ref.success ? { ...ref.data, id: r.data.id, operatorId: r.data.operator_id, applicationId: r.data.application_id } : null;
}

const COLUMNS = `id, operator_id, application_id, sha256, file_name, media_type, size_bytes`;

export function insertDocument(db: WritableDb, d: StoredDocument & { createdAt: string }): void {
  db.run(`INSERT INTO documents(${COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
    d.id, d.operatorId, d.applicationId, d.sha256, d.fileName, d.mediaType, d.sizeBytes, d.createdAt,
  ]);
}

export function findDocument(db: ReadableDb, id: string): StoredDocument | null {
  return toDocument(db.get(`SELECT ${COLUMNS} FROM documents WHERE id = ?`, [id]));
}

export function listDocumentsOfApplication(db: ReadableDb, applicationId: string): StoredDocument[] {
  return db
    .all(`SELECT ${COLUMNS} FROM documents WHERE application_id = ? ORDER BY rowid`, [applicationId])
    .map(toDocument)
    .filter((d): d is StoredDocument => d !== null);
}

/** Deletes a document only while it is not part of an accepted application; returns whether it did. */
export function deleteLooseDocument(db: WritableDb, id: string, operatorId: string): boolean {
  const exists = db.get(`SELECT 1 AS x FROM documents WHERE id = ? AND operator_id = ? AND application_id IS NULL`, [id, operatorId]);
  if (!exists) return false;
  db.run(`DELETE FROM documents WHERE id = ?`, [id]);
  return true;
}

export function attachDocumentsToApplication(db: WritableDb, applicationId: string, documentIds: readonly string[]): void {
  for (const id of documentIds) db.run(`UPDATE documents SET application_id = ? WHERE id = ? AND application_id IS NULL`, [applicationId, id]);
}
