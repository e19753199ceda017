import { describe, expect, it } from 'vitest';
import type { DraftSlotView } from '../../../core/contract';
import { appendTo, dropOntoPage, isActualMove, keyboardMove } from './pageMoves';

function slot(slotId: string, pageIds: readonly string[]): DraftSlotView {
  return {
    slotId,
    title: { kk: slotId, ru: slotId, en: slotId },
    required: true,
    presentedOnPaper: false,
    pages: pageIds.map((pageId, position) => ({ pageId, position, kind: 'image', widthPx: 1, heightPx: 1, blank: false, source: 'scanner' })),
  };
}

/** What main does with the answer: the page goes before the page now at `position` among the others. */
function apply(slots: readonly DraftSlotView[], pageId: string, place: { slotId: string; position: number }): Record<string, string[]> {
  const result = Object.fromEntries(slots.map((s) => [s.slotId, s.pages.map((p) => p.pageId).filter((id) => id !== pageId)]));
  result[place.slotId]!.splice(place.position, 0, pageId);
  return result;
}

const SLOTS = [slot('application', ['a', 'b', 'c']), slot('identity', ['d']), slot('other', [])];

describe('page moves', () => {
  it('moves one place with Alt+↑/↓, crossing into the neighbouring slot at either end', () => {
    expect(apply(SLOTS, 'a', keyboardMove(SLOTS, 'a', 1)!).application).toEqual(['b', 'a', 'c']);
    expect(apply(SLOTS, 'c', keyboardMove(SLOTS, 'c', -1)!).application).toEqual(['a', 'c', 'b']);
    expect(apply(SLOTS, 'c', keyboardMove(SLOTS, 'c', 1)!).identity).toEqual(['c', 'd']);
    expect(apply(SLOTS, 'd', keyboardMove(SLOTS, 'd', -1)!).application).toEqual(['a', 'b', 'c', 'd']);
    expect(apply(SLOTS, 'd', keyboardMove(SLOTS, 'd', 1)!).other).toEqual(['d']);
    expect(keyboardMove(SLOTS, 'a', -1)).toBeNull();
    expect(keyboardMove(SLOTS, 'missing', 1)).toBeNull();
  });

  it('puts a dropped page in the place of the page it was dropped on', () => {
    expect(apply(SLOTS, 'c', dropOntoPage(SLOTS, 'c', 'a')!).application).toEqual(['c', 'a', 'b']);
    expect(apply(SLOTS, 'a', dropOntoPage(SLOTS, 'a', 'c')!).application).toEqual(['b', 'c', 'a']);
    expect(apply(SLOTS, 'a', dropOntoPage(SLOTS, 'a', 'b')!).application).toEqual(['b', 'a', 'c']);
    expect(apply(SLOTS, 'b', dropOntoPage(SLOTS, 'b', 'd')!).identity).toEqual(['b', 'd']);
    expect(dropOntoPage(SLOTS, 'a', 'a')).toBeNull();
  });

  it('appends to a slot, and knows a move that changes nothing', () => {
    expect(apply(SLOTS, 'a', appendTo(SLOTS[1]!, 'a')).identity).toEqual(['d', 'a']);
    expect(appendTo(SLOTS[0]!, 'c')).toEqual({ slotId: 'application', position: 2 });
    expect(isActualMove(SLOTS, 'c', appendTo(SLOTS[0]!, 'c'))).toBe(false);
    expect(isActualMove(SLOTS, 'c', { slotId: 'identity', position: 0 })).toBe(true);
  });
});
