/**
 * The rows of the two CSV exports. Visits: one row per visit step with its seconds and norm.
 * Questionnaire: one row per answer. Both carry numbers, statuses, times and operators — never the
 * applicant's IIN/BIN or name, which the journal does not hold. Times are Kazakhstan local time.
 */
import type { Language } from '../contract/common';
import type { JournalVisit } from '../contract/journal';
import { KZ_TIME_ZONE, toKzLocalDate } from '../calendar/kzLocalDate';
import { buildCsv, type CsvCell } from './csv';

export interface QuestionnaireAnswerRow {
  readonly answeredAt: string;
  readonly serviceId: string | null;
  readonly localNumber: string | null;
  readonly registrationNumber: string | null;
  readonly operatorId: string;
  readonly operatorName: string;
  readonly quality: 0 | 1 | 2;
  readonly accessibility: 0 | 1 | 2;
}

const VISIT_HEADERS: Record<Language, readonly string[]> = {
  kk: ['Күн', 'Келу', 'Түрі', 'Оператор ID', 'Оператор', 'Қызмет', 'Жергілікті нөмір', 'Тіркеу нөмірі', 'Мәртебе', 'Қадам',
    'Қадам басталды (Астана уақыты)', 'Секунд', 'Норма, мин. сек', 'Норма, макс. сек', 'Нормадан асты', 'Барлығы, сек', 'Лимит, мин', 'Лимиттен асты'],
  ru: ['Дата', 'Визит', 'Вид', 'ID оператора', 'Оператор', 'Услуга', 'Локальный номер', 'Регистрационный номер', 'Статус', 'Шаг',
    'Начало шага (время Астаны)', 'Секунды', 'Норма, мин. сек', 'Норма, макс. сек', 'Сверх нормы', 'Всего, сек', 'Лимит, мин', 'Сверх лимита'],
  en: ['Date', 'Visit', 'Kind', 'Operator ID', 'Operator', 'Service', 'Local number', 'Registration number', 'Status', 'Step',
    'Step started (Astana time)', 'Seconds', 'Norm min seconds', 'Norm max seconds', 'Over norm', 'Visit total seconds', 'Budget minutes', 'Over budget'],
};

const QUESTIONNAIRE_HEADERS: Record<Language, readonly string[]> = {
  kk: ['Күн', 'Жауап берілді (Астана уақыты)', 'Қызмет', 'Жергілікті нөмір', 'Тіркеу нөмірі', 'Оператор ID', 'Оператор', 'Сапа (0–2)', 'Қолжетімділік (0–2)'],
  ru: ['Дата', 'Время ответа (время Астаны)', 'Услуга', 'Локальный номер', 'Регистрационный номер', 'ID оператора', 'Оператор', 'Качество (0–2)', 'Доступность (0–2)'],
  en: ['Date', 'Answered (Astana time)', 'Service', 'Local number', 'Registration number', 'Operator ID', 'Operator', 'Quality (0–2)', 'Accessibility (0–2)'],
};

const localDateTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: KZ_TIME_ZONE,
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

/** 'YYYY-MM-DD HH:mm:ss' in Kazakhstan time; empty for an unparseable instant. */
export function kzLocalDateTime(instantIso: string): string {
  const ms = Date.parse(instantIso);
  if (Number.isNaN(ms)) return '';
  const parts = localDateTime.formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}

const kzDay = (instantIso: string): string => {
  const day = toKzLocalDate(instantIso);
  return day.ok ? day.value : '';
};

export function visitsCsv(visits: readonly JournalVisit[], language: Language): string {
  const rows: CsvCell[][] = [[...VISIT_HEADERS[language]]];
  for (const v of visits) {
    for (const s of v.steps) {
      rows.push([
        kzDay(v.startedAt), v.visitId, v.kind, v.operatorId, v.operatorName, v.serviceId, v.localNumber, v.registrationNumber, v.status, s.step,
        kzLocalDateTime(s.startedAt), s.seconds, s.norm?.minSeconds ?? null, s.norm?.maxSeconds ?? null, s.overNorm,
        v.totalSeconds, v.budgetMinutes, v.overBudget,
      ]);
    }
  }
  return buildCsv(rows);
}

export function questionnaireCsv(answers: readonly QuestionnaireAnswerRow[], language: Language): string {
  const rows: CsvCell[][] = [[...QUESTIONNAIRE_HEADERS[language]]];
  for (const a of answers) {
    rows.push([kzDay(a.answeredAt), kzLocalDateTime(a.answeredAt), a.serviceId, a.localNumber, a.registrationNumber, a.operatorId, a.operatorName, a.quality, a.accessibility]);
  }
  return buildCsv(rows);
}

/** ASCII file name for the export, e.g. `journal-visits-2026-11-20_2026-11-21.csv`. */
export function journalCsvFileName(kind: 'visits' | 'questionnaire', from: string, to: string): string {
  return `journal-${kind}-${from}${from === to ? '' : `_${to}`}.csv`;
}
