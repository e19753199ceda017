import type { DocumentSlotsData } from '../../core/catalog/documentSlots';
import { draftSlotViews, type DraftSlotFacts } from '../../core/catalog/draftSlots';
import type { DraftPageView, DraftView } from '../../core/contract/drafts';
import type { StoredDraft, StoredPage } from '../db/drafts';

export function slotFactsOf(draft: StoredDraft): DraftSlotFacts<StoredPage> {
  return { subtype: draft.subtype, represented: draft.representativeSnapshotId !== null, presented: draft.presented, pages: draft.pages };
}

/** Builds what the renderer sees from the stored draft and the slot rules for its subtype. */
export function toDraftView(draft: StoredDraft, slotsData: DocumentSlotsData, applicantDisplayName: string | null): DraftView {
  const toPageView = (p: StoredPage): DraftPageView => ({
    pageId: p.id, position: p.position, kind: p.kind, widthPx: p.widthPx, heightPx: p.heightPx, blank: p.blank, source: p.source,
  });
  const { slots, missingRequiredSlots } = draftSlotViews(slotsData, slotFactsOf(draft), toPageView);
  return {
    draftId: draft.id,
    serviceId: draft.serviceId,
    subtype: draft.subtype,
    applicantSnapshotId: draft.applicantSnapshotId,
    representativeSnapshotId: draft.representativeSnapshotId,
    applicantDisplayName,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    slots,
    missingRequiredSlots,
  };
}
