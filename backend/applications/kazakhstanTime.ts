/**
 * The backend dates registrations and checks validity periods (powers of attorney) in Kazakhstan
 * local time (UTC+5 since 2024-03-01), not UTC: at 00:30 in Astana it is already tomorrow there
 * while UTC is still on today. One implementation serves the whole project: core/calendar/kzLocalDate.ts.
 */
import { toKzLocalDate } from '../../core/calendar/kzLocalDate';

/** The Kazakhstan local calendar date of an instant, 'YYYY-MM-DD'. */
export function kazakhstanDate(at: Date): string {
  const date = toKzLocalDate(at.toISOString());
  if (!date.ok) throw new Error('invalid clock instant');
  return date.value;
}

/** The Kazakhstan local calendar year of an instant. */
export function kazakhstanYear(at: Date): number {
  return Number(kazakhstanDate(at).slice(0, 4));
}
