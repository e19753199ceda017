import type { DeadlinePreview, ServiceSummary } from '../../core/contract';
import type { ApplicationSubtype } from '../../core/backendApi/wire';
import type { CalendarOverride } from '../../core/calendar/calendarSchema';
import { buildCalendar } from '../../core/calendar/workingDays';
import { computeDeadline } from '../../core/catalog/deadline';
import { FAKE_CALENDAR } from './fakeCalendarFixture';

/**
 * What main's catalog.previewDeadline answers: core's computeDeadline on core's calendar (a
 * reduced copy of the shipped data) with the supervisor's overrides. `today` is a Kazakhstan date;
 * the acceptance is placed at 09:20 Almaty time on it.
 */
export function previewDeadlineFor(
  service: ServiceSummary,
  subtype: ApplicationSubtype,
  today: string,
  overrides: readonly CalendarOverride[],
): DeadlinePreview {
  const deadline = computeDeadline(service, subtype, `${today}T09:20:00+05:00`, buildCalendar(FAKE_CALENDAR, overrides));
  if (!deadline.ok) throw new Error(`fake calendar cannot count from ${today}: ${deadline.error.kind}`);
  return deadline.value;
}
