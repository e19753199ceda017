// The weekend rule from the law alone (no decrees), compared with the observed days that
// vacanza/holidays asserts for Kazakhstan (tests/countries/test_kazakhstan.py, test_observed),
// plus the years since, derived by hand from the weekdays.
import { describe, expect, it } from 'vitest';
import kzCalendarJson from '../../resources/calendar/kz-calendar.json';
import { parseCalendarData } from './calendarSchema';
import { holidaysInYear, weekendTransfersForYear } from './holidayRules';
import type { LocalDate } from './localDate';
import { localDate, yearOf } from './localDate';

const parsed = parseCalendarData(kzCalendarJson);
if (!parsed.ok) throw new Error(parsed.error.issues.join('\n'));
const data = parsed.value;

function lawOnlyDaysOff(year: number): string[] {
  const isHoliday = (date: LocalDate) => holidaysInYear(data, yearOf(date)).has(date);
  return [...weekendTransfersForYear(holidaysInYear(data, year), isHoliday).keys()].sort();
}

describe('weekendTransfersForYear (law only)', () => {
  it.each([
    // Sat 1 Dec → Mon 3; Sun 16 Dec (Mon 17 is a holiday) → Tue 18.
    [2018, ['2018-12-03', '2018-12-18']],
    // Sat 23 Mar → Mon 25; Sat 6 Jul → Mon 8; Sun 1 Dec → Mon 2.
    [2019, ['2019-03-25', '2019-07-08', '2019-12-02']],
    // Sun 8 Mar → 9; Nauryz Sat–Mon → Tue 24, Wed 25; Sat 9 May → Mon 11 (later undone by decree); Sun 30 Aug → 31.
    [2020, ['2020-03-09', '2020-03-24', '2020-03-25', '2020-05-11', '2020-08-31']],
    // Sat 2 Jan → Mon 4; Sun 21 Mar (22, 23 holidays) → Wed 24; Sat 1 May → Mon 3; Sun 9 May → Mon 10.
    [2021, ['2021-01-04', '2021-03-24', '2021-05-03', '2021-05-10']],
    // Sat 1 + Sun 2 Jan → Mon 3, Tue 4; Sun 1 May → Mon 2; Sat 7 May (Mon 9 is Victory Day) → Tue 10.
    [2022, ['2022-01-03', '2022-01-04', '2022-05-02', '2022-05-10']],
    // Sun 1 Jan (Mon 2 a holiday) → Tue 3; Sun 7 May → Mon 8; Sat 16 Dec → Mon 18. Sat 7 Jan (Christmas) and Wed 28 Jun (Kurban Ait): none.
    [2023, ['2023-01-03', '2023-05-08', '2023-12-18']],
    // Sat 23 Mar → Mon 25; Sat 6 Jul → Mon 8. Sun 7 Jan (Christmas) and Sun 16 Jun (Kurban Ait) are not moved.
    [2024, ['2024-03-25', '2024-07-08']],
    // Sat 8 Mar → Mon 10; Sat 22 + Sun 23 Mar → Mon 24, Tue 25; Sun 6 Jul → Mon 7; Sat 30 Aug → Mon 1 Sep; Sat 25 Oct → Mon 27.
    [2025, ['2025-03-10', '2025-03-24', '2025-03-25', '2025-07-07', '2025-09-01', '2025-10-27']],
  ])('%i', (year, expected) => {
    expect(lawOnlyDaysOff(year)).toEqual(expected);
  });
});

describe('holidaysInYear', () => {
  it('2021 still has 1 Dec and 17 Dec; 2022 has neither but has 25 Oct', () => {
    const h21 = holidaysInYear(data, 2021);
    const h22 = holidaysInYear(data, 2022);
    expect([h21.has(localDate('2021-12-01')), h21.has(localDate('2021-12-17')), h21.has(localDate('2021-10-25'))]).toEqual([true, true, false]);
    expect([h22.has(localDate('2022-12-01')), h22.has(localDate('2022-12-17')), h22.has(localDate('2022-10-25'))]).toEqual([false, false, true]);
  });

  it('2025 has 15 holiday dates: 14 fixed and Kurban Ait', () => {
    // 1, 2, 7 Jan; 8, 21, 22, 23 Mar; 1, 7, 9 May; 6 Jul; 30 Aug; 25 Oct; 16 Dec; 6 Jun (Kurban Ait) = 15.
    expect(holidaysInYear(data, 2025).size).toBe(15);
  });
});
