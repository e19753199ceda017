import { MAX_ATTACHMENT_BYTES } from '../../../core/contract/limits';
import type { AttachError, AttachedDocument, NotSignedIn } from '../../../core/contract';
import { err, type Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';

/** A file the operator picked, read only once it passed the size checks. */
export interface FileSource {
  readonly name: string;
  readonly sizeBytes: number;
  readBase64(): Promise<string>;
}

export type DiscardError = NotSignedIn | { readonly kind: 'not-found' };

/** The picked file could not be read (e.g. the USB stick or network share went away): the operator picks it again. */
export type UnreadableFile = { readonly kind: 'unreadable-file' };
export type AttachProblem = AttachError | UnreadableFile;

export type DocumentProblem =
  | { readonly operation: 'attach'; readonly fileName: string; readonly error: AttachProblem }
  | { readonly operation: 'discard'; readonly fileName: string; readonly error: DiscardError };

export type DocumentActivity =
  | { readonly kind: 'idle' }
  | { readonly kind: 'attaching'; readonly fileName: string }
  | { readonly kind: 'discarding'; readonly documentId: string };

export interface DocumentsState {
  /** In the order attached; main holds the bytes, the store only names and digests. */
  readonly documents: readonly AttachedDocument[];
  readonly documentActivity: DocumentActivity;
  /** The last failure, cleared by the next attempt. */
  readonly documentProblem: DocumentProblem | null;
}

export interface DocumentsActions {
  attachDocument(file: FileSource): Promise<Result<AttachedDocument, AttachProblem>>;
  discardDocument(documentId: string): Promise<Result<null, DiscardError>>;
}

export type DocumentsSlice = DocumentsState & DocumentsActions;

export const documentsInitialState: DocumentsState = {
  documents: [],
  documentActivity: { kind: 'idle' },
  documentProblem: null,
};

/**
 * The checks main would make anyway, done before reading: an empty file cannot even be sent (the
 * contract requires content), and base64-encoding a 200 MB scan only to be refused wastes the counter's time.
 */
export function checkFileBeforeReading(sizeBytes: number): AttachError | null {
  if (sizeBytes === 0) return { kind: 'empty-file' };
  if (sizeBytes > MAX_ATTACHMENT_BYTES) return { kind: 'too-large', maxBytes: MAX_ATTACHMENT_BYTES };
  return null;
}

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = ({ set, get, api }) => ({
  ...documentsInitialState,

  async attachDocument(file) {
    const epoch = get().citizenDataEpoch;
    const refused = checkFileBeforeReading(file.sizeBytes);
    if (refused) {
      set({ documentProblem: { operation: 'attach', fileName: file.name, error: refused } });
      return err(refused);
    }
    set({ documentActivity: { kind: 'attaching', fileName: file.name }, documentProblem: null });
    let contentBase64: string;
    try {
      contentBase64 = await file.readBase64();
    } catch {
      const problem: UnreadableFile = { kind: 'unreadable-file' };
      set({ documentActivity: { kind: 'idle' }, documentProblem: { operation: 'attach', fileName: file.name, error: problem } });
      return err(problem);
    }
    const result = await api.documents.attachFile({ fileName: file.name, contentBase64 });
    if (get().citizenDataEpoch !== epoch) return result;

    if (result.ok) {
      const attached = result.value;
      const documents = get().documents;
      const isNew = !documents.some((document) => document.documentId === attached.documentId);
      set({ documents: isNew ? [...documents, attached] : documents, documentActivity: { kind: 'idle' } });
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ documentActivity: { kind: 'idle' }, documentProblem: { operation: 'attach', fileName: file.name, error: result.error } });
    }
    return result;
  },

  async discardDocument(documentId) {
    const epoch = get().citizenDataEpoch;
    const fileName = get().documents.find((document) => document.documentId === documentId)?.fileName ?? '';
    set({ documentActivity: { kind: 'discarding', documentId }, documentProblem: null });
    const result = await api.documents.discardDocument(documentId);
    if (get().citizenDataEpoch !== epoch) return result;

    if (!result.ok && result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
      return result;
    }
    // not-found means main no longer has it either, so the row goes in both cases; the operator is told.
    set({
      documents: get().documents.filter((document) => document.documentId !== documentId),
      documentActivity: { kind: 'idle' },
      documentProblem: result.ok ? null : { operation: 'discard', fileName, error: result.error },
    });
    return result;
  },
});
