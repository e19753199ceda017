import { z } from 'zod';
import type { Result } from '../result';
import { calendarOverridesSchema, type CalendarOverride } from '../calendar/calendarSchema';
import type { NotSignedIn } from './common';

/** Workstation settings a supervisor maintains; every operator may read them. */
export interface SupervisorSettings {
  /** activityId → the catalog id of the regulation version offered at the counter. */
  readonly currentServiceVersions: Readonly<Record<string, string>>;
  /** Government day-off transfers and other corrections of the working-day calendar (e.g. 2026+ decrees). */
  readonly calendarOverrides: readonly CalendarOverride[];
  /** Idle auto-lock: minutes without keyboard or mouse activity before the workstation locks (1–60). */
  readonly idleLockMinutes: number;
}

export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 5 } as const;
export const idleLockMinutesSchema = z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max);

export type SettingsError =
  | NotSignedIn
  /** Only a supervisor may change settings. */
  | { readonly kind: 'not-permitted' }
  | { readonly kind: 'unknown-service' };

export const currentServiceVersionArgs = z.tuple([z.string().min(1).max(100), z.string().min(1).max(100)]);
export const calendarOverridesArgs = z.tuple([calendarOverridesSchema.max(400)]);
export const idleLockMinutesArgs = z.tuple([idleLockMinutesSchema]);

export interface SettingsApi {
  get(): Promise<Result<SupervisorSettings, NotSignedIn>>;
  /** Makes `serviceId` the version of `activityId` that operators are offered. Supervisor only. */
  setCurrentServiceVersion(activityId: string, serviceId: string): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Replaces the calendar overrides (one per date). Supervisor only. */
  setCalendarOverrides(overrides: readonly CalendarOverride[]): Promise<Result<SupervisorSettings, SettingsError>>;
  /** Sets the idle auto-lock timeout in whole minutes (1–60). Supervisor only. */
  setIdleLockMinutes(minutes: number): Promise<Result<SupervisorSettings, SettingsError>>;
}
