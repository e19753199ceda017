/**
 * Which calendar day an instant falls on in Kazakhstan. The acceptance date printed on the
 * receipt is the local date at the counter, not the UTC date: an application accepted at 00:30
 * local time is accepted "today", although in UTC it is still yesterday.
 *
 * Uses Intl with Asia/Almaty. Since 2024-03-01 the whole country is on UTC+5 (Almaty moved from
 * UTC+6); runtimes whose ICU time-zone data predates tzdata 2024a still say +6 and would move
 * instants between 18:00 and 19:00 UTC to the next day. `kzTimeZoneDataIsCurrent()` detects that,
 * so the host can report it at start-up (the date is still computed with Intl, not patched).
 */
import type { Result } from '../result';
import type { LocalDate } from './localDate';
import { parseLocalDate } from './localDate';

export const KZ_TIME_ZONE = 'Asia/Almaty';

/** An instant must carry its offset ('Z' or ±hh:mm); a bare local time is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export type KzLocalDateError = { readonly kind: 'invalid-instant'; readonly value: string };

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: KZ_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function toKzLocalDate(instantIso: string): Result<LocalDate, KzLocalDateError> {
  const invalid = { ok: false, error: { kind: 'invalid-instant', value: instantIso } } as const;
  if (!INSTANT.test(instantIso)) return invalid;
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) return invalid;
  const parts = formatter.formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = parseLocalDate(`${part('year')}-${part('month')}-${part('day')}`);
  return date.ok ? date : invalid;
}

/**
 * True when the runtime's ICU knows the 2024 change: 2024-03-01T18:30Z must be 23:30 on
 * 1 March (UTC+5), not 00:30 on 2 March (UTC+6).
 */
export function kzTimeZoneDataIsCurrent(): boolean {
  const probe = toKzLocalDate('2024-03-01T18:30:00Z');
  return probe.ok && probe.value === '2024-03-01';
}
