import { z } from 'zod';
import type { Result } from '../result';
import { applicationSubtypeSchema } from '../backendApi/wire';
import type { LocalizedText } from '../catalog/catalogSchema';
import { entityIdSchema, type NotSignedIn } from './common';
import { MAX_ATTACHMENT_BYTES } from './limits';

/**
 * An application in progress at the counter, kept by main on disk page by page, so that after a
 * crash or power cut it is offered back with everything already scanned (DESIGN.md §3).
 */
export interface DraftView {
  readonly draftId: string;
  readonly serviceId: string;
  readonly subtype: z.infer<typeof applicationSubtypeSchema>;
  readonly applicantSnapshotId: string | null;
  readonly representativeSnapshotId: string | null;
  /** For the recovery prompt ("application for … with 5 pages"); null before the lookup. */
  readonly applicantDisplayName: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly slots: readonly DraftSlotView[];
  /** Required slots without a page yet. */
  readonly missingRequiredSlots: readonly string[];
}

export interface DraftSlotView {
  readonly slotId: string;
  readonly title: LocalizedText;
  readonly required: boolean;
  /** The regulation's "documents on paper" mark (W4), set by the operator per slot. */
  readonly presentedOnPaper: boolean;
  readonly pages: readonly DraftPageView[];
}

export interface DraftPageView {
  readonly pageId: string;
  readonly position: number;
  /** `pdf`: a page of an imported PDF, kept as it was (not rasterised, not rotatable here). */
  readonly kind: 'image' | 'pdf';
  readonly widthPx: number | null;
  readonly heightPx: number | null;
  /** Flagged by blank-page detection; the operator confirms its removal. */
  readonly blank: boolean;
  readonly source: 'scanner' | 'import';
}

export type DraftNotFound = { readonly kind: 'draft-not-found' };

export type DraftError =
  | NotSignedIn
  | DraftNotFound
  | { readonly kind: 'unknown-slot' }
  | { readonly kind: 'page-not-found' };

/**
 * Why an import was refused; each with its own message. A refused or cancelled file leaves none of
 * its pages in the draft, and nothing else in the application is affected.
 */
export type ImportError =
  | DraftError
  | { readonly kind: 'empty-file' }
  /** More bytes than a file may have. */
  | { readonly kind: 'too-large'; readonly maxBytes: number }
  | { readonly kind: 'unsupported-type' }
  /** A damaged, truncated or hostile file. */
  | { readonly kind: 'corrupt-file' }
  /** A page declares more pixels than can be processed (found from its header, before decoding). `page` counts from 1. */
  | { readonly kind: 'too-many-pixels'; readonly page: number; readonly widthPx: number; readonly heightPx: number; readonly maxPixels: number }
  /** More pages than a file — or, with the slot's pages, a document — may have. */
  | { readonly kind: 'too-many-pages'; readonly pages: number; readonly maxPages: number }
  /** The operator cancelled the import; none of the file's pages were kept. */
  | { readonly kind: 'import-cancelled' };

/** How far an import has come (drafts.importProgress); pages are stored one by one. */
export interface ImportProgress {
  readonly importId: string;
  readonly state: 'opening' | 'importing' | 'done' | 'failed' | 'cancelled';
  readonly pagesDone: number;
  /** Known once the file is opened. */
  readonly pageCount: number | null;
}

export type ImportNotFound = { readonly kind: 'import-not-found' };

export const startDraftSchema = z.object({ serviceId: z.string().min(1).max(100), subtype: applicationSubtypeSchema });
export type StartDraftRequest = z.infer<typeof startDraftSchema>;

export const draftPartiesSchema = z.object({ applicantSnapshotId: entityIdSchema.nullable(), representativeSnapshotId: entityIdSchema.nullable() });
export type DraftParties = z.infer<typeof draftPartiesSchema>;

export const slotIdSchema = z.string().regex(/^[a-z][a-z-]*$/).max(40);

export const importFileSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4),
  /** Chosen by the renderer, so it can follow (`importProgress`) and cancel (`cancelImport`) the import while it runs. */
  importId: entityIdSchema.optional(),
});
export type ImportFileRequest = z.infer<typeof importFileSchema>;

export interface DraftsApi {
  /** Opens an application for a service the operator is offered; its slots follow the subtype. */
  start(request: StartDraftRequest): Promise<Result<DraftView, NotSignedIn | { readonly kind: 'unknown-service' }>>;
  get(draftId: string): Promise<Result<DraftView, NotSignedIn | DraftNotFound>>;
  /** The operator's unfinished applications, newest first: what the app offers back after a restart. */
  listOpen(): Promise<Result<readonly DraftView[], NotSignedIn>>;
  /** Records the applicant (and representative) checked in the registries; adds or drops the PoA slot accordingly. */
  setParties(draftId: string, parties: DraftParties): Promise<Result<DraftView, DraftError | { readonly kind: 'unknown-applicant' } | { readonly kind: 'unknown-representative' }>>;
  setPresentedOnPaper(draftId: string, slotId: string, presented: boolean): Promise<Result<DraftView, DraftError>>;
  /**
   * Adds a file's pages (JPEG, PNG, multi-page TIFF, PDF) to the end of a slot. Limits are checked
   * from the file's headers before anything is decoded; a PDF is stored once, without active content.
   */
  importFile(draftId: string, slotId: string, file: ImportFileRequest): Promise<Result<DraftView, ImportError>>;
  /** Progress of an import started with `importId` (kept a while after it ends). */
  importProgress(importId: string): Promise<Result<ImportProgress, NotSignedIn | ImportNotFound>>;
  /**
   * Stops an import between pages; the import answers `import-cancelled` and keeps none of the file's
   * pages. An id main has not seen yet (the file is still on its way) makes that import start cancelled.
   */
  cancelImport(importId: string): Promise<Result<ImportProgress, NotSignedIn | ImportNotFound>>;
  /** Moves a page within its slot or to another slot, before the page now at `position`. */
  movePage(draftId: string, pageId: string, slotId: string, position: number): Promise<Result<DraftView, DraftError>>;
  rotatePage(draftId: string, pageId: string, degrees: 90 | 180 | 270): Promise<Result<DraftView, DraftError | { readonly kind: 'not-rotatable' }>>;
  deletePage(draftId: string, pageId: string): Promise<Result<DraftView, DraftError>>;
  /** A small JPEG of the page as a data URL, for the page strip. */
  pageThumbnail(draftId: string, pageId: string): Promise<Result<string, DraftError>>;
  /** Abandons the application; its pages are no longer offered back. */
  discard(draftId: string): Promise<Result<null, NotSignedIn | DraftNotFound>>;
}

/** Why `submissions.submitDraft` refuses a draft (besides the errors of `submit`). */
export type SubmitDraftOnlyError =
  | { readonly kind: 'draft-not-found' }
  /** The applicant has not been looked up in this draft yet. */
  | { readonly kind: 'no-applicant' }
  /** Required document slots without a page (their ids). */
  | { readonly kind: 'missing-documents'; readonly slotIds: readonly string[] }
  /** A page of the draft could not be read back or assembled; the operator rescans it. */
  | { readonly kind: 'unreadable-page'; readonly slotId: string }
  /**
   * The document assembled from a slot's pages is larger than the licensing body accepts (its
   * published limit, cached for offline work): refused before anything is signed or accepted.
   */
  | { readonly kind: 'document-too-large'; readonly slotId: string; readonly sizeBytes: number; readonly maxBytes: number }
  /** The document has more pages than the licensing body (or the workstation) accepts. */
  | { readonly kind: 'document-too-many-pages'; readonly slotId: string; readonly pages: number; readonly maxPages: number };
