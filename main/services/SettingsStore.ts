import { z } from 'zod';
import { calendarOverridesSchema, type CalendarOverride } from '../../core/calendar/calendarSchema';
import { IDLE_LOCK_MINUTES, idleLockMinutesSchema, type SupervisorSettings } from '../../core/contract/settings';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';

const VERSIONS_KEY = 'catalog.currentVersions';
const OVERRIDES_KEY = 'calendar.overrides';
const IDLE_LOCK_KEY = 'session.idleLockMinutes';
const versionsSchema = z.record(z.string(), z.string());

/**
 * Supervisor settings persisted in the settings table as JSON, parsed on every read: a value that
 * fails its schema (a damaged or hand-edited database) falls back to the default rather than
 * feeding bad data to the calendar or the catalog, and `onUnreadable` reports it.
 */
export class SettingsStore {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: SqlJsDatabase,
    private readonly onUnreadable: (key: string) => void,
  ) {}

  read(): SupervisorSettings {
    return {
      currentServiceVersions: this.currentServiceVersions(),
      calendarOverrides: this.calendarOverrides(),
      idleLockMinutes: this.parsed(IDLE_LOCK_KEY, idleLockMinutesSchema, IDLE_LOCK_MINUTES.default),
    };
  }

  currentServiceVersions(): Readonly<Record<string, string>> {
    return this.parsed(VERSIONS_KEY, versionsSchema, {});
  }

  calendarOverrides(): readonly CalendarOverride[] {
    return this.parsed(OVERRIDES_KEY, calendarOverridesSchema, []);
  }

  async setCurrentServiceVersion(activityId: string, serviceId: string): Promise<void> {
    const next = { ...this.currentServiceVersions(), [activityId]: serviceId };
    await this.db.write((w) => putSetting(w, VERSIONS_KEY, JSON.stringify(next)));
    this.changed();
  }

  async setCalendarOverrides(overrides: readonly CalendarOverride[]): Promise<void> {
    const sorted = [...overrides].sort((a, b) => a.date.localeCompare(b.date));
    await this.db.write((w) => putSetting(w, OVERRIDES_KEY, JSON.stringify(sorted)));
    this.changed();
  }

  async setIdleLockMinutes(minutes: number): Promise<void> {
    await this.db.write((w) => putSetting(w, IDLE_LOCK_KEY, JSON.stringify(minutes)));
    this.changed();
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private parsed<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const raw = this.db.read((r) => getSetting(r, key));
    if (raw === null) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // fall through: unreadable JSON is reported like a schema failure
    }
    this.onUnreadable(key);
    return fallback;
  }
}
