import { z } from 'zod';
import type { ApplicationSubtype } from '../../core/backendApi/wire';
import type { ReadableDb, WritableDb } from './SqlJsDatabase';

export interface StoredPage {
  readonly id: string;
  readonly slotId: string;
  readonly position: number;
  readonly kind: 'image' | 'pdf';
  readonly mediaType: string;
  /** The page image, or for `pdf` the whole (sanitised) PDF the page belongs to, shared by its pages. */
  readonly sha256: string;
  /** For `pdf`: which page of that PDF (0-based); 0 for pages stored before PDFs were kept whole. */
  readonly pdfPage: number;
  readonly thumbnailSha256: string | null;
  readonly widthPx: number | null;
  readonly heightPx: number | null;
  readonly dpi: number | null;
  readonly blank: boolean;
  readonly source: 'scanner' | 'import';
  readonly createdAt: string;
}

export interface StoredDraft {
  readonly id: string;
  readonly operatorId: string;
  readonly serviceId: string;
  readonly subtype: ApplicationSubtype;
  readonly applicantSnapshotId: string | null;
  readonly representativeSnapshotId: string | null;
  readonly state: 'open' | 'submitted' | 'discarded';
  readonly createdAt: string;
  readonly updatedAt: string;
  /** slotId → presented on paper. */
  readonly presented: Readonly<Record<string, boolean>>;
  /** In slot order as stored, each slot's pages by position. */
  readonly pages: readonly StoredPage[];
}

const draftRow = z.object({
  id: z.string(),
  operator_id: z.string(),
  service_id: z.string(),
  subtype: z.enum(['issue', 'reissue', 'duplicate']),
  applicant_snapshot_id: z.string().nullable(),
  representative_snapshot_id: z.string().nullable(),
  state: z.enum(['open', 'submitted', 'discarded']),
  created_at: z.string(),
  updated_at: z.string(),
});

const pageRow = z.object({
  id: z.string(),
  slot_id: z.string(),
  position: z.number(),
  kind: z.enum(['image', 'pdf']),
  media_type: z.string(),
  sha256: z.string(),
  thumbnail_sha256: z.string().nullable(),
  width_px: z.number().nullable(),
  height_px: z.number().nullable(),
  dpi: z.number().nullable(),
  blank: z.number(),
  source: z.enum(['scanner', 'import']),
  created_at: z.string(),
  pdf_page: z.number().int().min(0).nullable().optional(),
});

export function insertDraft(db: WritableDb, d: { id: string; operatorId: string; serviceId: string; subtype: ApplicationSubtype; now: string }): void {
  db.run(`INSERT INTO drafts(id, operator_id, service_id, subtype, state, created_at, updated_at) VALUES (?, ?, ?, ?, 'open', ?, ?)`, [
    d.id, d.operatorId, d.serviceId, d.subtype, d.now, d.now,
  ]);
}

export function findDraft(db: ReadableDb, id: string): StoredDraft | null {
  const row = db.get(`SELECT * FROM drafts WHERE id = ?`, [id]);
  return row ? withDetails(db, draftRow.parse(row)) : null;
}

export function listOpenDrafts(db: ReadableDb, operatorId: string): StoredDraft[] {
  return db
    .all(`SELECT * FROM drafts WHERE operator_id = ? AND state = 'open' ORDER BY updated_at DESC`, [operatorId])
    .map((r) => withDetails(db, draftRow.parse(r)));
}

function withDetails(db: ReadableDb, row: z.infer<typeof draftRow>): StoredDraft {
  const presented: Record<string, boolean> = {};
  for (const s of db.all(`SELECT slot_id, presented_on_paper FROM draft_slots WHERE draft_id = ?`, [row.id])) {
    presented[String(s.slot_id)] = Number(s.presented_on_paper) === 1;
  }
  const pages = db.all(`SELECT * FROM draft_pages WHERE draft_id = ? ORDER BY slot_id, position`, [row.id]).map((r) => {
    const p = pageRow.parse(r);
    return {
      id: p.id, slotId: p.slot_id, position: p.position, kind: p.kind, mediaType: p.media_type, sha256: p.sha256,
      thumbnailSha256: p.thumbnail_sha256, widthPx: p.width_px, heightPx: p.height_px, dpi: p.dpi, blank: p.blank === 1,
      source: p.source, createdAt: p.created_at, pdfPage: p.pdf_page ?? 0,
    };
  });
  return {
    id: row.id, operatorId: row.operator_id, serviceId: row.service_id, subtype: row.subtype,
    applicantSnapshotId: row.applicant_snapshot_id, representativeSnapshotId: row.representative_snapshot_id, state: row.state,
    createdAt: row.created_at, updatedAt: row.updated_at, presented, pages,
  };
}

function touch(db: WritableDb, draftId: string, now: string): void {
  db.run(`UPDATE drafts SET updated_at = ? WHERE id = ?`, [now, draftId]);
}

export function setDraftApplicant(db: WritableDb, draftId: string, applicantSnapshotId: string | null, representativeSnapshotId: string | null, now: string): void {
  db.run(`UPDATE drafts SET applicant_snapshot_id = ?, representative_snapshot_id = ? WHERE id = ?`, [applicantSnapshotId, representativeSnapshotId, draftId]);
  touch(db, draftId, now);
}

export function setPresentedOnPaper(db: WritableDb, draftId: string, slotId: string, presented: boolean, now: string): void {
  db.run(
    `INSERT INTO draft_slots(draft_id, slot_id, presented_on_paper) VALUES (?, ?, ?)
     ON CONFLICT(draft_id, slot_id) DO UPDATE SET presented_on_paper = excluded.presented_on_paper`,
    [draftId, slotId, presented ? 1 : 0],
  );
  touch(db, draftId, now);
}

/** Appends a page at the end of its slot. Called once per page, as soon as the page is stored. */
export function appendPage(db: WritableDb, draftId: string, page: Omit<StoredPage, 'position' | 'pdfPage'> & { readonly pdfPage?: number }): number {
  const last = db.get(`SELECT MAX(position) AS last FROM draft_pages WHERE draft_id = ? AND slot_id = ?`, [draftId, page.slotId]);
  const position = typeof last?.last === 'number' ? last.last + 1 : 0;
  db.run(
    `INSERT INTO draft_pages(id, draft_id, slot_id, position, kind, media_type, sha256, thumbnail_sha256, width_px, height_px, dpi, blank, source, created_at, pdf_page)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [page.id, draftId, page.slotId, position, page.kind, page.mediaType, page.sha256, page.thumbnailSha256, page.widthPx, page.heightPx, page.dpi,
      page.blank ? 1 : 0, page.source, page.createdAt, page.kind === 'pdf' ? (page.pdfPage ?? 0) : null],
  );
  touch(db, draftId, page.createdAt);
  return position;
}

/** Moves a page to `position` within `slotId` (possibly another slot), renumbering both slots densely. */
export function movePage(db: WritableDb, draftId: string, pageId: string, slotId: string, position: number, now: string): boolean {
  const page = db.get(`SELECT slot_id FROM draft_pages WHERE id = ? AND draft_id = ?`, [pageId, draftId]);
  if (!page) return false;
  const fromSlot = String(page.slot_id);
  const target = db
    .all(`SELECT id FROM draft_pages WHERE draft_id = ? AND slot_id = ? AND id <> ? ORDER BY position`, [draftId, slotId, pageId])
    .map((r) => String(r.id));
  target.splice(Math.max(0, Math.min(position, target.length)), 0, pageId);
  target.forEach((id, index) => db.run(`UPDATE draft_pages SET slot_id = ?, position = ? WHERE id = ?`, [slotId, index, id]));
  if (fromSlot !== slotId) renumber(db, draftId, fromSlot);
  touch(db, draftId, now);
  return true;
}

export function replacePageImage(db: WritableDb, draftId: string, pageId: string, image: { sha256: string; thumbnailSha256: string | null; widthPx: number; heightPx: number }, now: string): boolean {
  const exists = db.get(`SELECT 1 AS x FROM draft_pages WHERE id = ? AND draft_id = ? AND kind = 'image'`, [pageId, draftId]);
  if (!exists) return false;
  db.run(`UPDATE draft_pages SET sha256 = ?, thumbnail_sha256 = ?, width_px = ?, height_px = ? WHERE id = ?`, [
    image.sha256, image.thumbnailSha256, image.widthPx, image.heightPx, pageId,
  ]);
  touch(db, draftId, now);
  return true;
}

export function deletePage(db: WritableDb, draftId: string, pageId: string, now: string): boolean {
  const page = db.get(`SELECT slot_id FROM draft_pages WHERE id = ? AND draft_id = ?`, [pageId, draftId]);
  if (!page) return false;
  db.run(`DELETE FROM draft_pages WHERE id = ?`, [pageId]);
  renumber(db, draftId, String(page.slot_id));
  touch(db, draftId, now);
  return true;
}

function renumber(db: WritableDb, draftId: string, slotId: string): void {
  db.all(`SELECT id FROM draft_pages WHERE draft_id = ? AND slot_id = ? ORDER BY position`, [draftId, slotId]).forEach((r, index) =>
    db.run(`UPDATE draft_pages SET position = ? WHERE id = ?`, [index, String(r.id)]),
  );
}

export function closeDraft(db: WritableDb, draftId: string, state: 'submitted' | 'discarded', applicationId: string | null, now: string): void {
  db.run(`UPDATE drafts SET state = ?, application_id = ?, updated_at = ? WHERE id = ?`, [state, applicationId, now, draftId]);
}
