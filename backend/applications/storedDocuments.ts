import { createHash } from 'node:crypto';
import { PROBLEM_CODES, type BackendLimits, type DocumentRef } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';
import type { BlobStorage } from '../state/blobStorage';
import { inspectPdf } from './pdfActiveContent';

/**
 * The signed payload vouches for document digests; the application is only worth registering if
 * the bytes in storage still have them. Re-hashes what storage returns (the index alone would
 * not notice bytes corrupted or replaced after upload). Run after the missing-document check.
 *
 * Then each PDF is inspected (pdfActiveContent.ts): one that still carries active content, or that
 * cannot be parsed, is refused (422 `active-content`) — the licensing body's staff open these files;
 * one larger or longer than the published limits is refused (422 `document-too-large`), and a
 * page count that differs from the signed one is refused as invalid.
 */
export async function checkStoredDocuments(documents: readonly DocumentRef[], blobs: Pick<BlobStorage, 'read'>, limits: BackendLimits): Promise<Result<null, Refusal>> {
  const checked = new Set<string>();
  for (const [index, document] of documents.entries()) {
    if (checked.has(document.sha256)) continue;
    const bytes = await blobs.read(document.sha256);
    if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== document.sha256) {
      return err(refusal(422, PROBLEM_CODES.documentDigestMismatch, `the stored bytes of documents[${index}] do not hash to its sha256`));
    }
    if (bytes.byteLength > limits.maxDocumentBytes) {
      return err(refusal(422, PROBLEM_CODES.documentTooLarge, `documents[${index}] has ${bytes.byteLength} bytes; at most ${limits.maxDocumentBytes} are accepted`));
    }
    if (document.mediaType === 'application/pdf') {
      const inspection = await inspectPdf(bytes);
      if (inspection.kind === 'unreadable') return err(refusal(422, PROBLEM_CODES.activeContent, `documents[${index}] is not a PDF that can be inspected`));
      if (inspection.kind === 'active-content') {
        return err(refusal(422, PROBLEM_CODES.activeContent, `documents[${index}] carries active content (${inspection.found.join(', ')}); remove it before submitting`));
      }
      if (inspection.pageCount > limits.maxDocumentPages) {
        return err(refusal(422, PROBLEM_CODES.documentTooLarge, `documents[${index}] has ${inspection.pageCount} pages; at most ${limits.maxDocumentPages} are accepted`));
      }
      if (document.pageCount !== undefined && document.pageCount !== inspection.pageCount) {
        return err(refusal(422, PROBLEM_CODES.validation, `documents[${index}] has ${inspection.pageCount} pages, not the ${document.pageCount} the application names`));
      }
    }
    checked.add(document.sha256);
  }
  return ok(null);
}
