/**
 * The Kazakhstan working-day calendar used for "N working days" deadlines on the receipt.
 *
 * Precedence, highest first: supervisor override → government/ministry transfer (decree table) →
 * holiday → day off from the weekend rule → Saturday/Sunday → working day. The weekend rule is
 * computed from the law alone (holidayRules.ts); a decree may then undo one of its days (2020:
 * Victory Day's Monday 11 May was moved to Friday 8 May).
 *
 * Deadlines are computed only inside the data's coverage (years with a Kurban Ait date): a count
 * that steps into an uncovered year fails with `outside-coverage` instead of guessing.
 */
import type { Result } from '../result';
import type { CalendarData, CalendarOverride, CalendarText } from './calendarSchema';
import type { Holiday, WeekendTransfer } from './holidayRules';
import { holidaysInYear, weekendTransfersForYear } from './holidayRules';
import type { LocalDate } from './localDate';
import { addDays, isWeekend, yearOf } from './localDate';

export type { LocalDate } from './localDate';
export { localDate, parseLocalDate } from './localDate';
export { toKzLocalDate, kzTimeZoneDataIsCurrent } from './kzLocalDate';

export type DayInfo =
  | { readonly kind: 'working' }
  | { readonly kind: 'weekend' }
  | { readonly kind: 'holiday'; readonly name: CalendarText }
  /** basis 'weekend-rule': `name` is the holiday on `replaces`; basis 'decree': `decree` names the act. */
  | { readonly kind: 'transferred-day-off'; readonly basis: 'weekend-rule'; readonly name: CalendarText; readonly replaces: LocalDate }
  | { readonly kind: 'transferred-day-off'; readonly basis: 'decree'; readonly decree: string }
  | { readonly kind: 'transferred-working-day'; readonly decree: string }
  | { readonly kind: 'override'; readonly working: boolean; readonly note: string };

export type CalendarError =
  | { readonly kind: 'outside-coverage'; readonly year: number; readonly coverage: { readonly from: number; readonly to: number } }
  | { readonly kind: 'invalid-count'; readonly value: number };

/** What the data knows about a year, for the supervisor screen and receipt warnings. */
export interface YearStatus {
  readonly year: number;
  readonly covered: boolean;
  readonly kurbanAit: 'official' | 'estimated' | 'missing';
  /** not-entered: no transfer acts in the data (2026+); the supervisor enters them as overrides. */
  readonly transfers: 'sourced' | 'not-entered';
  readonly overrides: number;
}

export interface PlannedResultOptions {
  /** true: the acceptance day is day 1 if it is a working day. false (2014 regulations): counting starts the next working day. */
  readonly acceptanceDayCounts: boolean;
}

export interface WorkingDayCalendar {
  dayKind(date: LocalDate): DayInfo;
  isWorkingDay(date: LocalDate): boolean;
  covers(year: number): boolean;
  yearStatus(year: number): YearStatus;
  /**
   * The date on which the n-th working day after `start` falls (`start` itself not counted);
   * n = 0 returns `start`. Fails if a visited day lies outside the coverage.
   */
  addWorkingDays(start: LocalDate, n: number): Result<LocalDate, CalendarError>;
  /** Planned result date for a deadline of `workingDays` (a positive integer) working days. */
  plannedResultDate(acceptanceDate: LocalDate, workingDays: number, options: PlannedResultOptions): Result<LocalDate, CalendarError>;
}

export function buildCalendar(data: CalendarData, overrides: readonly CalendarOverride[]): WorkingDayCalendar {
  const coverage = { from: data.coverage.from, to: data.coverage.to };
  const overrideByDate = new Map(overrides.map((o) => [o.date, o] as const));
  const decreeByDate = new Map(data.decreeTransfers.flatMap((y) => y.transfers.map((t) => [t.date, t] as const)));

  const holidayCache = new Map<number, Map<LocalDate, Holiday>>();
  const holidays = (year: number) => {
    let table = holidayCache.get(year);
    if (!table) holidayCache.set(year, (table = holidaysInYear(data, year)));
    return table;
  };
  const isHoliday = (date: LocalDate) => holidays(yearOf(date)).has(date);

  const transfersBuilt = new Set<number>();
  const weekendTransfers = new Map<LocalDate, WeekendTransfer>();
  const weekendTransfer = (date: LocalDate) => {
    // A holiday late in the previous year could push its day off into this one.
    for (const year of [yearOf(date) - 1, yearOf(date)]) {
      if (transfersBuilt.has(year)) continue;
      transfersBuilt.add(year);
      for (const [d, t] of weekendTransfersForYear(holidays(year), isHoliday)) if (!weekendTransfers.has(d)) weekendTransfers.set(d, t);
    }
    return weekendTransfers.get(date);
  };

  const dayKind = (date: LocalDate): DayInfo => {
    const override = overrideByDate.get(date);
    if (override) return { kind: 'override', working: override.kind === 'working-day', note: override.note };
    const decree = decreeByDate.get(date);
    if (decree) {
      return decree.kind === 'day-off'
        ? { kind: 'transferred-day-off', basis: 'decree', decree: decree.decree }
        : { kind: 'transferred-working-day', decree: decree.decree };
    }
    const holiday = holidays(yearOf(date)).get(date);
    if (holiday) return { kind: 'holiday', name: holiday.name };
    const moved = weekendTransfer(date);
    if (moved) return { kind: 'transferred-day-off', basis: 'weekend-rule', name: moved.name, replaces: moved.replaces };
    return isWeekend(date) ? { kind: 'weekend' } : { kind: 'working' };
  };

  const isWorkingDay = (date: LocalDate): boolean => {
    const info = dayKind(date);
    switch (info.kind) {
      case 'working':
      case 'transferred-working-day':
        return true;
      case 'override':
        return info.working;
      case 'weekend':
      case 'holiday':
      case 'transferred-day-off':
        return false;
    }
  };

  const covers = (year: number) => year >= coverage.from && year <= coverage.to;
  const outside = (year: number): Result<never, CalendarError> => ({ ok: false, error: { kind: 'outside-coverage', year, coverage } });

  const addWorkingDays = (start: LocalDate, n: number): Result<LocalDate, CalendarError> => {
    if (!Number.isInteger(n) || n < 0) return { ok: false, error: { kind: 'invalid-count', value: n } };
    if (n === 0) return covers(yearOf(start)) ? { ok: true, value: start } : outside(yearOf(start));
    let date = start;
    for (let counted = 0; counted < n; ) {
      date = addDays(date, 1);
      if (!covers(yearOf(date))) return outside(yearOf(date));
      if (isWorkingDay(date)) counted++;
    }
    return { ok: true, value: date };
  };

  return {
    dayKind,
    isWorkingDay,
    covers,
    addWorkingDays,
    yearStatus: (year) => {
      const kurban = data.kurbanAit.dates.find((k) => k.year === year);
      const decrees = data.decreeTransfers.find((y) => y.year === year);
      return {
        year,
        covered: covers(year),
        kurbanAit: kurban ? kurban.status : 'missing',
        transfers: decrees?.status ?? 'not-entered',
        overrides: overrides.filter((o) => yearOf(o.date) === year).length,
      };
    },
    plannedResultDate: (acceptanceDate, workingDays, { acceptanceDayCounts }) => {
      if (!Number.isInteger(workingDays) || workingDays < 1) return { ok: false, error: { kind: 'invalid-count', value: workingDays } };
      if (!covers(yearOf(acceptanceDate))) return outside(yearOf(acceptanceDate));
      // Counting over (from, result]: starting the day before acceptance makes the acceptance day
      // day 1 when it is a working day, and changes nothing when it is not.
      return addWorkingDays(acceptanceDayCounts ? addDays(acceptanceDate, -1) : acceptanceDate, workingDays);
    },
  };
}
