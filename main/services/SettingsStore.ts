import { z } from 'zod';
import { calendarOverridesSchema, type CalendarOverride } from '../../core/calendar/calendarSchema';
import {
  IDLE_LOCK_MINUTES,
  RETENTION_DAYS,
  idleLockMinutesSchema,
  retentionDaysSchema,
  type BackendConnectionSettings,
  type LockedSettings,
  type SupervisorSettings,
} from '../../core/contract/settings';
import type { AdminConfig } from '../config/adminConfig';
import { savedBackendConnectionSchema, type BackendConnectionChoice, type SavedBackendConnection } from '../config/backendConnection';
import type { SqlJsDatabase } from '../db/SqlJsDatabase';
import { getSetting, putSetting } from '../db/settings';

const VERSIONS_KEY = 'catalog.currentVersions';
const OVERRIDES_KEY = 'calendar.overrides';
const IDLE_LOCK_KEY = 'session.idleLockMinutes';
const RETENTION_KEY = 'retention.days';
/** Read before the backend is built (main/app.ts), so it must stay readable without the store. */
export const BACKEND_CONNECTION_KEY = 'backend.connection';

export interface SettingsStoreOptions {
  /** The administrator's file: its values win and are reported as locked. */
  readonly admin?: AdminConfig | null;
  /** The backend section built from the saved choice: what is active now and whether a restart is needed. */
  readonly describeBackend?: (saved: SavedBackendConnection | null) => BackendConnectionSettings;
  /** The environment variable that fixed the backend connection (PSC_BACKEND_URL), when the admin file did not. */
  readonly backendLockedBy?: string | null;
  /** The backend choice in force at the next start for a saved setting (admin file and environment applied). */
  readonly resolveBackend?: (saved: SavedBackendConnection | null) => BackendConnectionChoice;
}
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
    private readonly options: SettingsStoreOptions = {},
  ) {}

  read(): SupervisorSettings {
    return {
      currentServiceVersions: this.currentServiceVersions(),
      calendarOverrides: this.calendarOverrides(),
      idleLockMinutes: this.idleLockMinutes(),
      retentionDays: this.retentionDays(),
      backendConnection: (this.options.describeBackend ?? describeEmbeddedOnly)(this.savedBackendConnection()),
      locked: this.locked(),
    };
  }

  idleLockMinutes(): number {
    return this.options.admin?.idleLockMinutes ?? this.parsed(IDLE_LOCK_KEY, idleLockMinutesSchema, IDLE_LOCK_MINUTES.default);
  }

  /** The retention period in force: the admin file's, else the supervisor's, else the default. */
  retentionDays(): number {
    return this.options.admin?.retentionDays ?? this.parsed(RETENTION_KEY, retentionDaysSchema, RETENTION_DAYS.default);
  }

  savedBackendConnection(): SavedBackendConnection | null {
    return this.parsed(BACKEND_CONNECTION_KEY, savedBackendConnectionSchema.nullable(), null);
  }

  /** The backend the workstation connects to at the next start: what "keep the current CA bundle" refers to. */
  backendChoice(): BackendConnectionChoice {
    const saved = this.savedBackendConnection();
    if (this.options.resolveBackend) return this.options.resolveBackend(saved);
    return saved ? { url: saved.url, caPem: saved.caBundlePem, pins: saved.pins } : { url: null, caPem: null, pins: [] };
  }

  locked(): LockedSettings {
    const admin = this.options.admin;
    const backendLockedBy = admin?.backend ? admin.file : (this.options.backendLockedBy ?? null);
    const locked = {
      backendConnection: backendLockedBy !== null,
      retentionDays: admin?.retentionDays !== undefined,
      idleLockMinutes: admin?.idleLockMinutes !== undefined,
    };
    // One source on screen: the admin file when it locks anything, else whatever locked the backend (or nothing).
    return { ...locked, source: locked.retentionDays || locked.idleLockMinutes ? (admin?.file ?? null) : backendLockedBy };
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

  async setRetentionDays(days: number): Promise<void> {
    await this.db.write((w) => putSetting(w, RETENTION_KEY, JSON.stringify(days)));
    this.changed();
  }

  async setBackendConnection(saved: SavedBackendConnection): Promise<void> {
    await this.db.write((w) => putSetting(w, BACKEND_CONNECTION_KEY, JSON.stringify(saved)));
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
    return readStoredSetting(this.db, key, schema, fallback, this.onUnreadable);
  }
}

/** A setting's JSON parsed with its schema; absent → `fallback`, unreadable → `fallback` after `onUnreadable`. */
function readStoredSetting<T>(db: SqlJsDatabase, key: string, schema: z.ZodType<T>, fallback: T, onUnreadable: (key: string) => void): T {
  const raw = db.read((r) => getSetting(r, key));
  if (raw === null) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: unreadable JSON is reported like a schema failure
  }
  onUnreadable(key);
  return fallback;
}

/**
 * The supervisor's saved backend choice, read before the store exists (the backend is built first).
 * An unreadable value counts as none here; the store reports it when the settings are read.
 */
export function readSavedBackendConnection(db: SqlJsDatabase): SavedBackendConnection | null {
  return readStoredSetting(db, BACKEND_CONNECTION_KEY, savedBackendConnectionSchema.nullable(), null, () => undefined);
}

/** Without a composition root's description (unit tests): the embedded backend, nothing saved differs. */
function describeEmbeddedOnly(saved: SavedBackendConnection | null): BackendConnectionSettings {
  return {
    url: saved?.url ?? null,
    caCertificates: [],
    pins: saved?.pins ?? [],
    active: { url: 'http://127.0.0.1', mode: 'embedded', transport: 'http', pinCount: 0 },
    restartRequired: false,
  };
}
