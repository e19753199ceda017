import type { DraftError, DraftView, ImportError, NotSignedIn } from '../../../core/contract';
import { MAX_ATTACHMENT_BYTES } from '../../../core/contract/limits';
import { err, type Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectActiveSlotId } from './documentsSelectors';
import { isActualMove, keyboardMove, type PagePlace } from './pageMoves';

/** A file the operator picked, read only once it passed the size checks. */
export interface FileSource {
  readonly name: string;
  readonly sizeBytes: number;
  readBase64(): Promise<string>;
}

/** The picked file could not be read (e.g. the USB stick or network share went away): the operator picks it again. */
export type UnreadableFile = { readonly kind: 'unreadable-file' };
export type ImportProblem = ImportError | UnreadableFile;
export interface ImportFailure {
  readonly fileName: string;
  readonly error: Exclude<ImportProblem, NotSignedIn>;
}

/** Errors of the page and slot changes (presented mark, move, rotate, delete). */
export type PageError = DraftError | { readonly kind: 'not-rotatable' };

export type DocumentActivity =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'importing';
      readonly slotId: string;
      readonly fileName: string;
      readonly fileIndex: number;
      readonly fileCount: number;
      /** Main's id for this file's import (drafts.importProgress / cancelImport). */
      readonly importId: string;
      /** Pages of the file stored so far, and how many it has (null until main has opened it). */
      readonly pagesDone: number;
      readonly pageCount: number | null;
      /** The operator asked to stop: this file is taken back and the batch's remaining files are skipped. */
      readonly isCancelling: boolean;
    }
  | { readonly kind: 'changing'; readonly pageId: string | null };

export interface DocumentsState {
  /** The slot the operator picked for scans and imports; null means the first required slot still without pages. */
  readonly chosenSlotId: string | null;
  readonly documentActivity: DocumentActivity;
  /** Files of the last import that were refused, each with its reason. */
  readonly importFailures: readonly ImportFailure[];
  readonly pageProblem: Exclude<PageError, NotSignedIn> | null;
  /** Which file each imported page came from, for its caption: the renderer's own note, not kept by main. */
  readonly pageFileNames: Readonly<Record<string, string>>;
}

export interface DocumentsActions {
  chooseSlot(slotId: string): void;
  setPresentedOnPaper(slotId: string, presented: boolean): Promise<Result<DraftView, PageError> | null>;
  /** Imports the files one after another into the active slot; the slot is fixed for the whole batch. */
  importFiles(files: readonly FileSource[]): Promise<readonly ImportFailure[]>;
  /** Stops the running import between two pages (main keeps none of that file) and skips the batch's remaining files. */
  cancelImport(): Promise<void>;
  movePage(pageId: string, place: PagePlace): Promise<Result<DraftView, PageError> | null>;
  /** Alt+↑ / Alt+↓: one place earlier or later (see keyboardMove). */
  movePageBy(pageId: string, direction: -1 | 1): Promise<Result<DraftView, PageError> | null>;
  /** A quarter turn clockwise; PDF pages are kept as they are and cannot be rotated. */
  rotatePage(pageId: string): Promise<Result<DraftView, PageError> | null>;
  deletePage(pageId: string): Promise<Result<DraftView, PageError> | null>;
}

export type DocumentsSlice = DocumentsState & DocumentsActions;

export const documentsInitialState: DocumentsState = {
  chosenSlotId: null,
  documentActivity: { kind: 'idle' },
  importFailures: [],
  pageProblem: null,
  pageFileNames: {},
};

const IDLE: DocumentActivity = { kind: 'idle' };

/** How often a running import's progress is asked for. */
export const IMPORT_PROGRESS_POLL_MS = 400;

const newImportId = (): string => globalThis.crypto.randomUUID();

/**
 * The checks main would make anyway, done before reading: an empty file cannot even be sent (the
 * contract requires content), and base64-encoding a 200 MB scan only to be refused wastes the counter's time.
 */
export function checkFileBeforeReading(sizeBytes: number): ImportError | null {
  if (sizeBytes === 0) return { kind: 'empty-file' };
  if (sizeBytes > MAX_ATTACHMENT_BYTES) return { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES };
  return null;
}

const importedPageIds = (view: DraftView, slotId: string) =>
  view.slots.find((slot) => slot.slotId === slotId)?.pages.filter((page) => page.source === 'import').map((page) => page.pageId) ?? [];

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = ({ set, get, api, sleep }) => {
  /** Runs one change of the draft in main and shows its answer; one change at a time. */
  async function changeDraft(pageId: string | null, call: (draftId: string) => Promise<Result<DraftView, PageError>>) {
    const before = get();
    if (!before.draft || before.documentActivity.kind !== 'idle') return null;
    set({ documentActivity: { kind: 'changing', pageId }, pageProblem: null });
    const result = await call(before.draft.draftId);
    if (get().citizenDataEpoch !== before.citizenDataEpoch) return result;
    set({ documentActivity: IDLE });
    if (result.ok) {
      await get().adoptDraft(result.value);
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ pageProblem: result.error });
      // The page may have been deleted or moved meanwhile (e.g. by a second click): show what main has.
      await get().refreshDraft();
    }
    return result;
  }

  async function importOne(draftId: string, slotId: string, file: FileSource, importId: string): Promise<Result<DraftView, ImportProblem>> {
    const refused = checkFileBeforeReading(file.sizeBytes);
    if (refused) return err(refused);
    let contentBase64: string;
    try {
      contentBase64 = await file.readBase64();
    } catch {
      return err({ kind: 'unreadable-file' });
    }
    let done = false;
    const importing = api.drafts.importFile(draftId, slotId, { fileName: file.name, contentBase64, importId }).finally(() => {
      done = true;
    });
    // A long file (a 200-page TIFF) shows how far it has come; main answers between two pages.
    void (async () => {
      while (!done) {
        await sleep(IMPORT_PROGRESS_POLL_MS);
        if (done) return;
        const progress = await api.drafts.importProgress(importId);
        const activity = get().documentActivity;
        if (!done && progress.ok && activity.kind === 'importing' && activity.importId === importId) {
          set({ documentActivity: { ...activity, pagesDone: progress.value.pagesDone, pageCount: progress.value.pageCount } });
        }
      }
    })().catch(() => undefined);
    return importing;
  }

  return {
    ...documentsInitialState,

    chooseSlot(slotId) {
      set({ chosenSlotId: slotId });
    },

    setPresentedOnPaper(slotId, presented) {
      return changeDraft(null, (draftId) => api.drafts.setPresentedOnPaper(draftId, slotId, presented));
    },

    async importFiles(files) {
      const before = get();
      const draft = before.draft;
      const slotId = selectActiveSlotId(before);
      if (!draft || !slotId || files.length === 0 || before.documentActivity.kind !== 'idle') return [];
      const failures: ImportFailure[] = [];
      set({ importFailures: [], pageProblem: null });
      for (const [fileIndex, file] of files.entries()) {
        const importId = newImportId();
        set({ documentActivity: { kind: 'importing', slotId, fileName: file.name, fileIndex, fileCount: files.length, importId, pagesDone: 0, pageCount: null, isCancelling: false } });
        const known = new Set(importedPageIds(get().draft ?? draft, slotId));
        const result = await importOne(draft.draftId, slotId, file, importId);
        const wasCancelled = (() => {
          const activity = get().documentActivity;
          return activity.kind === 'importing' && activity.isCancelling;
        })();
        if (get().citizenDataEpoch !== before.citizenDataEpoch) return failures;
        if (result.ok) {
          const added = importedPageIds(result.value, slotId).filter((pageId) => !known.has(pageId));
          set({ pageFileNames: { ...get().pageFileNames, ...Object.fromEntries(added.map((pageId) => [pageId, file.name])) } });
          await get().adoptDraft(result.value);
        } else if (result.error.kind === 'not-signed-in') {
          get().endExpiredSession();
          return failures;
        } else {
          failures.push({ fileName: file.name, error: result.error });
          set({ importFailures: [...failures] });
          // Main takes back what a failed or cancelled file had added: show the draft as it is now.
          await get().refreshDraft();
        }
        if (wasCancelled) break;
      }
      set({ documentActivity: IDLE });
      return failures;
    },

    async cancelImport() {
      const activity = get().documentActivity;
      if (activity.kind !== 'importing' || activity.isCancelling) return;
      set({ documentActivity: { ...activity, isCancelling: true } });
      // Not found: the file has just finished (or not started in main yet); the batch still stops after it.
      await api.drafts.cancelImport(activity.importId);
    },

    movePage(pageId, place) {
      const slots = get().draft?.slots ?? [];
      if (!isActualMove(slots, pageId, place)) return Promise.resolve(null);
      return changeDraft(pageId, (draftId) => api.drafts.movePage(draftId, pageId, place.slotId, place.position));
    },

    movePageBy(pageId, direction) {
      const place = keyboardMove(get().draft?.slots ?? [], pageId, direction);
      return place ? get().movePage(pageId, place) : Promise.resolve(null);
    },

    async rotatePage(pageId) {
      const result = await changeDraft(pageId, (draftId) => api.drafts.rotatePage(draftId, pageId, 90));
      if (result?.ok) await get().reloadThumbnail(pageId);
      return result;
    },

    deletePage(pageId) {
      return changeDraft(pageId, (draftId) => api.drafts.deletePage(draftId, pageId));
    },
  };
};
