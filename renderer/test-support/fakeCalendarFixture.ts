/**
 * A reduced copy of resources/calendar/kz-calendar.json for the fake api (renderer code may not
 * import resources/): the 2025–2026 holidays and transfers, so that the fake's planned result
 * dates come from core's real working-day calendar (core/calendar/workingDays.ts).
 */
import type { CalendarData } from '../../core/calendar/calendarSchema';
import { localDate } from '../../core/calendar/localDate';

const LAW = 'Law «О праздниках в Республике Казахстан» No. 267-II (Z010000267), art. 1';
const always = [{ since: 1991, until: null }];

function holiday(id: string, month: number, day: number, kk: string, ru: string, en: string, movesWhenOnWeekend = true) {
  return { id, month, day, periods: always, movesWhenOnWeekend, name: { kk, ru, en }, source: LAW };
}

export const FAKE_CALENDAR: CalendarData = {
  version: 1,
  coverage: { from: 2025, to: 2026 },
  fixedHolidays: [
    holiday('new-year-1', 1, 1, 'Жаңа жыл', 'Новый год', 'New Year'),
    holiday('new-year-2', 1, 2, 'Жаңа жыл', 'Новый год', 'New Year'),
    holiday('orthodox-christmas', 1, 7, 'Православиелік Рождество', 'Православное Рождество', 'Orthodox Christmas', false),
    holiday('womens-day', 3, 8, 'Халықаралық әйелдер күні', 'Международный женский день', "International Women's Day"),
    holiday('nauryz-1', 3, 21, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz'),
    holiday('nauryz-2', 3, 22, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz'),
    holiday('nauryz-3', 3, 23, 'Наурыз мейрамы', 'Наурыз мейрамы', 'Nauryz'),
    holiday('unity-day', 5, 1, 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', "Kazakhstan People's Unity Day"),
    holiday('defender-day', 5, 7, 'Отан Қорғаушы күні', 'День защитника Отечества', 'Defender of the Fatherland Day'),
    holiday('victory-day', 5, 9, 'Жеңіс күні', 'День Победы', 'Victory Day'),
    holiday('capital-day', 7, 6, 'Астана күні', 'День столицы', 'Capital Day'),
    holiday('republic-day', 10, 25, 'Республика күні', 'День Республики', 'Republic Day'),
    holiday('independence-day-1', 12, 16, 'Тәуелсіздік күні', 'День Независимости', 'Independence Day'),
  ],
  kurbanAit: {
    name: { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait (Eid al-Adha)' },
    movesWhenOnWeekend: false,
    source: 'Labour Code art. 84 para 5',
    dates: [
      { year: 2025, date: localDate('2025-06-06'), status: 'official', source: 'Ministry of Labour, 2025' },
      { year: 2026, date: localDate('2026-05-27'), status: 'estimated', source: 'ДУМК calendar for 2026' },
    ],
  },
  decreeTransfers: [
    {
      year: 2025,
      status: 'sourced',
      sources: ['Order of the Minister of Labour and Social Protection of 21.11.2024 No. 436'],
      transfers: [
        { date: localDate('2025-01-03'), kind: 'day-off', decree: 'G24G0000436' },
        { date: localDate('2025-01-05'), kind: 'working-day', decree: 'G24G0000436' },
      ],
    },
    { year: 2026, status: 'not-entered', sources: [], transfers: [] },
  ],
};
