import { randomUUID } from 'node:crypto';
import type { DocumentSlotsData } from '../../core/catalog/documentSlots';
import { draftHasSlot } from '../../core/catalog/draftSlots';
import type { NotSignedIn } from '../../core/contract/common';
import type { DraftError, DraftNotFound, DraftParties, DraftsApi, DraftView, ImportError, ImportFileRequest, ImportNotFound, ImportProgress, StartDraftRequest } from '../../core/contract/drafts';
import { MAX_ATTACHMENT_BYTES, MAX_DOCUMENT_PAGES, MAX_PAGE_PIXELS } from '../../core/contract/limits';
import { applicantDisplayName } from '../../core/registry/applicant';
import type { Result } from '../../core/result';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { closeDraft, deletePage, findDraft, insertDraft, listOpenDrafts, movePage, replacePageImage, setDraftApplicant, setPresentedOnPaper, type StoredDraft } from '../db/drafts';
import { findRegistrySnapshot } from '../db/registrySnapshots';
import { findRepresentativeSnapshot } from '../db/representativeSnapshots';
import type { Clock } from '../ports/Clock';
import type { ImagePipeline } from '../ports/ImagePipeline';
import type { CatalogService } from './CatalogService';
import type { OperatorSession } from './OperatorSession';
import type { IncomingPage, PageStore } from './PageStore';
import { slotFactsOf, toDraftView } from './draftView';
import type { AuditLog } from '../audit/AuditLog';
import type { ActiveContentKind } from '../documents/pdfActiveContent';
import { ImportJobs } from './importJobs';

/** What an imported file may hold (checked from its headers before anything is decoded). */
export interface ImportLimits {
  readonly maxPages: number;
  readonly maxPagePixels: number;
}

export type SplitProblem =
  | { readonly kind: 'unsupported-type' }
  | { readonly kind: 'corrupt-file' }
  | { readonly kind: 'too-many-pages'; readonly pages: number; readonly maxPages: number }
  | { readonly kind: 'too-many-pixels'; readonly page: number; readonly widthPx: number; readonly heightPx: number; readonly maxPixels: number };

/**
 * Opens an imported file as pages (one per TIFF or PDF page) after checking its limits from the
 * headers; pages are read one at a time so each is stored before the next is decoded. The type is
 * decided from the bytes, never from the name.
 */
export type SplitImportedFile = (
  bytes: Uint8Array,
  limits: ImportLimits,
) => Promise<Result<{ readonly pageCount: number; readonly removedActiveContent: readonly ActiveContentKind[]; page(n: number): Promise<IncomingPage> }, SplitProblem>>;

/** Imported pages keep their own colour type (a gray TIFF stays gray) and are not straightened: they were made digitally. */
const IMPORT_OPTIONS = { mode: 'as-source', normalise: false, deskew: false, rotateDegrees: 0, detectBlank: true } as const;

export class DraftService implements DraftsApi {
  private readonly imports = new ImportJobs();

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly blobs: EncryptedBlobStore,
    private readonly session: OperatorSession,
    private readonly catalog: CatalogService,
    private readonly slots: DocumentSlotsData,
    private readonly pages: PageStore,
    private readonly pipeline: ImagePipeline,
    private readonly splitImportedFile: SplitImportedFile,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async start(request: StartDraftRequest): Promise<Result<DraftView, NotSignedIn | { readonly kind: 'unknown-service' }>> {
    const active = this.session.require();
    if (!active.ok) return active;
    if (!this.catalog.findOffered(request.serviceId)) return { ok: false, error: { kind: 'unknown-service' } };
    const id = randomUUID();
    await this.db.write((w) => insertDraft(w, { id, operatorId: active.value.operator.operatorId, serviceId: request.serviceId, subtype: request.subtype, now: this.now() }));
    return { ok: true, value: this.view(this.db.read((r) => findDraft(r, id))!) };
  }

  async get(draftId: string): Promise<Result<DraftView, NotSignedIn | DraftNotFound>> {
    const draft = this.ownOpenDraft(draftId);
    return draft.ok ? { ok: true, value: this.view(draft.value) } : draft;
  }

  async listOpen(): Promise<Result<readonly DraftView[], NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    return { ok: true, value: this.db.read((r) => listOpenDrafts(r, active.value.operator.operatorId)).map((d) => this.view(d)) };
  }

  async setParties(
    draftId: string,
    parties: DraftParties,
  ): Promise<Result<DraftView, DraftError | { readonly kind: 'unknown-applicant' } | { readonly kind: 'unknown-representative' }>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    const operatorId = draft.value.operatorId;
    if (parties.applicantSnapshotId !== null) {
      const applicant = this.db.read((r) => findRegistrySnapshot(r, parties.applicantSnapshotId!));
      if (!applicant || applicant.operatorId !== operatorId) return { ok: false, error: { kind: 'unknown-applicant' } };
    }
    if (parties.representativeSnapshotId !== null) {
      const representative = this.db.read((r) => findRepresentativeSnapshot(r, parties.representativeSnapshotId!));
      if (!representative || representative.operatorId !== operatorId || representative.applicantSnapshotId !== parties.applicantSnapshotId) {
        return { ok: false, error: { kind: 'unknown-representative' } };
      }
    }
    await this.db.write((w) => setDraftApplicant(w, draftId, parties.applicantSnapshotId, parties.representativeSnapshotId, this.now()));
    return this.reload(draftId);
  }

  async setPresentedOnPaper(draftId: string, slotId: string, presented: boolean): Promise<Result<DraftView, DraftError>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    if (!this.slotExists(draft.value, slotId)) return { ok: false, error: { kind: 'unknown-slot' } };
    await this.db.write((w) => setPresentedOnPaper(w, draftId, slotId, presented, this.now()));
    return this.reload(draftId);
  }

  /**
   * One file into a slot: limits from the headers first (bytes, pages — the slot's pages counted —
   * pixels per page), then page by page, each stored before the next is decoded, with progress
   * (`importProgress`) and a cancel (`cancelImport`) between pages. A file refused or cancelled
   * part-way takes back the pages it had added: none of it stays in the draft.
   */
  async importFile(draftId: string, slotId: string, file: ImportFileRequest): Promise<Result<DraftView, ImportError>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    if (!this.slotExists(draft.value, slotId)) return { ok: false, error: { kind: 'unknown-slot' } };
    const job = this.imports.begin(file.importId ?? randomUUID(), draft.value.operatorId);
    // The same id while that import runs: a renderer bug, answered like a stale draft.
    if (!job) return { ok: false, error: { kind: 'draft-not-found' } };
    const result = await this.importPages(draft.value, slotId, file, job);
    job.update({ state: result.ok ? 'done' : result.error.kind === 'import-cancelled' ? 'cancelled' : 'failed' });
    return result;
  }

  async importProgress(importId: string): Promise<Result<ImportProgress, NotSignedIn | ImportNotFound>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const progress = this.imports.find(importId, active.value.operator.operatorId);
    return progress ? { ok: true, value: progress } : { ok: false, error: { kind: 'import-not-found' } };
  }

  async cancelImport(importId: string): Promise<Result<ImportProgress, NotSignedIn | ImportNotFound>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const progress = this.imports.cancel(importId, active.value.operator.operatorId);
    return progress ? { ok: true, value: progress } : { ok: false, error: { kind: 'import-not-found' } };
  }

  private async importPages(
    draft: StoredDraft,
    slotId: string,
    file: ImportFileRequest,
    job: NonNullable<ReturnType<ImportJobs['begin']>>,
  ): Promise<Result<DraftView, ImportError>> {
    const draftId = draft.id;
    const bytes = decodeBase64(file.contentBase64);
    if (bytes === null) return { ok: false, error: { kind: 'unsupported-type' } };
    if (bytes.byteLength === 0) return { ok: false, error: { kind: 'empty-file' } };
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES } };
    const inSlot = draft.pages.filter((p) => p.slotId === slotId).length;
    if (job.signal.aborted) return { ok: false, error: { kind: 'import-cancelled' } };
    const split = await this.splitImportedFile(bytes, { maxPages: MAX_DOCUMENT_PAGES, maxPagePixels: MAX_PAGE_PIXELS });
    if (!split.ok) return split;
    const { pageCount } = split.value;
    // A document is one slot's pages: the file must fit beside what the slot already holds.
    if (inSlot + pageCount > MAX_DOCUMENT_PAGES) return { ok: false, error: { kind: 'too-many-pages', pages: inSlot + pageCount, maxPages: MAX_DOCUMENT_PAGES } };
    job.update({ state: 'importing', pageCount });
    const added: string[] = [];
    for (let n = 0; n < pageCount; n++) {
      if (job.signal.aborted) return this.takeBack(draftId, added, { kind: 'import-cancelled' });
      let page: IncomingPage;
      try {
        page = await split.value.page(n);
      } catch {
        return this.takeBack(draftId, added, { kind: 'corrupt-file' });
      }
      const stored = await this.pages.add(draftId, slotId, page, 'import', IMPORT_OPTIONS);
      if (!stored.ok) {
        const error = stored.error;
        return this.takeBack(draftId, added, error.kind === 'too-large' ? { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES } : error.kind === 'too-many-pixels' ? { ...error, page: n + 1 } : error);
      }
      added.push(stored.value);
      job.update({ pagesDone: added.length });
    }
    const removed = split.value.removedActiveContent;
    await this.audit.record({
      operatorId: draft.operatorId,
      action: 'import',
      subject: draftId,
      detail: { slotId, pages: pageCount, ...(removed.length > 0 ? { activeContentRemoved: removed.join(',') } : {}) },
    });
    return this.reload(draftId);
  }

  /** Deletes the pages an import added before it failed or was cancelled, then answers with `error`. */
  private async takeBack(draftId: string, pageIds: readonly string[], error: ImportError): Promise<Result<DraftView, ImportError>> {
    if (pageIds.length > 0) {
      const now = this.now();
      await this.db.write((w) => {
        for (const pageId of pageIds) deletePage(w, draftId, pageId, now);
      });
    }
    return { ok: false, error };
  }

  async movePage(draftId: string, pageId: string, slotId: string, position: number): Promise<Result<DraftView, DraftError>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    if (!this.slotExists(draft.value, slotId)) return { ok: false, error: { kind: 'unknown-slot' } };
    const moved = await this.db.write((w) => movePage(w, draftId, pageId, slotId, position, this.now()));
    return moved ? this.reload(draftId) : { ok: false, error: { kind: 'page-not-found' } };
  }

  async rotatePage(draftId: string, pageId: string, degrees: 90 | 180 | 270): Promise<Result<DraftView, DraftError | { readonly kind: 'not-rotatable' }>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    const page = draft.value.pages.find((p) => p.id === pageId);
    if (!page) return { ok: false, error: { kind: 'page-not-found' } };
    if (page.kind !== 'image') return { ok: false, error: { kind: 'not-rotatable' } };
    const stored = await this.blobs.get(page.sha256);
    if (!stored.ok) return { ok: false, error: { kind: 'page-not-found' } };
    const rotated = await this.pipeline.rotate(stored.value, degrees);
    if (!rotated.ok) return { ok: false, error: { kind: 'not-rotatable' } };
    const sha256 = await this.blobs.put(rotated.value.bytes);
    const thumbnailSha256 = await this.blobs.put(rotated.value.thumbnail.bytes);
    await this.db.write((w) =>
      replacePageImage(w, draftId, pageId, { sha256, thumbnailSha256, widthPx: rotated.value.widthPx, heightPx: rotated.value.heightPx }, this.now()),
    );
    return this.reload(draftId);
  }

  async deletePage(draftId: string, pageId: string): Promise<Result<DraftView, DraftError>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    const deleted = await this.db.write((w) => deletePage(w, draftId, pageId, this.now()));
    return deleted ? this.reload(draftId) : { ok: false, error: { kind: 'page-not-found' } };
  }

  async pageThumbnail(draftId: string, pageId: string): Promise<Result<string, DraftError>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    const page = draft.value.pages.find((p) => p.id === pageId);
    if (!page?.thumbnailSha256) return { ok: false, error: { kind: 'page-not-found' } };
    const bytes = await this.blobs.get(page.thumbnailSha256);
    if (!bytes.ok) return { ok: false, error: { kind: 'page-not-found' } };
    return { ok: true, value: `data:image/jpeg;base64,${Buffer.from(bytes.value).toString('base64')}` };
  }

  async discard(draftId: string): Promise<Result<null, NotSignedIn | DraftNotFound>> {
    const draft = this.ownOpenDraft(draftId);
    if (!draft.ok) return draft;
    await this.db.write((w) => closeDraft(w, draftId, 'discarded', null, this.now()));
    return { ok: true, value: null };
  }

  /** The draft if it is open and belongs to the signed-in operator. */
  ownOpenDraft(draftId: string): Result<StoredDraft, NotSignedIn | DraftNotFound> {
    const active = this.session.require();
    if (!active.ok) return active;
    const draft = this.db.read((r) => findDraft(r, draftId));
    if (!draft || draft.state !== 'open' || draft.operatorId !== active.value.operator.operatorId) return { ok: false, error: { kind: 'draft-not-found' } };
    return { ok: true, value: draft };
  }

  view(draft: StoredDraft): DraftView {
    const snapshot = draft.applicantSnapshotId ? this.db.read((r) => findRegistrySnapshot(r, draft.applicantSnapshotId!)) : null;
    return toDraftView(draft, this.slots, snapshot ? applicantDisplayName(snapshot.answer.record) : null);
  }

  slotExists(draft: StoredDraft, slotId: string): boolean {
    return draftHasSlot(this.slots, slotFactsOf(draft), slotId);
  }

  private reload(draftId: string): Result<DraftView, DraftNotFound> {
    const draft = this.db.read((r) => findDraft(r, draftId));
    return draft ? { ok: true, value: this.view(draft) } : { ok: false, error: { kind: 'draft-not-found' } };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(text, 'base64'));
}
