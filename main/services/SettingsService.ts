import type { CalendarOverride } from '../../core/calendar/calendarSchema';
import type { NotSignedIn } from '../../core/contract/common';
import type {
  BackendConnectionCheck,
  BackendConnectionCheckError,
  BackendConnectionInput,
  BackendConnectionProblem,
  LockedSettings,
  SettingsApi,
  SettingsError,
  SupervisorSettings,
  TrustedCaCertificate,
} from '../../core/contract/settings';
import type { Result } from '../../core/result';
import type { AuditLog } from '../audit/AuditLog';
import { isLoopbackUrl } from '../config/backendConnection';
import type { CatalogService } from './CatalogService';
import type { OperatorSession } from './OperatorSession';
import type { SettingsStore } from './SettingsStore';

/** What the settings service needs to judge and try a backend connection (main/adapters/backend/backendTls.ts). */
export interface BackendConnectionTools {
  parseCaBundle(pem: string): Result<readonly TrustedCaCertificate[], { readonly detail: string }>;
  /** Connects to `url` with the given trust settings and reports what it found. */
  probe(url: string, tls: { readonly caPem: string | null; readonly pins: readonly string[] }): Promise<Result<BackendConnectionCheck, BackendConnectionCheckError>>;
  /** Where "no URL" (the embedded backend) is reachable now; null when it is not running. */
  embeddedUrl(): string | null;
}

export class SettingsService implements SettingsApi {
  constructor(
    private readonly store: SettingsStore,
    private readonly session: OperatorSession,
    private readonly catalog: CatalogService,
    private readonly connectionTools: BackendConnectionTools,
    private readonly audit: AuditLog,
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
    const permitted = this.requireChangeable('idleLockMinutes');
    if (!permitted.ok) return permitted;
    await this.store.setIdleLockMinutes(minutes);
    await this.recordChange(permitted.value, 'idleLockMinutes');
    return { ok: true, value: this.store.read() };
  }

  async setRetentionDays(days: number): Promise<Result<SupervisorSettings, SettingsError>> {
    const permitted = this.requireChangeable('retentionDays');
    if (!permitted.ok) return permitted;
    await this.store.setRetentionDays(days);
    await this.recordChange(permitted.value, 'retentionDays');
    return { ok: true, value: this.store.read() };
  }

  async setBackendConnection(input: BackendConnectionInput): Promise<Result<SupervisorSettings, SettingsError>> {
    const permitted = this.requireChangeable('backendConnection');
    if (!permitted.ok) return permitted;
    const caPem = this.caPemOf(input);
    const problem = this.connectionProblem(input.url, caPem, input.pins);
    if (problem) return { ok: false, error: problem };
    await this.store.setBackendConnection({ url: input.url, caBundlePem: caPem, pins: [...input.pins] });
    await this.recordChange(permitted.value, 'backendConnection');
    return { ok: true, value: this.store.read() };
  }

  async checkBackendConnection(input: BackendConnectionInput): Promise<Result<BackendConnectionCheck, BackendConnectionCheckError>> {
    const permitted = this.requireSupervisor();
    if (!permitted.ok) return permitted;
    const caPem = this.caPemOf(input);
    const problem = this.connectionProblem(input.url, caPem, input.pins);
    if (problem) return { ok: false, error: problem };
    const url = input.url ?? this.connectionTools.embeddedUrl();
    if (url === null) return { ok: false, error: { kind: 'unreachable' } };
    return this.connectionTools.probe(url, { caPem, pins: input.pins });
  }

  private caPemOf(input: BackendConnectionInput): string | null {
    switch (input.caBundle.kind) {
      case 'system-trust':
        return null;
      case 'keep-current':
        return this.store.backendChoice().caPem;
      case 'pem':
        return input.caBundle.pem;
    }
  }

  /** The rules a backend connection must meet before it is tried or saved. */
  private connectionProblem(url: string | null, caPem: string | null, pins: readonly string[]): BackendConnectionProblem | null {
    const https = url !== null && url.startsWith('https:');
    if (url !== null && !https && !isLoopbackUrl(url)) return { kind: 'insecure-url' };
    if (pins.length > 0 && !https) return { kind: 'pins-need-https' };
    if (caPem !== null) {
      if (!https) return { kind: 'pins-need-https' };
      const parsed = this.connectionTools.parseCaBundle(caPem);
      if (!parsed.ok) return { kind: 'invalid-ca-bundle', detail: parsed.error.detail };
    }
    return null;
  }

  /** Who changed which setting (never the values: a URL or CA is not secret, but the record stays uniform). */
  private recordChange(operatorId: string, setting: string): Promise<void> {
    return this.audit.record({ operatorId, action: 'settings-change', subject: null, detail: { setting } });
  }

  /** The signed-in supervisor's operator id, unless the administrator locked `setting`. */
  private requireChangeable(setting: keyof Omit<LockedSettings, 'source'>): Result<string, SettingsError> {
    const permitted = this.requireSupervisor();
    if (!permitted.ok) return permitted;
    const locked = this.store.locked();
    return locked[setting] ? { ok: false, error: { kind: 'locked', source: locked.source ?? '' } } : permitted;
  }

  /** The signed-in supervisor's operator id. */
  private requireSupervisor(): Result<string, SettingsError> {
    const active = this.session.require();
    if (!active.ok) return active;
    if (active.value.operator.role !== 'supervisor') return { ok: false, error: { kind: 'not-permitted' } };
    return { ok: true, value: active.value.operator.operatorId };
  }
}
