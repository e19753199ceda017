import type { DragEvent } from 'react';

/** The drag data type of a page of the draft; other drags (files, text) are not ours to drop. */
export const PAGE_DRAG_TYPE = 'application/x-psc-page-id';

export function startPageDrag(event: DragEvent, pageId: string): void {
  event.dataTransfer.setData(PAGE_DRAG_TYPE, pageId);
  event.dataTransfer.effectAllowed = 'move';
}

/** Accepts the drop when a page is dragged (the data itself is readable only on drop). */
export function allowPageDrop(event: DragEvent): boolean {
  if (!Array.from(event.dataTransfer.types).includes(PAGE_DRAG_TYPE)) return false;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'move';
  return true;
}

/** The dragged page's id, or null for anything else dropped here. */
export function droppedPageId(event: DragEvent): string | null {
  const pageId = event.dataTransfer.getData(PAGE_DRAG_TYPE);
  if (!pageId) return null;
  event.preventDefault();
  event.stopPropagation();
  return pageId;
}
