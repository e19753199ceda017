import type { Migration } from './index';

/**
 * Representatives checked in the registries (and, for a notarised PoA, in БНАЖ), and the planned
 * result date fixed at acceptance. Existing applications keep a null planned date: it was not
 * computed for them, and inventing one after the fact would misstate the receipt.
 */
export const migration0002RepresentativesAndDeadlines: Migration = {
  version: 2,
  name: 'representatives-and-deadlines',
  up(db) {
    db.run(`CREATE TABLE representative_snapshots (
      id TEXT PRIMARY KEY,
      operator_id TEXT NOT NULL,
      applicant_snapshot_id TEXT NOT NULL REFERENCES registry_snapshots(id),
      service_id TEXT NOT NULL,
      person_answer_id TEXT NOT NULL,
      person_json TEXT NOT NULL,
      poa_kind TEXT NOT NULL CHECK (poa_kind IN ('notarised', 'other')),
      poa_answer_id TEXT,
      poa_json TEXT,
      created_at TEXT NOT NULL)`);
    db.run(`ALTER TABLE applications ADD COLUMN representative_display_name TEXT`);
    db.run(`ALTER TABLE applications ADD COLUMN planned_result_date TEXT`);
  },
};
