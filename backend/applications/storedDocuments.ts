import { createHash } from 'node:crypto';
import { PROBLEM_CODES, type DocumentRef } from '../../core/backendApi/wire';
import { err, ok, type Result } from '../../core/result';
import { refusal, type Refusal } from '../http/problem';
import type { BlobStorage } from '../state/blobStorage';

/**
 * The signed payload vouches for document digests; the application is only worth registering if
 * the bytes in storage still have them. Re-hashes what storage returns (the index alone would
 * not notice bytes corrupted or replaced after upload). Run after the missing-document check.
 */
export async function checkStoredDocuments(documents: readonly DocumentRef[], blobs: Pick<BlobStorage, 'read'>): Promise<Result<null, Refusal>> {
  const checked = new Set<string>();
  for (const [index, document] of documents.entries()) {
    if (checked.has(document.sha256)) continue;
    const bytes = await blobs.read(document.sha256);
    if (bytes === null || createHash('sha256').update(bytes).digest('hex') !== document.sha256) {
      return err(refusal(422, PROBLEM_CODES.documentDigestMismatch, `the stored bytes of documents[${index}] do not hash to its sha256`));
    }
    checked.add(document.sha256);
  }
  return ok(null);
}
