import type { CalendarData } from '../../core/calendar/calendarSchema';
import { buildCalendar, type WorkingDayCalendar } from '../../core/calendar/workingDays';
import type { SettingsStore } from './SettingsStore';

/** The working-day calendar in force: shipped data plus the supervisor's overrides, rebuilt when they change. */
export class CalendarHolder {
  private calendar: WorkingDayCalendar;

  constructor(
    private readonly data: CalendarData,
    private readonly settings: SettingsStore,
  ) {
    this.calendar = buildCalendar(data, settings.calendarOverrides());
    settings.onDidChange(() => {
      this.calendar = buildCalendar(this.data, this.settings.calendarOverrides());
    });
  }

  current(): WorkingDayCalendar {
    return this.calendar;
  }
}
