import type { DocumentRef } from '../../core/backendApi/wire';
import type { DraftSlotView } from '../../core/contract/drafts';
import type { Result } from '../../core/result';
import type { EncryptedBlobStore } from '../blobs/EncryptedBlobStore';
import type { StoredDraft } from '../db/drafts';
import { assembleDocumentPdf, type AssemblyPage } from './assembleDocumentPdf';

export type AssembleDraftError = { readonly kind: 'unreadable-page'; readonly slotId: string };

/**
 * One PDF per slot that has pages, in slot order, stored in the blob store (the outbox uploads
 * from there). The digests go into the signed payload, so each PDF is built exactly once here.
 */
export async function assembleDraftDocuments(
  draft: StoredDraft,
  slots: readonly DraftSlotView[],
  blobs: EncryptedBlobStore,
  options: { fontBytes: Uint8Array; acceptedAt: Date; footerDate: string },
): Promise<Result<DocumentRef[], AssembleDraftError>> {
  const documents: DocumentRef[] = [];
  for (const slot of slots) {
    const stored = draft.pages.filter((p) => p.slotId === slot.slotId).sort((a, b) => a.position - b.position);
    if (stored.length === 0) continue;
    const pages: AssemblyPage[] = [];
    for (const page of stored) {
      const bytes = await blobs.get(page.sha256);
      if (!bytes.ok) return { ok: false, error: { kind: 'unreadable-page', slotId: slot.slotId } };
      if (page.kind === 'pdf') pages.push({ kind: 'pdf', bytes: bytes.value });
      else if ((page.mediaType === 'image/jpeg' || page.mediaType === 'image/png') && page.widthPx && page.heightPx && page.dpi) {
        pages.push({ kind: 'image', mediaType: page.mediaType, bytes: bytes.value, widthPx: page.widthPx, heightPx: page.heightPx, dpi: page.dpi });
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
    const sha256 = await blobs.put(pdf.value.bytes);
    documents.push({ sha256, fileName: `${slot.title.kk}.pdf`, mediaType: 'application/pdf', sizeBytes: pdf.value.bytes.byteLength, pageCount: pdf.value.pageCount });
  }
  return { ok: true, value: documents };
}
