import { z } from 'zod';
import { personRecordSchema, powerOfAttorneyRecordSchema, type PersonRecord, type PowerOfAttorneyRecord } from '../../core/backendApi/wire';
import type { ReadableDb, WritableDb } from './SqlJsDatabase';

export interface StoredRepresentative {
  readonly id: string;
  readonly operatorId: string;
  readonly applicantSnapshotId: string;
  readonly serviceId: string;
  readonly personAnswerId: string;
  readonly person: PersonRecord;
  /** Null for a PoA certified otherwise (2014: its fields stay empty) or where PoAs are not regulated. */
  readonly powerOfAttorney: { readonly answerId: string; readonly record: PowerOfAttorneyRecord } | null;
}

export function insertRepresentativeSnapshot(db: WritableDb, s: StoredRepresentative & { createdAt: string }): void {
  db.run(
    `INSERT INTO representative_snapshots(id, operator_id, applicant_snapshot_id, service_id, person_answer_id, person_json, poa_kind,
      poa_answer_id, poa_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      s.id, s.operatorId, s.applicantSnapshotId, s.serviceId, s.personAnswerId, JSON.stringify(s.person),
      s.powerOfAttorney ? 'notarised' : 'other', s.powerOfAttorney?.answerId ?? null,
      s.powerOfAttorney ? JSON.stringify(s.powerOfAttorney.record) : null, s.createdAt,
    ],
  );
}

const rowSchema = z.object({
  id: z.string(),
  operator_id: z.string(),
  applicant_snapshot_id: z.string(),
  service_id: z.string(),
  person_answer_id: z.string(),
  person_json: z.string(),
  poa_answer_id: z.string().nullable(),
  poa_json: z.string().nullable(),
});

/** Parsed, not trusted: a damaged row is treated as absent. */
export function findRepresentativeSnapshot(db: ReadableDb, id: string): StoredRepresentative | null {
  const row = rowSchema.safeParse(
    db.get(
      `SELECT id, operator_id, applicant_snapshot_id, service_id, person_answer_id, person_json, poa_answer_id, poa_json
       FROM representative_snapshots WHERE id = ?`,
      [id],
    ),
  );
  if (!row.success) return null;
  const person = personRecordSchema.safeParse(JSON.parse(row.data.person_json));
  if (!person.success) return null;
  let powerOfAttorney: StoredRepresentative['powerOfAttorney'] = null;
  if (row.data.poa_json !== null && row.data.poa_answer_id !== null) {
    const record = powerOfAttorneyRecordSchema.safeParse(JSON.parse(row.data.poa_json));
    if (!record.success) return null;
    powerOfAttorney = { answerId: row.data.poa_answer_id, record: record.data };
  }
  return {
    id: row.data.id,
    operatorId: row.data.operator_id,
    applicantSnapshotId: row.data.applicant_snapshot_id,
    serviceId: row.data.service_id,
    personAnswerId: row.data.person_answer_id,
    person: person.data,
    powerOfAttorney,
  };
}
