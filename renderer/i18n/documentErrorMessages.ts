/**
 * Messages for the drafts and scanning areas of the contract (and the import checks the renderer
 * makes itself). Each switch ends in assertNever, so a kind added to the contract fails to compile
 * here until it has its own text in kk, ru and en.
 */
import type { DraftError, ScanFailureKind } from '../../core/contract';
import { assertNever } from '../../core/result';
import type { ImportProblem } from '../features/documents/documentsSlice';
import type { ScanProblem } from '../features/scanning/scanningSlice';
import { notSignedInMessage } from './contractErrorMessages';
import type { Message, MessageKey, MessageParams } from './messageCatalog';

/** Every error of drafts.start, setParties, setPresentedOnPaper, movePage, rotatePage, deletePage and get. */
export type DraftOperationError =
  | DraftError
  | { readonly kind: 'unknown-service' }
  | { readonly kind: 'unknown-applicant' }
  | { readonly kind: 'unknown-representative' }
  | { readonly kind: 'not-rotatable' };

export function draftErrorMessage(error: DraftOperationError): MessageKey {
  switch (error.kind) {
    case 'not-signed-in':
      return notSignedInMessage(error);
    case 'draft-not-found':
      return 'error.draft.notFound';
    case 'unknown-slot':
      return 'error.draft.unknownSlot';
    case 'page-not-found':
      return 'error.draft.pageNotFound';
    case 'unknown-service':
      return 'error.draft.unknownService';
    case 'unknown-applicant':
      return 'error.submit.unknownApplicant';
    case 'unknown-representative':
      return 'error.submit.unknownRepresentative';
    case 'not-rotatable':
      return 'error.draft.notRotatable';
    default:
      return assertNever(error);
  }
}

const bytesToMegabytes = (bytes: number): number => Math.floor(bytes / (1024 * 1024));

/** drafts.importFile, plus a file the workstation could not read; names the file. */
export function importErrorMessage(error: ImportProblem, fileName: string): Message {
  const params: MessageParams = error.kind === 'too-large' ? { fileName, maxMb: bytesToMegabytes(error.maxBytes) } : { fileName };
  // Three different limits, three different messages: bytes, pixels of a page, pages of the document.
  switch (error.kind) {
    case 'not-signed-in':
    case 'draft-not-found':
    case 'unknown-slot':
    case 'page-not-found':
      return { key: draftErrorMessage(error) };
    case 'empty-file':
      return { key: 'error.import.emptyFile', params };
    case 'too-large':
      return { key: 'error.import.tooLarge', params };
    case 'unsupported-type':
      return { key: 'error.import.unsupportedType', params };
    case 'corrupt-file':
      return { key: 'error.import.corruptFile', params };
    case 'too-many-pixels':
      return {
        key: 'error.import.tooManyPixels',
        params: { fileName, page: error.page, width: error.widthPx, height: error.heightPx, maxMegapixels: Math.floor(error.maxPixels / 1_000_000) },
      };
    case 'too-many-pages':
      return { key: 'error.import.tooManyPages', params: { fileName, pages: error.pages, maxPages: error.maxPages } };
    case 'import-cancelled':
      return { key: 'error.import.cancelled', params };
    case 'unreadable-file':
      return { key: 'error.import.unreadableFile', params };
    default:
      return assertNever(error);
  }
}

/** What the scanner reported, with what the operator does about it. */
export function scanFailureMessage(failure: ScanFailureKind): MessageKey {
  switch (failure) {
    case 'device-not-found':
      return 'scanFailure.deviceNotFound';
    case 'device-busy':
      return 'scanFailure.deviceBusy';
    case 'paper-jam':
      return 'scanFailure.paperJam';
    case 'feeder-empty':
      return 'scanFailure.feederEmpty';
    case 'cover-open':
      return 'scanFailure.coverOpen';
    case 'io-error':
      return 'scanFailure.ioError';
    case 'access-denied':
      return 'scanFailure.accessDenied';
    case 'scanner-software-missing':
      return 'scanner.softwareMissing';
    case 'unsupported-setting':
      return 'scanFailure.unsupportedSetting';
    case 'unknown':
      return 'scanFailure.unknown';
    default:
      return assertNever(failure);
  }
}

/** scanning.start, scanning.job and scanning.cancel: why a scan could not start or be followed. */
export function scanProblemMessage(problem: ScanProblem): MessageKey {
  switch (problem.kind) {
    case 'draft-not-found':
    case 'unknown-slot':
    case 'page-not-found':
      return draftErrorMessage(problem);
    case 'scan-in-progress':
      return 'error.scan.inProgress';
    case 'job-not-found':
      return 'error.scan.jobNotFound';
    default:
      return assertNever(problem);
  }
}
