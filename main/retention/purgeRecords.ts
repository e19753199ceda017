// The retention purge's database side (issue #8 item 4): which rows are due, how each is emptied of
// personal data, and which blobs the remaining rows still need. Writers take a WritableDb, so they
// run inside the purger's transaction. Statements name rows by our own ids only: the journal that
// records them must never receive an IIN or a name.
import { isApplicationDueForPurge, isDraftDueForPurge, isPastRetention } from '../../core/retention/retentionRules';
import type { PurgedPayload } from '../db/applications';
import type { ReadableDb, WritableDb } from '../db/SqlJsDatabase';

/** An emptied registry snapshot or representative person: valid JSON that names nobody (readers then treat the snapshot as absent). */
const BLANK_JSON = '{}';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * Applications not yet purged whose hand-over or withdrawal is `days` old, oldest accepted first.
 * One still in the outbox (being sent) is left alone whatever its dates.
 */
export function listApplicationsDueForPurge(db: ReadableDb, now: Date, days: number): string[] {
  return db
    .all(
      `SELECT a.id, h.handed_over_at, a.withdrawn_at FROM applications a
        LEFT JOIN hand_overs h ON h.application_id = a.id
        WHERE a.purged_at IS NULL AND (h.application_id IS NOT NULL OR a.withdrawn_at IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.application_id = a.id)
        ORDER BY a.accepted_at`,
    )
    .filter((r) => isApplicationDueForPurge({ handedOverAt: text(r.handed_over_at), withdrawnAt: text(r.withdrawn_at), purgedAt: null }, now, days))
    .map((r) => String(r.id));
}

/** Drafts never submitted (open or discarded) whose last change is `days` old: they hold scans and the applicant's lookup. */
export function listDraftsDueForPurge(db: ReadableDb, now: Date, days: number): string[] {
  return db
    .all(`SELECT id, state, updated_at FROM drafts WHERE state IN ('open', 'discarded') AND application_id IS NULL ORDER BY updated_at`)
    .filter((r) => (r.state === 'open' || r.state === 'discarded') && isDraftDueForPurge({ state: r.state, updatedAt: String(r.updated_at) }, now, days))
    .map((r) => String(r.id));
}

function deleteDraftRows(db: WritableDb, where: 'id' | 'application_id', key: string): void {
  db.run(`DELETE FROM draft_pages WHERE draft_id IN (SELECT id FROM drafts WHERE ${where} = ?)`, [key]);
  db.run(`DELETE FROM draft_slots WHERE draft_id IN (SELECT id FROM drafts WHERE ${where} = ?)`, [key]);
  db.run(`DELETE FROM drafts WHERE ${where} = ?`, [key]);
}

/**
 * Removes the applicant's personal data from one application, keeping what the status screen, the
 * journal and the number search need (ids, service and subtype, local and registration numbers,
 * dates, statuses and their history, an issued decision's licence number, the hand-over record —
 * the operator's name is staff data — and the questionnaire answer, which holds only marks).
 * Removed: the applicant's and representative's names, the stored body (IIN/BIN, representative and
 * power of attorney, registry answers, document digests, the accepting operator's IIN) but for the
 * applicant's kind, the operator's signature, the stored result and its reference, a refusal's
 * reasons (the provider's free text may name the applicant), the drafts with their pages, and the
 * legacy document rows. Snapshots are blanked by `blankUnusedSnapshots` once nothing uses them.
 * False when there is nothing to purge (already purged, unknown, or back in the outbox).
 */
export function purgeApplication(db: WritableDb, applicationId: string, purgedAt: string): boolean {
  const row = db.get(
    `SELECT json_extract(payload_json, '$.applicant.kind') AS kind FROM applications a
      WHERE id = ? AND purged_at IS NULL AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.application_id = a.id)`,
    [applicationId],
  );
  if (!row) return false;
  const remains: PurgedPayload = { applicant: { kind: row.kind === 'individual' ? 'individual' : 'legal-entity' } };
  db.run(
    `UPDATE applications SET applicant_display_name = '', representative_display_name = NULL, payload_json = ?, signature_blob = NULL, purged_at = ?
      WHERE id = ?`,
    [JSON.stringify(remains), purgedAt, applicationId],
  );
  db.run(
    `UPDATE application_status SET result_ref_json = NULL, next_check_at = NULL,
        decision_json = CASE WHEN json_extract(decision_json, '$.outcome') = 'issued' THEN decision_json ELSE NULL END
      WHERE application_id = ?`,
    [applicationId],
  );
  db.run(`DELETE FROM application_results WHERE application_id = ?`, [applicationId]);
  db.run(`DELETE FROM documents WHERE application_id = ?`, [applicationId]);
  deleteDraftRows(db, 'application_id', applicationId);
  return true;
}

/** Deletes a draft that never became an application, with its slots and pages. False when it is gone or was submitted meanwhile. */
export function deleteAbandonedDraft(db: WritableDb, draftId: string): boolean {
  const row = db.get(`SELECT 1 AS x FROM drafts WHERE id = ? AND state IN ('open', 'discarded') AND application_id IS NULL`, [draftId]);
  if (!row) return false;
  deleteDraftRows(db, 'id', draftId);
  return true;
}

/**
 * Empties the registry answers (applicant lookups) and representative lookups that no remaining draft
 * and no application still kept uses, once they belong to a purged application or are `days` old
 * (a lookup that never led anywhere). The rows stay: purged applications still refer to them.
 * Returns how many were emptied.
 */
export function blankUnusedSnapshots(db: WritableDb, now: Date, days: number): number {
  const registry = db
    .all(
      `SELECT s.id, s.created_at, EXISTS (SELECT 1 FROM applications a WHERE a.snapshot_id = s.id) AS of_purged
        FROM registry_snapshots s
        WHERE s.record_json <> '${BLANK_JSON}'
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.snapshot_id = s.id AND a.purged_at IS NULL)
          AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.applicant_snapshot_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM representative_snapshots r JOIN drafts d ON d.representative_snapshot_id = r.id WHERE r.applicant_snapshot_id = s.id)`,
    )
    .filter((r) => Number(r.of_purged) === 1 || isPastRetention(String(r.created_at), now, days));
  for (const r of registry) db.run(`UPDATE registry_snapshots SET record_json = '${BLANK_JSON}' WHERE id = ?`, [String(r.id)]);

  const representatives = db
    .all(
      `SELECT r.id, r.created_at, EXISTS (SELECT 1 FROM applications a WHERE a.snapshot_id = r.applicant_snapshot_id) AS of_purged
        FROM representative_snapshots r
        WHERE (r.person_json <> '${BLANK_JSON}' OR r.poa_json IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM drafts d WHERE d.representative_snapshot_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.snapshot_id = r.applicant_snapshot_id AND a.purged_at IS NULL)`,
    )
    .filter((r) => Number(r.of_purged) === 1 || isPastRetention(String(r.created_at), now, days));
  for (const r of representatives) db.run(`UPDATE representative_snapshots SET person_json = '${BLANK_JSON}', poa_json = NULL WHERE id = ?`, [String(r.id)]);
  return registry.length + representatives.length;
}

/**
 * Every blob digest a row still refers to. Each place that stores a digest must be listed here (the
 * test compares this list with the schema's `*sha256*`/`*blob*` columns): a digest missing here is
 * a blob the orphan sweep deletes. A purged application refers to none (purgeApplication clears
 * them), so only the applications still kept are read, through their partial index.
 */
export const BLOB_REFERENCES = [
  'draft_pages.sha256',
  'draft_pages.thumbnail_sha256',
  'documents.sha256',
  'applications.signature_blob',
  'applications.payload_json → $.documents[*].sha256',
  'application_results.blob_sha256',
  'application_status.result_ref_json → $.sha256',
] as const;

export function listReferencedBlobs(db: ReadableDb): Set<string> {
  const rows = db.all(
    `SELECT sha256 AS h FROM draft_pages
      UNION SELECT thumbnail_sha256 FROM draft_pages WHERE thumbnail_sha256 IS NOT NULL
      UNION SELECT sha256 FROM documents
      UNION SELECT signature_blob FROM applications WHERE purged_at IS NULL AND signature_blob IS NOT NULL
      UNION SELECT json_extract(d.value, '$.sha256') FROM applications a, json_each(a.payload_json, '$.documents') d WHERE a.purged_at IS NULL
      UNION SELECT blob_sha256 FROM application_results
      UNION SELECT json_extract(s.result_ref_json, '$.sha256') FROM applications a JOIN application_status s ON s.application_id = a.id
        WHERE a.purged_at IS NULL AND s.result_ref_json IS NOT NULL`,
  );
  return new Set(rows.map((r) => r.h).filter((h): h is string => typeof h === 'string'));
}
