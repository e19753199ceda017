import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalendarData } from '../calendar/calendarSchema';
import { buildCalendar } from '../calendar/workingDays';
import { localDate } from '../calendar/localDate';
import { catalogSchema } from './catalogSchema';
import { computeDeadline } from './deadline';

const catalog = catalogSchema.parse(JSON.parse(readFileSync(new URL('../../resources/catalog/services.json', import.meta.url), 'utf8')));
const data = parseCalendarData(JSON.parse(readFileSync(new URL('../../resources/calendar/kz-calendar.json', import.meta.url), 'utf8')));
if (!data.ok) throw new Error('calendar data invalid');
const calendar = buildCalendar(data.value, []);
const service = (id: string) => catalog.services.find((s) => s.id === id)!;

describe('computeDeadline', () => {
  it('counts 15 working days for a 2014 casino licence, acceptance day excluded (seed 002_…, 2-қосымша, п. 7)', () => {
    // Accepted Wed 2025-03-12 10:00 in Astana. Working days after it: Mar 13,14,17,18,19,20, then Nauryz
    // Mar 21 (Fri) and Mar 22–23 (weekend) → weekend rule gives Mar 24 and 25 off; then 26,27,28,31, Apr 1,2,3,4,7.
    expect(computeDeadline(service('002-a2-casino-2014'), 'issue', '2025-03-12T05:00:00Z', calendar)).toEqual({
      ok: true,
      value: { acceptedOn: '2025-03-12', workingDays: 15, plannedResultDate: '2025-04-07', acceptanceDayCounts: false },
    });
  });

  it('uses the Kazakhstan date of the acceptance instant, not UTC', () => {
    // 2025-03-12T20:00Z is already Thursday 13 March 01:00 in Astana (UTC+5).
    const late = computeDeadline(service('002-a2-casino-2014'), 'duplicate', '2025-03-12T20:00:00Z', calendar);
    expect(late).toMatchObject({ ok: true, value: { acceptedOn: '2025-03-13', workingDays: 2, plannedResultDate: '2025-03-17' } });
  });

  it('gives no planned date where the regulation states no deadline (seed 004_…)', () => {
    expect(computeDeadline(service('004-a2-poisons-2012'), 'issue', '2025-03-12T05:00:00Z', calendar)).toMatchObject({
      ok: true,
      value: { workingDays: null, plannedResultDate: null },
    });
  });

  it('honours a supervisor override (a 2026 decree day off)', () => {
    const withOverride = buildCalendar(data.value, [{ date: localDate('2026-11-24'), kind: 'day-off', note: 'decree' }]);
    const base = computeDeadline(service('002-a2-casino-2014'), 'duplicate', '2026-11-23T05:00:00Z', calendar);
    const moved = computeDeadline(service('002-a2-casino-2014'), 'duplicate', '2026-11-23T05:00:00Z', withOverride);
    expect(base).toMatchObject({ ok: true, value: { plannedResultDate: '2026-11-25' } });
    expect(moved).toMatchObject({ ok: true, value: { plannedResultDate: '2026-11-26' } });
  });
});
