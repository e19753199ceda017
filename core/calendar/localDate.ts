/**
 * A calendar date without time or zone, as the string 'YYYY-MM-DD'. All working-day arithmetic
 * runs on these and on "epoch days" (days since 1970-01-01) so that no time zone or DST rule can
 * shift a deadline by a day. Date.UTC is used only as a proleptic-Gregorian day counter.
 */
import { z } from 'zod';
import type { Result } from '../result';

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isRealDate(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** 'YYYY-MM-DD' naming a real Gregorian date (2025-02-29 is refused). */
export const localDateSchema = z.string().regex(SHAPE, 'expected YYYY-MM-DD').refine(isRealDate, 'not a calendar date').brand<'LocalDate'>();
export type LocalDate = z.infer<typeof localDateSchema>;

export type LocalDateError = { readonly kind: 'invalid-date'; readonly value: string };

export function parseLocalDate(value: string): Result<LocalDate, LocalDateError> {
  const parsed = localDateSchema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { kind: 'invalid-date', value } };
}

/** For literals in code and tests; throws on a malformed date (a programming error). */
export function localDate(value: string): LocalDate {
  const parsed = parseLocalDate(value);
  if (!parsed.ok) throw new RangeError(`Not a LocalDate: ${value}`);
  return parsed.value;
}

/** Days since 1970-01-01 (negative before). */
export function toEpochDay(date: LocalDate): number {
  return Math.round(Date.UTC(yearOf(date), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): LocalDate {
  const t = new Date(epochDay * MS_PER_DAY);
  const y = String(t.getUTCFullYear()).padStart(4, '0');
  const m = String(t.getUTCMonth() + 1).padStart(2, '0');
  const d = String(t.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}` as LocalDate; // constructed from a real date, so valid by construction
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 was a Thursday (4). */
export function isoWeekday(date: LocalDate): number {
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** Saturday and Sunday are the days off of the five-day week (Labour Code; the PSC deadline basis). */
export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

/** Builds the date of month/day in a year, or null when that day does not exist in the year. */
export function dateInYear(year: number, month: number, day: number): LocalDate | null {
  const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isRealDate(value) ? (value as LocalDate) : null;
}
