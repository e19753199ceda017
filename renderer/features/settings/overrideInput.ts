/**
 * A calendar override as typed by the supervisor, parsed into the contract's shape. The date goes
 * through core's parseLocalDate (a branded LocalDate, never a cast); this module is only reached
 * from the lazily loaded settings screen, so zod stays out of the operator's bundle.
 */
import type { CalendarOverride, TransferKind } from '../../../core/calendar/calendarSchema';
import { parseLocalDate } from '../../../core/calendar/localDate';
import { err, ok, type Result } from '../../../core/result';

/** settings.setCalendarOverrides accepts at most this many (core/contract/settings.ts). */
export const MAX_CALENDAR_OVERRIDES = 400;

export interface OverrideInput {
  readonly date: string;
  readonly kind: TransferKind;
  readonly note: string;
}

export type OverrideInputError =
  | { readonly kind: 'date-required' }
  | { readonly kind: 'invalid-date'; readonly value: string }
  | { readonly kind: 'note-required' }
  | { readonly kind: 'duplicate-date'; readonly date: string }
  | { readonly kind: 'too-many'; readonly max: number };

export function parseOverrideInput(input: OverrideInput, existing: readonly CalendarOverride[]): Result<CalendarOverride, OverrideInputError> {
  const typed = input.date.trim();
  if (typed === '') return err({ kind: 'date-required' });
  const date = parseLocalDate(typed);
  if (!date.ok) return err({ kind: 'invalid-date', value: typed });
  const note = input.note.trim();
  if (note === '') return err({ kind: 'note-required' });
  if (existing.some((override) => override.date === date.value)) return err({ kind: 'duplicate-date', date: date.value });
  if (existing.length >= MAX_CALENDAR_OVERRIDES) return err({ kind: 'too-many', max: MAX_CALENDAR_OVERRIDES });
  return ok({ date: date.value, kind: input.kind, note });
}
