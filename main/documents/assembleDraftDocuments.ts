import type { BackendLimits, DocumentRef } from '../../core/backendApi/wire';
import type { DraftSlotView } from '../../core/contract/drafts';
import type { Result } from '../../core/result';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import type { StoredDraft } from '../db/drafts';
import { assembleDocumentPdf, type AssemblyPage } from './assembleDocumentPdf';

export type AssembleDraftError =
  | { readonly kind: 'unreadable-page'; readonly slotId: string }
  | { readonly kind: 'document-too-large'; readonly slotId: string; readonly sizeBytes: number; readonly maxBytes: number }
  | { readonly kind: 'document-too-many-pages'; readonly slotId: string; readonly pages: number; readonly maxPages: number };

/**
 * One PDF per slot that has pages, in slot order, stored in the blob store (the outbox uploads
 * from there). The digests go into the signed payload, so each PDF is built exactly once here.
 * Each is checked against `limits` (the backend's published limits, or the workstation's own where
 * smaller) before it is stored: a document the licensing body would refuse is refused now, naming
 * its slot, and nothing is accepted.
 */
export async function assembleDraftDocuments(
  draft: StoredDraft,
  slots: readonly DraftSlotView[],
  blobs: EncryptedBlobStore,
  options: { fontBytes: Uint8Array; acceptedAt: Date; footerDate: string; limits: BackendLimits },
): Promise<Result<DocumentRef[], AssembleDraftError>> {
  const documents: DocumentRef[] = [];
  // The pages of one imported PDF share its blob: read (and decrypt) it once.
  const read = new Map<string, Uint8Array>();
  for (const slot of slots) {
    const stored = draft.pages.filter((p) => p.slotId === slot.slotId).sort((a, b) => a.position - b.position);
    if (stored.length === 0) continue;
    if (stored.length > options.limits.maxDocumentPages) {
      return { ok: false, error: { kind: 'document-too-many-pages', slotId: slot.slotId, pages: stored.length, maxPages: options.limits.maxDocumentPages } };
    }
    const pages: AssemblyPage[] = [];
    for (const page of stored) {
      let bytes = read.get(page.sha256);
      if (!bytes) {
        const got = await blobs.get(page.sha256);
        if (!got.ok) return { ok: false, error: { kind: 'unreadable-page', slotId: slot.slotId } };
        bytes = got.value;
        if (page.kind === 'pdf') read.set(page.sha256, bytes);
      }
      if (page.kind === 'pdf') pages.push({ kind: 'pdf', source: page.sha256, bytes, page: page.pdfPage });
      else if ((page.mediaType === 'image/jpeg' || page.mediaType === 'image/png') && page.widthPx && page.heightPx && page.dpi) {
        pages.push({ kind: 'image', mediaType: page.mediaType, bytes, widthPx: page.widthPx, heightPx: page.heightPx, dpi: page.dpi });
      } else return { ok: false, error: { kind: 'unreadable-page', slotId: slot.slotId } };
    }
    const pdf = await assembleDocumentPdf({
      pages,
      footer: `${slot.title.kk} · ${options.footerDate}`,
      title: slot.title.kk,
      createdAt: options.acceptedAt,
      fontBytes: options.fontBytes,
    });
    if (!pdf.ok) return { ok: false, error: { kind: 'unreadable-page', slotId: slot.slotId } };
    const { bytes, pageCount } = pdf.value;
    if (pageCount > options.limits.maxDocumentPages) {
      return { ok: false, error: { kind: 'document-too-many-pages', slotId: slot.slotId, pages: pageCount, maxPages: options.limits.maxDocumentPages } };
    }
    if (bytes.byteLength > options.limits.maxDocumentBytes) {
      return { ok: false, error: { kind: 'document-too-large', slotId: slot.slotId, sizeBytes: bytes.byteLength, maxBytes: options.limits.maxDocumentBytes } };
    }
    const sha256 = await blobs.put(bytes);
    documents.push({ sha256, fileName: `${slot.title.kk}.pdf`, mediaType: 'application/pdf', sizeBytes: bytes.byteLength, pageCount });
  }
  return { ok: true, value: documents };
}
