/**
 * The report's days are Kazakhstan calendar days (Asia/Almaty, UTC+5 since 2024-03-01, UTC+6
 * before): a visit at 23:30 local time on the 1st belongs to the 1st although it is the 1st in UTC
 * too, and one at 00:30 on the 2nd belongs to the 2nd although UTC still says the 1st.
 */
import { toKzLocalDate } from '../calendar/kzLocalDate';

/** Whether the instant falls on a Kazakhstan day from `from` to `to` inclusive ('YYYY-MM-DD'). An unparseable instant is outside. */
export function isWithinKzDays(instantIso: string, from: string, to: string): boolean {
  const day = toKzLocalDate(instantIso);
  return day.ok && day.value >= from && day.value <= to;
}

/**
 * A UTC window of ISO strings that surely contains every instant of those Kazakhstan days (one
 * day of slack on each side covers any offset): cheap to compare in SQL on an index, then
 * narrowed exactly with `isWithinKzDays`.
 */
export function utcWindowAround(from: string, to: string): { readonly fromIso: string; readonly toIso: string } {
  const day = 86_400_000;
  const start = new Date(Date.parse(`${from}T00:00:00Z`) - day);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 2 * day);
  return { fromIso: start.toISOString(), toIso: end.toISOString() };
}
