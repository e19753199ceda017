/**
 * The Law «О праздниках в Республике Казахстан» (Z010000267) applied to one year: which dates are
 * holidays, and which weekdays become days off because a holiday fell on a Saturday or Sunday.
 *
 * Weekend rule (art. 5): "При совпадении выходного и праздничного дней выходным днем является
 * следующий после праздничного рабочий день" — except Kurban Ait and Orthodox Christmas. Read, as
 * vacanza/holidays (SAT_SUN_TO_NEXT_WORKDAY) and the published calendars do, per holiday day: every
 * moving holiday day on Sat/Sun yields one day off on the first day after it that is not a
 * weekend, not a holiday and not already given for an earlier holiday. So Nauryz 21–23 March on
 * Sat–Mon gives Tue 24 and Wed 25 off (2020), on Fri–Sun gives Mon 24 and Tue 25 (2025).
 * Government transfers and supervisor overrides are applied later, on top (workingDays.ts).
 */
import type { CalendarData, CalendarText } from './calendarSchema';
import type { LocalDate } from './localDate';
import { addDays, dateInYear, isWeekend } from './localDate';

export interface Holiday {
  readonly name: CalendarText;
  readonly movesWhenOnWeekend: boolean;
}

export interface WeekendTransfer {
  /** The holiday (on a Saturday or Sunday) this day off replaces. */
  readonly replaces: LocalDate;
  readonly name: CalendarText;
}

/** Holidays of one year by date. Where two coincide the first listed keeps its name; it moves if either moves. */
export function holidaysInYear(data: CalendarData, year: number): Map<LocalDate, Holiday> {
  const result = new Map<LocalDate, Holiday>();
  const add = (date: LocalDate, holiday: Holiday) => {
    const existing = result.get(date);
    result.set(date, existing ? { ...existing, movesWhenOnWeekend: existing.movesWhenOnWeekend || holiday.movesWhenOnWeekend } : holiday);
  };
  for (const h of data.fixedHolidays) {
    const applies = h.periods.some((p) => p.since <= year && (p.until === null || year <= p.until));
    const date = dateInYear(year, h.month, h.day);
    if (applies && date) add(date, { name: h.name, movesWhenOnWeekend: h.movesWhenOnWeekend });
  }
  const kurban = data.kurbanAit.dates.find((k) => k.year === year);
  if (kurban) add(kurban.date, { name: data.kurbanAit.name, movesWhenOnWeekend: data.kurbanAit.movesWhenOnWeekend });
  return result;
}

/**
 * Days off produced by the weekend rule for the holidays of `year`, by date. `isHoliday` must
 * answer for any date (a transfer could in principle cross into the next year).
 */
export function weekendTransfersForYear(
  holidays: ReadonlyMap<LocalDate, Holiday>,
  isHoliday: (date: LocalDate) => boolean,
): Map<LocalDate, WeekendTransfer> {
  const transfers = new Map<LocalDate, WeekendTransfer>();
  const onWeekend = [...holidays.entries()]
    .filter(([date, h]) => h.movesWhenOnWeekend && isWeekend(date))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [date, holiday] of onWeekend) {
    let candidate = addDays(date, 1);
    while (isWeekend(candidate) || isHoliday(candidate) || transfers.has(candidate)) candidate = addDays(candidate, 1);
    transfers.set(candidate, { replaces: date, name: holiday.name });
  }
  return transfers;
}
