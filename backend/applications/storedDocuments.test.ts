import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentRef } from '../../core/backendApi/wire';
import { ACTIVE_CONTENT_PLACES, pdfWithActiveContent } from '../../test/support/hostilePdfs';
import { MemoryBlobStorage } from '../state/blobStorage';
import { fakePdf } from '../testing/backendHarness';
import { DOCUMENT_LIMITS } from './documentLimits';
import { checkStoredDocuments } from './storedDocuments';

async function stored(bytes: Uint8Array, overrides: Partial<DocumentRef> = {}): Promise<{ blobs: MemoryBlobStorage; document: DocumentRef }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const blobs = new MemoryBlobStorage();
  await blobs.write(sha256, bytes);
  return { blobs, document: { sha256, fileName: 'doc.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, ...overrides } };
}

describe('checkStoredDocuments', () => {
  it('registers a clean PDF', async () => {
    const { blobs, document } = await stored(fakePdf('clean'), { pageCount: 1 });
    expect(await checkStoredDocuments([document], blobs, DOCUMENT_LIMITS)).toEqual({ ok: true, value: null });
  });

  it.each(ACTIVE_CONTENT_PLACES)('refuses a PDF that still carries active content: %s', async (place) => {
    const { blobs, document } = await stored(await pdfWithActiveContent(place));
    const checked = await checkStoredDocuments([document], blobs, DOCUMENT_LIMITS);
    expect(checked).toMatchObject({ ok: false, error: { status: 422, code: 'active-content' } });
  });

  it('refuses a PDF it cannot inspect', async () => {
    const { blobs, document } = await stored(new TextEncoder().encode('%PDF-1.7\n% nothing else\n'));
    expect(await checkStoredDocuments([document], blobs, DOCUMENT_LIMITS)).toMatchObject({ ok: false, error: { code: 'active-content' } });
  });

  it('refuses a document over the published limits, and a page count other than the signed one', async () => {
    const bytes = fakePdf('sized');
    const { blobs, document } = await stored(bytes);
    expect(await checkStoredDocuments([document], blobs, { maxDocumentBytes: bytes.length - 1, maxDocumentPages: 10 })).toMatchObject({ ok: false, error: { code: 'document-too-large' } });
    expect(await checkStoredDocuments([{ ...document, pageCount: 3 }], blobs, DOCUMENT_LIMITS)).toMatchObject({ ok: false, error: { code: 'validation-failed' } });
  });
});
