/**
 * Where a moved page lands, in the contract's terms: `movePage(…, slotId, position)` puts the page
 * before the page now at `position` among the target slot's pages *without* the moved one.
 */
import type { DraftSlotView } from '../../../core/contract';

export interface PagePlace {
  readonly slotId: string;
  readonly position: number;
}

function locate(slots: readonly DraftSlotView[], pageId: string): { readonly slotIndex: number; readonly pageIndex: number } | null {
  for (const [slotIndex, slot] of slots.entries()) {
    const pageIndex = slot.pages.findIndex((page) => page.pageId === pageId);
    if (pageIndex >= 0) return { slotIndex, pageIndex };
  }
  return null;
}

/**
 * Alt+↑ / Alt+↓ on a thumbnail: one place earlier or later in its slot; past the first or last
 * page, to the end of the previous slot or the start of the next. Null at either end of the draft.
 */
export function keyboardMove(slots: readonly DraftSlotView[], pageId: string, direction: -1 | 1): PagePlace | null {
  const at = locate(slots, pageId);
  if (!at) return null;
  const slot = slots[at.slotIndex]!;
  const target = at.pageIndex + direction;
  if (target >= 0 && target < slot.pages.length) return { slotId: slot.slotId, position: target };
  const neighbour = slots[at.slotIndex + direction];
  if (!neighbour) return null;
  return { slotId: neighbour.slotId, position: direction < 0 ? neighbour.pages.length : 0 };
}

/**
 * A page dropped onto another takes its place, as in any sortable list: dragged down within its
 * slot it goes after the target, otherwise before it. Null when dropped onto itself.
 */
export function dropOntoPage(slots: readonly DraftSlotView[], pageId: string, targetPageId: string): PagePlace | null {
  if (pageId === targetPageId) return null;
  const from = locate(slots, pageId);
  const onto = locate(slots, targetPageId);
  if (!from || !onto) return null;
  const slot = slots[onto.slotIndex]!;
  const others = slot.pages.filter((page) => page.pageId !== pageId);
  const index = others.findIndex((page) => page.pageId === targetPageId);
  const isDownwardInSlot = from.slotIndex === onto.slotIndex && from.pageIndex < onto.pageIndex;
  return { slotId: slot.slotId, position: isDownwardInSlot ? index + 1 : index };
}

/** A page dropped onto a slot outside its pages, or sent there with the "move to" list: last in that slot. */
export function appendTo(slot: DraftSlotView, pageId: string): PagePlace {
  return { slotId: slot.slotId, position: slot.pages.filter((page) => page.pageId !== pageId).length };
}

/** Whether moving to `place` changes anything. */
export function isActualMove(slots: readonly DraftSlotView[], pageId: string, place: PagePlace): boolean {
  const at = locate(slots, pageId);
  if (!at) return false;
  return slots[at.slotIndex]!.slotId !== place.slotId || at.pageIndex !== place.position;
}
