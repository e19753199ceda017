import type { Migration } from './index';

/**
 * Applications in progress at the counter, with every scanned page as it arrives (DESIGN.md §3,
 * scan recovery): after a crash the open drafts of the operator are offered back with their
 * pages. Page bytes live in the blob store; rows hold digests only.
 */
export const migration0003Drafts: Migration = {
  version: 3,
  name: 'drafts',
  up(db) {
    db.run(`CREATE TABLE drafts (
      id TEXT PRIMARY KEY,
      operator_id TEXT NOT NULL,
      service_id TEXT NOT NULL,
      subtype TEXT NOT NULL CHECK (subtype IN ('issue', 'reissue', 'duplicate')),
      applicant_snapshot_id TEXT REFERENCES registry_snapshots(id),
      representative_snapshot_id TEXT REFERENCES representative_snapshots(id),
      state TEXT NOT NULL CHECK (state IN ('open', 'submitted', 'discarded')),
      application_id TEXT REFERENCES applications(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL)`);
    db.run(`CREATE INDEX drafts_open_by_operator ON drafts(operator_id, state)`);
    db.run(`CREATE TABLE draft_slots (
      draft_id TEXT NOT NULL REFERENCES drafts(id),
      slot_id TEXT NOT NULL,
      presented_on_paper INTEGER NOT NULL DEFAULT 0 CHECK (presented_on_paper IN (0, 1)),
      PRIMARY KEY (draft_id, slot_id))`);
    db.run(`CREATE TABLE draft_pages (
      id TEXT PRIMARY KEY,
      draft_id TEXT NOT NULL REFERENCES drafts(id),
      slot_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('image', 'pdf')),
      media_type TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      thumbnail_sha256 TEXT,
      width_px INTEGER,
      height_px INTEGER,
      dpi INTEGER,
      blank INTEGER NOT NULL DEFAULT 0 CHECK (blank IN (0, 1)),
      source TEXT NOT NULL CHECK (source IN ('scanner', 'import')),
      created_at TEXT NOT NULL)`);
    db.run(`CREATE INDEX draft_pages_order ON draft_pages(draft_id, slot_id, position)`);
  },
};
