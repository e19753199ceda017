/**
 * The document slots of an application: which papers the operator marks as presented, scans and
 * attaches (Diagram No. 2, W4). Data in resources/catalog/documentSlots.json, whose `source`
 * explains why the set is generic: the lists live in the Standards, which are not in the seeds.
 */
import { z } from 'zod';
import type { ApplicationSubtype } from '../backendApi/wire';
import { localizedTextSchema, type LocalizedText } from './catalogSchema';

export const slotRequirementSchema = z.enum(['always', 'when-represented', 'for-issue', 'for-reissue', 'never']);

export const documentSlotsSchema = z.object({
  version: z.literal(1),
  source: z.string().min(1),
  slots: z
    .array(z.object({ id: z.string().regex(/^[a-z][a-z-]*$/), title: localizedTextSchema, required: slotRequirementSchema }))
    .min(1)
    .refine((slots) => new Set(slots.map((s) => s.id)).size === slots.length, 'slot ids must be unique'),
});
export type DocumentSlotsData = z.infer<typeof documentSlotsSchema>;

export interface DocumentSlot {
  readonly id: string;
  readonly title: LocalizedText;
  /** Must have at least one page before the application can be accepted. */
  readonly required: boolean;
}

/** The slots offered for an application: a PoA slot only when someone represents the applicant. */
export function slotsFor(data: DocumentSlotsData, subtype: ApplicationSubtype, represented: boolean): DocumentSlot[] {
  return data.slots
    .filter((slot) => slot.required !== 'when-represented' || represented)
    .map((slot) => ({
      id: slot.id,
      title: slot.title,
      required:
        slot.required === 'always' ||
        slot.required === 'when-represented' ||
        (slot.required === 'for-issue' && subtype === 'issue') ||
        (slot.required === 'for-reissue' && subtype === 'reissue'),
    }));
}

/** Required slots still without a page: what stops the operator from accepting the application. */
export function missingRequiredSlots(slots: readonly DocumentSlot[], pageCounts: Readonly<Record<string, number>>): string[] {
  return slots.filter((s) => s.required && !(pageCounts[s.id] ?? 0)).map((s) => s.id);
}
