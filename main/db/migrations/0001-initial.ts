import type { Migration } from './index';

/**
 * Metadata only: documents are referenced by SHA-256, their bytes live in the blob store.
 * `payload_json` is the exact submission body, fixed when the operator accepted the application,
 * so every retry sends the same bytes with the same idempotency key.
 */
export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.run(`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    db.run(`CREATE TABLE registry_snapshots (
      id TEXT PRIMARY KEY,
      operator_id TEXT NOT NULL,
      answer_id TEXT NOT NULL,
      answered_at TEXT NOT NULL,
      record_json TEXT NOT NULL,
      created_at TEXT NOT NULL)`);
    db.run(`CREATE TABLE applications (
      id TEXT PRIMARY KEY,
      local_number TEXT NOT NULL UNIQUE,
      service_id TEXT NOT NULL,
      subtype TEXT NOT NULL CHECK (subtype IN ('issue', 'reissue', 'duplicate')),
      operator_id TEXT NOT NULL,
      snapshot_id TEXT NOT NULL REFERENCES registry_snapshots(id),
      applicant_display_name TEXT NOT NULL,
      payload_json TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      state TEXT NOT NULL CHECK (state IN ('accepted', 'registered', 'needs-attention')),
      accepted_at TEXT NOT NULL,
      registration_number TEXT,
      registered_at TEXT,
      backend_application_id TEXT,
      problem_code TEXT)`);
    db.run(`CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      operator_id TEXT NOT NULL,
      application_id TEXT REFERENCES applications(id),
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      media_type TEXT NOT NULL,
      size_bytes INTEGER NOT NULL,
      created_at TEXT NOT NULL)`);
    db.run(`CREATE INDEX documents_by_application ON documents(application_id)`);
    db.run(`CREATE TABLE outbox (
      application_id TEXT PRIMARY KEY REFERENCES applications(id),
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT NOT NULL,
      last_failure TEXT)`);
    db.run(`CREATE TABLE local_number_sequence (day TEXT PRIMARY KEY, last INTEGER NOT NULL)`);
  },
};
