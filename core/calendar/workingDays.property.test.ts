// Invariants of the calendar over every covered year, with random acceptance dates, counts and
// supervisor overrides (fast-check). They check the counting loop against independent counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kzCalendarJson from '../../resources/calendar/kz-calendar.json';
import type { CalendarOverride } from './calendarSchema';
import { parseCalendarData } from './calendarSchema';
import { holidaysInYear } from './holidayRules';
import type { LocalDate } from './localDate';
import { addDays, fromEpochDay, isWeekend, localDate, toEpochDay } from './localDate';
import type { WorkingDayCalendar } from './workingDays';
import { buildCalendar } from './workingDays';

const parsed = parseCalendarData(kzCalendarJson);
if (!parsed.ok) throw new Error(parsed.error.issues.join('\n'));
const data = parsed.value;
const calendar = buildCalendar(data, []);

// Acceptance dates far enough from the end of 2027 that 60 working days stay inside the coverage.
const FIRST = toEpochDay(localDate('2018-01-01'));
const LAST = toEpochDay(localDate('2027-08-31'));
const acceptance = fc.integer({ min: FIRST, max: LAST }).map(fromEpochDay);
const count = fc.integer({ min: 1, max: 60 });

function unwrap(result: ReturnType<WorkingDayCalendar['addWorkingDays']>): LocalDate {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

/** Working days in (from, to], counted day by day. */
function workingDaysBetween(cal: WorkingDayCalendar, from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (cal.isWorkingDay(day)) n++;
  return n;
}

describe('plannedResultDate properties', () => {
  it('the result is a working day with exactly n working days after the acceptance day', () => {
    fc.assert(fc.property(acceptance, count, (acc, n) => {
      const result = unwrap(calendar.plannedResultDate(acc, n, { acceptanceDayCounts: false }));
      expect(calendar.isWorkingDay(result)).toBe(true);
      expect(workingDaysBetween(calendar, acc, result)).toBe(n);
    }));
  });

  it('with the acceptance day counted, n working days lie in [acceptance, result]', () => {
    fc.assert(fc.property(acceptance, count, (acc, n) => {
      const result = unwrap(calendar.plannedResultDate(acc, n, { acceptanceDayCounts: true }));
      expect(calendar.isWorkingDay(result)).toBe(true);
      expect(workingDaysBetween(calendar, addDays(acc, -1), result)).toBe(n);
    }));
  });

  it('is strictly increasing in n', () => {
    fc.assert(fc.property(acceptance, count, fc.boolean(), (acc, n, counts) => {
      const a = unwrap(calendar.plannedResultDate(acc, n, { acceptanceDayCounts: counts }));
      const b = unwrap(calendar.plannedResultDate(acc, n + 1, { acceptanceDayCounts: counts }));
      expect(a < b).toBe(true);
    }));
  });

  it('counting the acceptance day saves exactly one working day when accepted on a working day, none otherwise', () => {
    fc.assert(fc.property(acceptance, fc.integer({ min: 2, max: 60 }), (acc, n) => {
      const counted = unwrap(calendar.plannedResultDate(acc, n, { acceptanceDayCounts: true }));
      const notCounted = unwrap(calendar.plannedResultDate(acc, n, { acceptanceDayCounts: false }));
      const notCountedMinusOne = unwrap(calendar.plannedResultDate(acc, n - 1, { acceptanceDayCounts: false }));
      expect(counted).toBe(calendar.isWorkingDay(acc) ? notCountedMinusOne : notCounted);
    }));
  });

  it('addWorkingDays composes: (s + a) + b = s + (a + b)', () => {
    fc.assert(fc.property(acceptance, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (s, a, b) => {
      expect(unwrap(calendar.addWorkingDays(unwrap(calendar.addWorkingDays(s, a)), b))).toBe(unwrap(calendar.addWorkingDays(s, a + b)));
    }));
  });

  it('an override day off is never a result; an override working day always is a working day', () => {
    fc.assert(fc.property(acceptance, count, fc.integer({ min: 1, max: 40 }), fc.boolean(), (acc, n, offset, dayOff) => {
      const date = addDays(acc, offset);
      const override: CalendarOverride = { date, kind: dayOff ? 'day-off' : 'working-day', note: 'property test' };
      const cal = buildCalendar(data, [override]);
      expect(cal.isWorkingDay(date)).toBe(!dayOff);
      const result = unwrap(cal.plannedResultDate(acc, n, { acceptanceDayCounts: false }));
      if (dayOff) expect(result).not.toBe(date);
      expect(workingDaysBetween(cal, acc, result)).toBe(n);
    }));
  });
});

describe('calendar invariants per covered year (2018–2027)', () => {
  const years = Array.from({ length: 10 }, (_, i) => 2018 + i);

  // Law only: a decree may undo a weekend-rule day (2020-05-11), so decrees are left out here.
  const lawOnly = buildCalendar({ ...data, decreeTransfers: data.decreeTransfers.map((y) => ({ ...y, transfers: [] })) }, []);

  it.each(years)('%i: one weekend-rule day off per moving holiday that falls on Sat/Sun', (year) => {
    const movingOnWeekend = [...holidaysInYear(data, year)].filter(([date, h]) => h.movesWhenOnWeekend && isWeekend(date)).length;
    let weekendRuleDays = 0;
    for (let day = localDate(`${year}-01-01`); day <= localDate(`${year}-12-31`); day = addDays(day, 1)) {
      const info = lawOnly.dayKind(day);
      if (info.kind === 'transferred-day-off' && info.basis === 'weekend-rule') {
        weekendRuleDays++;
        expect(isWeekend(day)).toBe(false);
      }
    }
    expect(weekendRuleDays).toBe(movingOnWeekend);
  });

  it.each(years)('%i: every decree day off is not worked and every decree working day is worked', (year) => {
    for (const t of data.decreeTransfers.find((y) => y.year === year)?.transfers ?? []) {
      expect(calendar.isWorkingDay(t.date)).toBe(t.kind === 'working-day');
    }
  });
});
