import type { DeadlinePreview } from '../../../core/contract';
import type { Translator } from '../../i18n/translator';

/**
 * "31.03.2025 — 15 working days, the acceptance day not counted" (DESIGN.md §1 step 8), or why there
 * is no date: the regulation states no deadline ([P4]), or the calendar does not cover the period.
 */
export function plannedDateText(preview: DeadlinePreview, translator: Pick<Translator, 't' | 'plural' | 'formatDate'>): string {
  const { t } = translator;
  if (preview.workingDays === null) return t('plannedDate.notStated');
  if (preview.plannedResultDate === null) return t('plannedDate.outsideCalendar');
  return translator.plural('plannedDate.value', preview.workingDays, {
    date: translator.formatDate(preview.plannedResultDate),
    acceptance: t(preview.acceptanceDayCounts ? 'plannedDate.acceptanceDayCounted' : 'plannedDate.acceptanceDayNotCounted'),
  });
}
