import type { ApplicationSubtype } from '../backendApi/wire';
import type { DraftPageView, DraftSlotView } from '../contract/drafts';
import { missingRequiredSlots, slotsFor, type DocumentSlot, type DocumentSlotsData } from './documentSlots';

/** What the slot rules need to know about a draft. */
export interface DraftSlotFacts<P extends { readonly slotId: string }> {
  readonly subtype: ApplicationSubtype;
  readonly represented: boolean;
  /** slotId → the "documents on paper" mark. */
  readonly presented: Readonly<Record<string, boolean>>;
  /** In slot order as stored, each slot's pages by position. */
  readonly pages: readonly P[];
}

/**
 * The slots a draft shows: those its subtype and representation call for, plus any slot that no
 * longer applies (the representative was removed) while it still holds pages, as optional.
 */
export function draftSlots<P extends { readonly slotId: string }>(data: DocumentSlotsData, facts: DraftSlotFacts<P>): DocumentSlot[] {
  const slots = slotsFor(data, facts.subtype, facts.represented);
  const orphans = [...new Set(facts.pages.map((p) => p.slotId))].filter((id) => !slots.some((s) => s.id === id));
  for (const id of orphans) {
    const known = data.slots.find((s) => s.id === id);
    if (known) slots.push({ id, title: known.title, required: false });
  }
  return slots;
}

/** The slot views of a draft and the required slots still without a page. */
export function draftSlotViews<P extends { readonly slotId: string }>(
  data: DocumentSlotsData,
  facts: DraftSlotFacts<P>,
  /** Receives the page and its index within its slot. */
  toPageView: (page: P, indexInSlot: number) => DraftPageView,
): { readonly slots: DraftSlotView[]; readonly missingRequiredSlots: string[] } {
  const slots = draftSlots(data, facts);
  const views = slots.map((slot) => ({
    slotId: slot.id,
    title: slot.title,
    required: slot.required,
    presentedOnPaper: facts.presented[slot.id] ?? false,
    pages: facts.pages.filter((p) => p.slotId === slot.id).map((p, index) => toPageView(p, index)),
  }));
  const counts = Object.fromEntries(views.map((v) => [v.slotId, v.pages.length]));
  return { slots: views, missingRequiredSlots: missingRequiredSlots(slots, counts) };
}

/** Whether pages may go into `slotId`: a slot the draft calls for, or one that already holds pages. */
export function draftHasSlot<P extends { readonly slotId: string }>(data: DocumentSlotsData, facts: DraftSlotFacts<P>, slotId: string): boolean {
  return draftSlots(data, facts).some((s) => s.id === slotId);
}
