import { describe, expect, it } from 'vitest';
import kzCalendarJson from '../../resources/calendar/kz-calendar.json';
import { parseCalendarData, parseCalendarOverrides } from './calendarSchema';

/** A deep copy of the shipped data to break in one place. */
function shipped(): typeof kzCalendarJson {
  return structuredClone(kzCalendarJson);
}

function issuesOf(json: unknown): string[] {
  const result = parseCalendarData(json);
  return result.ok ? [] : [...result.error.issues];
}

describe('parseCalendarData', () => {
  it('accepts the shipped resources/calendar/kz-calendar.json', () => {
    const result = parseCalendarData(kzCalendarJson);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.coverage).toEqual({ from: 2018, to: 2027 });
    // 2024 and 2025 transfers are in, 2026 and later are deliberately empty.
    expect(result.value.decreeTransfers.find((y) => y.year === 2024)?.transfers).toHaveLength(2);
    expect(result.value.decreeTransfers.find((y) => y.year === 2025)?.transfers).toHaveLength(2);
    expect(result.value.decreeTransfers.filter((y) => y.year >= 2026).map((y) => [y.year, y.status, y.transfers.length]))
      .toEqual([[2026, 'not-entered', 0], [2027, 'not-entered', 0]]);
    // Religious holidays never move.
    expect(result.value.kurbanAit.movesWhenOnWeekend).toBe(false);
    expect(result.value.fixedHolidays.find((h) => h.id === 'orthodox-christmas')?.movesWhenOnWeekend).toBe(false);
  });

  it('refuses a covered year without a Kurban Ait date', () => {
    const data = shipped();
    data.kurbanAit.dates = data.kurbanAit.dates.filter((k) => k.year !== 2024);
    expect(issuesOf(data)).toEqual(['kurbanAit.dates: covered year 2024 has no Kurban Ait date']);
  });

  it('refuses a Kurban Ait date filed under the wrong year', () => {
    const data = shipped();
    data.kurbanAit.dates[0] = { ...data.kurbanAit.dates[0]!, date: '2019-08-21' };
    expect(issuesOf(data)).toEqual(['kurbanAit.dates.0.date: date 2019-08-21 is not in 2018']);
  });

  it('refuses a transfer date listed twice and a day that does not exist', () => {
    const data = shipped();
    const y2025 = data.decreeTransfers.find((y) => y.year === 2025)!;
    y2025.transfers.push({ date: '2025-01-03', kind: 'working-day', decree: 'dup' });
    expect(issuesOf(data)).toEqual(['decreeTransfers.7.transfers.2.date: date 2025-01-03 listed twice']);
    y2025.transfers[2] = { date: '2025-02-29', kind: 'day-off', decree: 'x' };
    expect(issuesOf(data)).toEqual(['decreeTransfers.7.transfers.2.date: not a calendar date']);
  });

  it('refuses transfers in a year marked not-entered, and a covered year missing from the transfer table', () => {
    const data = shipped();
    data.decreeTransfers.find((y) => y.year === 2026)!.transfers.push({ date: '2026-01-05', kind: 'day-off', decree: 'x' } as never);
    expect(issuesOf(data)).toEqual(['decreeTransfers.8: not-entered year with transfers']);
    const data2 = shipped();
    data2.decreeTransfers = data2.decreeTransfers.filter((y) => y.year !== 2019);
    expect(issuesOf(data2)).toEqual(['decreeTransfers: covered year 2019 has no transfer entry (use status not-entered)']);
  });

  it('refuses 30 February as a fixed holiday', () => {
    const data = shipped();
    data.fixedHolidays[0] = { ...data.fixedHolidays[0]!, month: 2, day: 30 };
    expect(issuesOf(data)).toEqual(['fixedHolidays.0: no such day in a leap year']);
  });
});

describe('parseCalendarOverrides', () => {
  it('accepts a supervisor list', () => {
    const result = parseCalendarOverrides([{ date: '2026-03-16', kind: 'day-off', note: 'Order No. X of 2026' }]);
    expect(result).toEqual({ ok: true, value: [{ date: '2026-03-16', kind: 'day-off', note: 'Order No. X of 2026' }] });
  });

  it('refuses a date entered twice, an empty note, and an unknown kind', () => {
    expect(parseCalendarOverrides([
      { date: '2026-03-16', kind: 'day-off', note: 'a' },
      { date: '2026-03-16', kind: 'working-day', note: 'b' },
    ])).toEqual({ ok: false, error: { kind: 'invalid-overrides', issues: ['1.date: date 2026-03-16 overridden twice'] } });
    expect(parseCalendarOverrides([{ date: '2026-03-16', kind: 'day-off', note: '  ' }]).ok).toBe(false);
    expect(parseCalendarOverrides([{ date: '2026-03-16', kind: 'holiday', note: 'x' }]).ok).toBe(false);
  });
});
