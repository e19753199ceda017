import type { ApplicationSubtype } from '../backendApi/wire';
import { toKzLocalDate } from '../calendar/kzLocalDate';
import type { CalendarError, WorkingDayCalendar } from '../calendar/workingDays';
import type { Result } from '../result';
import type { CatalogEntry } from './catalogSchema';

export interface Deadline {
  readonly acceptedOn: string;
  readonly workingDays: number | null;
  readonly plannedResultDate: string | null;
  readonly acceptanceDayCounts: boolean;
}

export type DeadlineError = CalendarError | { readonly kind: 'invalid-instant'; readonly value: string };

/**
 * The planned result date of an application accepted at `acceptedAtIso`: the subtype's working
 * days from the catalog counted on the Kazakhstan calendar. Where the regulation is silent on the
 * acceptance day it is not counted: DESIGN.md §1 step 8 and the 2014 rule («құжаттарды қабылдау
 * күні мемлекеттік қызметті көрсету мерзіміне кірмейді», seed 002_…, п. 7). A subtype with no
 * stated deadline has no planned date.
 */
export function computeDeadline(
  service: CatalogEntry,
  subtype: ApplicationSubtype,
  acceptedAtIso: string,
  calendar: WorkingDayCalendar,
): Result<Deadline, DeadlineError> {
  const acceptedOn = toKzLocalDate(acceptedAtIso);
  if (!acceptedOn.ok) return acceptedOn;
  const acceptanceDayCounts = service.acceptanceDayCounts ?? false;
  const workingDays = service.subtypes.find((s) => s.id === subtype)?.deadlineWorkingDays ?? null;
  if (workingDays === null) return { ok: true, value: { acceptedOn: acceptedOn.value, workingDays, plannedResultDate: null, acceptanceDayCounts } };
  const planned = calendar.plannedResultDate(acceptedOn.value, workingDays, { acceptanceDayCounts });
  if (!planned.ok) return planned;
  return { ok: true, value: { acceptedOn: acceptedOn.value, workingDays, plannedResultDate: planned.value, acceptanceDayCounts } };
}
