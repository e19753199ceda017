import type { Migration } from './index';

/**
 * Retention purge (issue #8 item 4; main/retention/RetentionPurger.ts). `purged_at` marks an
 * application whose applicant's personal data and scans were removed: the row stays (numbers,
 * service, statuses, hand-over, for the status screen, the journal and the receipt-number search)
 * with the personal columns blanked. Existing applications are not purged (null).
 *
 * The indexes keep the hourly pass proportional to what is still kept rather than to everything
 * ever accepted: the applications not yet purged, the registry and representative lookups not yet
 * emptied (`'{}'` is an emptied one), and the links from a lookup to whoever still uses it (each
 * is checked for users before it is emptied).
 */
export const migration0011Retention: Migration = {
  version: 11,
  name: 'retention',
  up(db) {
    db.run(`ALTER TABLE applications ADD COLUMN purged_at TEXT`);
    db.run(`CREATE INDEX applications_unpurged ON applications(accepted_at) WHERE purged_at IS NULL`);
    db.run(`CREATE INDEX applications_by_snapshot ON applications(snapshot_id)`);
    db.run(`CREATE INDEX drafts_by_application ON drafts(application_id)`);
    db.run(`CREATE INDEX drafts_by_applicant_snapshot ON drafts(applicant_snapshot_id)`);
    db.run(`CREATE INDEX drafts_by_representative_snapshot ON drafts(representative_snapshot_id)`);
    db.run(`CREATE INDEX representative_snapshots_by_applicant ON representative_snapshots(applicant_snapshot_id)`);
    db.run(`CREATE INDEX registry_snapshots_unblanked ON registry_snapshots(created_at) WHERE record_json <> '{}'`);
    db.run(`CREATE INDEX representative_snapshots_unblanked ON representative_snapshots(created_at) WHERE person_json <> '{}' OR poa_json IS NOT NULL`);
  },
};
