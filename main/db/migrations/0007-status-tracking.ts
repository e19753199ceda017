import type { Migration } from './index';

/**
 * Status tracking, result and hand-over (issue #7, Diagram No. 2 step 9). Metadata only (DESIGN.md §3):
 * the result PDF lives encrypted in the blob store and is referenced here by its SHA-256.
 *
 * - `application_status`: what the backend last said about a registered application, and when the
 *   poller asks next. A row may exist before the backend ever answered (`status` NULL) so that the
 *   backoff of failed checks survives a restart; `check_attempts` counts checks since the status
 *   last changed (the exponent of the backoff).
 * - `application_results`: the result document stored here; one per application.
 * - `hand_overs`: the result handed to the applicant, by whom and when; recorded once.
 *
 * The NOCASE and applicant indexes serve `status.find` (receipt, registration or local number,
 * applicant IIN/BIN) without a scan of every stored payload.
 */
export const migration0007StatusTracking: Migration = {
  version: 7,
  name: 'status-tracking',
  up(db) {
    db.run(`CREATE TABLE application_status (
      application_id TEXT PRIMARY KEY REFERENCES applications(id),
      status TEXT CHECK (status IS NULL OR status IN ('registered', 'under-review', 'issued', 'refused', 'ready-for-handover')),
      history_json TEXT,
      decision_json TEXT,
      result_ref_json TEXT,
      checked_at TEXT,
      next_check_at TEXT,
      check_attempts INTEGER NOT NULL DEFAULT 0,
      last_failure TEXT,
      CHECK ((status IS NULL) = (history_json IS NULL) AND (status IS NULL) = (checked_at IS NULL)))`);
    db.run(`CREATE INDEX application_status_due ON application_status(next_check_at)`);
    db.run(`CREATE TABLE application_results (
      application_id TEXT PRIMARY KEY REFERENCES applications(id),
      blob_sha256 TEXT NOT NULL CHECK (length(blob_sha256) = 64),
      size_bytes INTEGER NOT NULL,
      file_name TEXT NOT NULL,
      stored_at TEXT NOT NULL)`);
    db.run(`CREATE TABLE hand_overs (
      application_id TEXT PRIMARY KEY REFERENCES applications(id),
      handed_over_at TEXT NOT NULL,
      operator_id TEXT NOT NULL,
      operator_name TEXT NOT NULL)`);
    db.run(`CREATE INDEX applications_by_registration_number ON applications(registration_number COLLATE NOCASE)`);
    db.run(`CREATE INDEX applications_by_local_number_nocase ON applications(local_number COLLATE NOCASE)`);
    db.run(`CREATE INDEX applications_by_applicant ON applications(COALESCE(json_extract(payload_json, '$.applicant.iin'), json_extract(payload_json, '$.applicant.bin')))`);
  },
};
