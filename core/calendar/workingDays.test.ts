// Real Kazakhstan dates, checked against resources/calendar/kz-calendar.json. Every expectation
// says why; weekdays are given so a reader can check them against any calendar.
import { describe, expect, it } from 'vitest';
import kzCalendarJson from '../../resources/calendar/kz-calendar.json';
import type { CalendarOverride } from './calendarSchema';
import { parseCalendarData } from './calendarSchema';
import type { LocalDate } from './localDate';
import { localDate } from './localDate';
import { buildCalendar } from './workingDays';

const parsed = parseCalendarData(kzCalendarJson);
if (!parsed.ok) throw new Error(parsed.error.issues.join('\n'));
const data = parsed.value;
const calendar = buildCalendar(data, []);
const d = localDate;
const kindOf = (date: string) => calendar.dayKind(d(date)).kind;
const working = (date: string) => calendar.isWorkingDay(d(date));
const planned = (acceptance: string, n: number, acceptanceDayCounts: boolean) =>
  calendar.plannedResultDate(d(acceptance), n, { acceptanceDayCounts });
const okDate = (value: string) => ({ ok: true, value: value as LocalDate });

describe('New Year', () => {
  it('2024: Mon 1 and Tue 2 Jan are holidays, Wed 3 Jan is a working day', () => {
    expect(kindOf('2024-01-01')).toBe('holiday');
    expect(kindOf('2024-01-02')).toBe('holiday');
    expect(kindOf('2024-01-03')).toBe('working');
  });

  it('2025: Wed 1, Thu 2 holidays; Fri 3 Jan off by order No. 436, Sun 5 Jan worked instead', () => {
    expect(kindOf('2025-01-01')).toBe('holiday');
    expect(kindOf('2025-01-02')).toBe('holiday');
    expect(calendar.dayKind(d('2025-01-03'))).toEqual({ kind: 'transferred-day-off', basis: 'decree', decree: 'G24G0000436' });
    expect(working('2025-01-03')).toBe(false);
    expect(kindOf('2025-01-04')).toBe('weekend'); // Saturday stays a day off
    expect(calendar.dayKind(d('2025-01-05'))).toEqual({ kind: 'transferred-working-day', decree: 'G24G0000436' });
    expect(working('2025-01-05')).toBe(true); // a Sunday that is worked
    expect(working('2025-01-06')).toBe(true); // Monday
  });

  it('2023: 1 Jan on a Sunday gives Tue 3 Jan off (Mon 2 Jan is itself a holiday)', () => {
    expect(calendar.dayKind(d('2023-01-03'))).toMatchObject({ kind: 'transferred-day-off', basis: 'weekend-rule', replaces: '2023-01-01' });
  });
});

describe('Nauryz and the weekend rule', () => {
  it('2024: Thu 21, Fri 22, Sat 23 March → Sat 23 gives Mon 25 off; Tue 26 works', () => {
    expect(['2024-03-21', '2024-03-22', '2024-03-23'].map(kindOf)).toEqual(['holiday', 'holiday', 'holiday']);
    expect(calendar.dayKind(d('2024-03-25'))).toMatchObject({ kind: 'transferred-day-off', basis: 'weekend-rule', replaces: '2024-03-23' });
    expect(working('2024-03-26')).toBe(true);
  });

  it('2025: Fri 21, Sat 22, Sun 23 March → Mon 24 and Tue 25 off, one per weekend holiday; Wed 26 works', () => {
    expect(calendar.dayKind(d('2025-03-24'))).toMatchObject({ kind: 'transferred-day-off', replaces: '2025-03-22' });
    expect(calendar.dayKind(d('2025-03-25'))).toMatchObject({ kind: 'transferred-day-off', replaces: '2025-03-23' });
    expect(working('2025-03-26')).toBe(true);
  });

  it('2020: Sat 21, Sun 22, Mon 23 March → Tue 24 and Wed 25 off (the day off comes after the whole run)', () => {
    expect(working('2020-03-23')).toBe(false);
    expect(calendar.dayKind(d('2020-03-24'))).toMatchObject({ kind: 'transferred-day-off', replaces: '2020-03-21' });
    expect(calendar.dayKind(d('2020-03-25'))).toMatchObject({ kind: 'transferred-day-off', replaces: '2020-03-22' });
    expect(working('2020-03-26')).toBe(true);
  });

  it('2025: Women\'s Day on Sat 8 March gives Mon 10 March off', () => {
    expect(calendar.dayKind(d('2025-03-10'))).toMatchObject({ kind: 'transferred-day-off', replaces: '2025-03-08' });
  });
});

describe('decree transfers', () => {
  it('2024: Sat 4 May worked, Wed 8 May off, so 7–9 May (Tue–Thu) is a three-day break', () => {
    expect(calendar.dayKind(d('2024-05-04'))).toEqual({ kind: 'transferred-working-day', decree: 'G24G0000109' });
    expect(kindOf('2024-05-07')).toBe('holiday'); // Defender of the Fatherland Day
    expect(calendar.dayKind(d('2024-05-08'))).toEqual({ kind: 'transferred-day-off', basis: 'decree', decree: 'G24G0000109' });
    expect(kindOf('2024-05-09')).toBe('holiday'); // Victory Day
    expect(working('2024-05-10')).toBe(true);
  });

  it('2020: a decree undoes a weekend-rule day: Victory Day on Sat 9 May → Mon 11 May worked, Fri 8 May off', () => {
    expect(working('2020-05-08')).toBe(false);
    expect(calendar.dayKind(d('2020-05-11'))).toEqual({ kind: 'transferred-working-day', decree: 'P1900000820' });
  });
});

describe('religious holidays are not moved (art. 5 of the Law «О праздниках»)', () => {
  it('Orthodox Christmas on Sun 7 Jan 2024: Mon 8 Jan is a working day', () => {
    expect(kindOf('2024-01-07')).toBe('holiday');
    expect(working('2024-01-08')).toBe(true);
  });

  it('Orthodox Christmas on Sat 7 Jan 2023: Mon 9 Jan is a working day', () => {
    expect(working('2023-01-09')).toBe(true);
  });

  it('Kurban Ait on Sun 16 June 2024: Mon 17 June is a working day (Ministry of Labour, 7 June 2024)', () => {
    expect(calendar.dayKind(d('2024-06-16'))).toMatchObject({ kind: 'holiday', name: { en: 'Kurban Ait (Eid al-Adha)' } });
    expect(working('2024-06-17')).toBe(true);
  });

  it('Kurban Ait on Sat 9 July 2022: Mon 11 July is a working day', () => {
    expect(kindOf('2022-07-09')).toBe('holiday');
    expect(working('2022-07-11')).toBe(true);
  });

  it('Kurban Ait 2025 fell on a weekday (Fri 6 June), which is simply a day off', () => {
    expect(kindOf('2025-06-06')).toBe('holiday');
    expect(working('2025-06-09')).toBe(true);
  });
});

describe('Constitution Day', () => {
  it('2025: Sat 30 August → Mon 1 September off', () => {
    expect(calendar.dayKind(d('2025-09-01'))).toMatchObject({ kind: 'transferred-day-off', replaces: '2025-08-30', name: { en: 'Constitution Day' } });
  });

  it('2026: no Constitution Day in the data — Sun 30 Aug is a plain weekend, Mon 31 Aug works, and 15 March is not a holiday', () => {
    expect(kindOf('2026-08-30')).toBe('weekend');
    expect(working('2026-08-31')).toBe(true);
    expect(kindOf('2026-03-15')).toBe('weekend');
    expect(working('2026-03-16')).toBe(true);
  });

  it('2027: 15 March (Monday) is Constitution Day', () => {
    expect(calendar.dayKind(d('2027-03-15'))).toMatchObject({ kind: 'holiday', name: { en: 'Constitution Day' } });
  });
});

describe('supervisor overrides win over everything', () => {
  const overrides: CalendarOverride[] = [
    { date: d('2026-03-16'), kind: 'day-off', note: 'hypothetical 2026 act: Constitution Day observed' },
    { date: d('2026-01-02'), kind: 'working-day', note: 'test: a holiday declared worked' },
    { date: d('2025-01-03'), kind: 'working-day', note: 'test: beats a decree day off' },
    { date: d('2024-03-25'), kind: 'working-day', note: 'test: beats the weekend rule' },
  ];
  const withOverrides = buildCalendar(data, overrides);

  it('turns a working day into a day off and reports the note', () => {
    expect(withOverrides.dayKind(d('2026-03-16'))).toEqual({ kind: 'override', working: false, note: 'hypothetical 2026 act: Constitution Day observed' });
    expect(withOverrides.isWorkingDay(d('2026-03-16'))).toBe(false);
  });

  it('beats a holiday, a decree and the weekend rule', () => {
    expect(withOverrides.isWorkingDay(d('2026-01-02'))).toBe(true);
    expect(withOverrides.isWorkingDay(d('2025-01-03'))).toBe(true);
    expect(withOverrides.isWorkingDay(d('2024-03-25'))).toBe(true);
  });

  it('moves a planned date: Fri 13 Mar 2026 + 1 working day is Mon 16 without, Tue 17 with the override', () => {
    expect(calendar.plannedResultDate(d('2026-03-13'), 1, { acceptanceDayCounts: false })).toEqual(okDate('2026-03-16'));
    expect(withOverrides.plannedResultDate(d('2026-03-13'), 1, { acceptanceDayCounts: false })).toEqual(okDate('2026-03-17'));
  });

  it('is counted in the year status', () => {
    expect(withOverrides.yearStatus(2026)).toEqual({ year: 2026, covered: true, kurbanAit: 'estimated', transfers: 'not-entered', overrides: 2 });
    expect(calendar.yearStatus(2025)).toEqual({ year: 2025, covered: true, kurbanAit: 'official', transfers: 'sourced', overrides: 0 });
  });
});

describe('plannedResultDate', () => {
  it('across Nauryz 2025: accepted Thu 20 Mar, 5 working days', () => {
    // Not counted: 21 (holiday), 22–23 (weekend), 24–25 (weekend-rule days off).
    // Counted: Wed 26 (1), Thu 27 (2), Fri 28 (3), Mon 31 (4), Tue 1 Apr (5).
    expect(planned('2025-03-20', 5, false)).toEqual(okDate('2025-04-01'));
    // Acceptance day counts: Thu 20 (1), 26 (2), 27 (3), 28 (4), Mon 31 (5).
    expect(planned('2025-03-20', 5, true)).toEqual(okDate('2025-03-31'));
  });

  it('across New Year 2025: accepted Tue 31 Dec 2024, 3 working days', () => {
    // 1–2 Jan holidays, Fri 3 decree day off, Sat 4 weekend, Sun 5 worked (1), Mon 6 (2),
    // Tue 7 Orthodox Christmas, Wed 8 (3).
    expect(planned('2024-12-31', 3, false)).toEqual(okDate('2025-01-08'));
    // Tue 31 Dec (1), Sun 5 Jan (2), Mon 6 Jan (3).
    expect(planned('2024-12-31', 3, true)).toEqual(okDate('2025-01-06'));
  });

  it('across the May 2024 transfer: accepted Fri 3 May, 3 working days', () => {
    // Sat 4 worked (1), Sun 5 off, Mon 6 (2), 7 holiday, 8 decree day off, 9 holiday, Fri 10 (3).
    expect(planned('2024-05-03', 3, false)).toEqual(okDate('2024-05-10'));
    // Fri 3 (1), Sat 4 (2), Mon 6 (3).
    expect(planned('2024-05-03', 3, true)).toEqual(okDate('2024-05-06'));
  });

  it('acceptance on a non-working day counts from the next working day, whatever the flag', () => {
    // Sat 23 Mar 2024 is Nauryz; Sun 24 weekend; Mon 25 weekend-rule day off; Tue 26 is day 1.
    expect(planned('2024-03-23', 1, false)).toEqual(okDate('2024-03-26'));
    expect(planned('2024-03-23', 1, true)).toEqual(okDate('2024-03-26'));
  });

  it('a one-day deadline on an ordinary Monday: Tuesday, or the same Monday when the acceptance day counts', () => {
    expect(planned('2025-02-10', 1, false)).toEqual(okDate('2025-02-11'));
    expect(planned('2025-02-10', 1, true)).toEqual(okDate('2025-02-10'));
  });

  it('30 working days from Mon 2 Jun 2025 (microfinance licence, gov.kz service 4491)', () => {
    // June: Tue 3–Thu 5 (3); Fri 6 is Kurban Ait; 9–13 (8); 16–20 (13); 23–27 (18); Mon 30 (19).
    // July: Tue 1–Fri 4 (23); Capital Day falls on Sun 6 Jul, so Mon 7 Jul is off; 8–11 (27); 14, 15, Wed 16 (30).
    expect(calendar.dayKind(d('2025-07-07'))).toMatchObject({ kind: 'transferred-day-off', replaces: '2025-07-06' });
    expect(planned('2025-06-02', 30, false)).toEqual(okDate('2025-07-16'));
  });

  it('fails instead of guessing outside the data (no Kurban Ait date for 2028 or 2017)', () => {
    expect(planned('2027-12-20', 30, false)).toEqual({ ok: false, error: { kind: 'outside-coverage', year: 2028, coverage: { from: 2018, to: 2027 } } });
    expect(planned('2017-12-29', 1, false)).toEqual({ ok: false, error: { kind: 'outside-coverage', year: 2017, coverage: { from: 2018, to: 2027 } } });
  });

  it('refuses a count that is not a positive integer', () => {
    expect(planned('2025-02-10', 0, false)).toEqual({ ok: false, error: { kind: 'invalid-count', value: 0 } });
    expect(planned('2025-02-10', 2.5, false)).toEqual({ ok: false, error: { kind: 'invalid-count', value: 2.5 } });
  });
});

describe('addWorkingDays', () => {
  it('n = 0 returns the start date unchanged, even on a holiday', () => {
    expect(calendar.addWorkingDays(d('2025-01-01'), 0)).toEqual(okDate('2025-01-01'));
  });

  it('from Fri 27 Dec 2024: Mon 30 (1), Tue 31 (2), then the worked Sun 5 Jan 2025 is day 3', () => {
    expect(calendar.addWorkingDays(d('2024-12-27'), 2)).toEqual(okDate('2024-12-31'));
    expect(calendar.addWorkingDays(d('2024-12-27'), 3)).toEqual(okDate('2025-01-05'));
  });

  it('refuses a negative count', () => {
    expect(calendar.addWorkingDays(d('2025-01-01'), -1)).toEqual({ ok: false, error: { kind: 'invalid-count', value: -1 } });
  });
});
