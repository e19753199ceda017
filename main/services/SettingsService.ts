import type { CalendarOverride } from '../../core/calendar/calendarSchema';
import type { NotSignedIn } from '../../core/contract/common';
import type { SettingsApi, SettingsError, SupervisorSettings } from '../../core/contract/settings';
import type { Result } from '../../core/result';
import type { CatalogService } from './CatalogService';
import type { OperatorSession } from './OperatorSession';
import type { SettingsStore } from './SettingsStore';

export class SettingsService implements SettingsApi {
  constructor(
    private readonly store: SettingsStore,
    private readonly session: OperatorSession,
    private readonly catalog: CatalogService,
  ) {}

  async get(): Promise<Result<SupervisorSettings, NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    return { ok: true, value: this.store.read() };
  }

  async setCurrentServiceVersion(activityId: string, serviceId: string): Promise<Result<SupervisorSettings, SettingsError>> {
    const permitted = this.requireSupervisor();
    if (!permitted.ok) return permitted;
    if (!this.catalog.findVersion(activityId, serviceId)) return { ok: false, error: { kind: 'unknown-service' } };
    await this.store.setCurrentServiceVersion(activityId, serviceId);
    return { ok: true, value: this.store.read() };
  }

  async setCalendarOverrides(overrides: readonly CalendarOverride[]): Promise<Result<SupervisorSettings, SettingsError>> {
    const permitted = this.requireSupervisor();
    if (!permitted.ok) return permitted;
    await this.store.setCalendarOverrides(overrides);
    return { ok: true, value: this.store.read() };
  }

  async setIdleLockMinutes(minutes: number): Promise<Result<SupervisorSettings, SettingsError>> {
    const permitted = this.requireSupervisor();
    if (!permitted.ok) return permitted;
    await this.store.setIdleLockMinutes(minutes);
    return { ok: true, value: this.store.read() };
  }

  private requireSupervisor(): Result<null, SettingsError> {
    const active = this.session.require();
    if (!active.ok) return active;
    if (active.value.operator.role !== 'supervisor') return { ok: false, error: { kind: 'not-permitted' } };
    return { ok: true, value: null };
  }
}
