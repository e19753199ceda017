import type { Translator } from '../../i18n/translator';

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** When an unfinished application was started: HH:MM today (the usual case), with the date on another day. */
export function formatStartedAt(isoDateTime: string, now: Date, translator: Pick<Translator, 'formatDateTime'>): string {
  const started = new Date(isoDateTime);
  if (Number.isNaN(started.getTime())) return isoDateTime;
  const isToday = started.getFullYear() === now.getFullYear() && started.getMonth() === now.getMonth() && started.getDate() === now.getDate();
  return isToday ? `${pad2(started.getHours())}:${pad2(started.getMinutes())}` : translator.formatDateTime(isoDateTime);
}
