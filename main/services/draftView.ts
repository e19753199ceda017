import { missingRequiredSlots, slotsFor, type DocumentSlotsData } from '../../core/catalog/documentSlots';
import type { DraftPageView, DraftSlotView, DraftView } from '../../core/contract/drafts';
import type { StoredDraft } from '../db/drafts';

/** Builds what the renderer sees from the stored draft and the slot rules for its subtype. */
export function toDraftView(draft: StoredDraft, slotsData: DocumentSlotsData, applicantDisplayName: string | null): DraftView {
  const represented = draft.representativeSnapshotId !== null;
  const slots = slotsFor(slotsData, draft.subtype, represented);
  // A slot that no longer applies (the representative was removed) stays visible while it still has pages.
  const orphanSlots = [...new Set(draft.pages.map((p) => p.slotId))].filter((id) => !slots.some((s) => s.id === id));
  for (const id of orphanSlots) {
    const data = slotsData.slots.find((s) => s.id === id);
    if (data) slots.push({ id, title: data.title, required: false });
  }
  const views: DraftSlotView[] = slots.map((slot) => ({
    slotId: slot.id,
    title: slot.title,
    required: slot.required,
    presentedOnPaper: draft.presented[slot.id] ?? false,
    pages: draft.pages
      .filter((p) => p.slotId === slot.id)
      .map((p): DraftPageView => ({ pageId: p.id, position: p.position, kind: p.kind, widthPx: p.widthPx, heightPx: p.heightPx, blank: p.blank, source: p.source })),
  }));
  const counts = Object.fromEntries(views.map((v) => [v.slotId, v.pages.length]));
  return {
    draftId: draft.id,
    serviceId: draft.serviceId,
    subtype: draft.subtype,
    applicantSnapshotId: draft.applicantSnapshotId,
    representativeSnapshotId: draft.representativeSnapshotId,
    applicantDisplayName,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    slots: views,
    missingRequiredSlots: missingRequiredSlots(slots, counts),
  };
}
