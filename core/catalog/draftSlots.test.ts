import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSlotsSchema } from './documentSlots';
import { draftHasSlot, draftSlotViews } from './draftSlots';

const data = documentSlotsSchema.parse(JSON.parse(readFileSync(new URL('../../resources/catalog/documentSlots.json', import.meta.url), 'utf8')));
const view = (p: { slotId: string; id: string }, index: number) => ({ pageId: p.id, position: index, kind: 'image' as const, widthPx: 1, heightPx: 1, blank: false, source: 'scanner' as const });

describe('draftSlotViews', () => {
  it('keeps a power-of-attorney slot that still holds pages after the representative is removed, as optional', () => {
    const facts = { subtype: 'duplicate' as const, represented: false, presented: { identity: true }, pages: [{ slotId: 'power-of-attorney', id: 'p1' }] };
    const { slots, missingRequiredSlots } = draftSlotViews(data, facts, view);
    expect(slots.at(-1)).toMatchObject({ slotId: 'power-of-attorney', required: false, pages: [{ pageId: 'p1', position: 0 }] });
    expect(slots.find((s) => s.slotId === 'identity')?.presentedOnPaper).toBe(true);
    expect(missingRequiredSlots).toEqual(['application', 'identity', 'fee-receipt']);
    expect(draftHasSlot(data, facts, 'power-of-attorney')).toBe(true);
    expect(draftHasSlot(data, { ...facts, pages: [] }, 'power-of-attorney')).toBe(false);
    expect(draftHasSlot(data, facts, 'no-such-slot')).toBe(false);
  });
});
