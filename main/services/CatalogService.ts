import type { Catalog, CatalogEntry } from '../../core/catalog/catalogSchema';
import { currentVersions } from '../../core/catalog/currentVersions';
import { computeDeadline } from '../../core/catalog/deadline';
import { isServiceOfferedTo } from '../../core/catalog/servicesFor';
import type { CatalogApi, DeadlinePreview, DeadlinePreviewRequest, ServiceSummary } from '../../core/contract/catalog';
import type { NotSignedIn } from '../../core/contract/common';
import type { Result } from '../../core/result';
import type { Clock } from '../ports/Clock';
import type { CalendarHolder } from './CalendarHolder';
import type { OperatorSession } from './OperatorSession';
import type { SettingsStore } from './SettingsStore';

export class CatalogService implements CatalogApi {
  constructor(
    private readonly catalog: Catalog,
    private readonly session: OperatorSession,
    private readonly settings: SettingsStore,
    private readonly calendar: CalendarHolder,
    private readonly clock: Clock,
  ) {}

  async listServices(): Promise<Result<readonly ServiceSummary[], NotSignedIn>> {
    const all = await this.listAllVersions();
    if (!all.ok) return all;
    return { ok: true, value: currentVersions(all.value, this.settings.currentServiceVersions()) };
  }

  async listAllVersions(): Promise<Result<readonly ServiceSummary[], NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    return { ok: true, value: this.catalog.services.filter((s) => isServiceOfferedTo(s, active.value.operator)) };
  }

  async previewDeadline(request: DeadlinePreviewRequest): Promise<Result<DeadlinePreview, NotSignedIn | { readonly kind: 'unknown-service' }>> {
    const active = this.session.require();
    if (!active.ok) return active;
    const service = this.findOffered(request.serviceId);
    if (!service) return { ok: false, error: { kind: 'unknown-service' } };
    return { ok: true, value: this.deadlineFor(service, request.subtype, this.clock.now().toISOString()) };
  }

  /**
   * The planned date for an acceptance at `acceptedAtIso`. A date the calendar cannot compute
   * (a year it has no data for) is reported as no planned date rather than a guess.
   */
  deadlineFor(service: CatalogEntry, subtype: DeadlinePreviewRequest['subtype'], acceptedAtIso: string): DeadlinePreview {
    const deadline = computeDeadline(service, subtype, acceptedAtIso, this.calendar.current());
    if (deadline.ok) return deadline.value;
    return { acceptedOn: acceptedAtIso.slice(0, 10), workingDays: null, plannedResultDate: null, acceptanceDayCounts: service.acceptanceDayCounts ?? false };
  }

  /** The entry if it exists, is offered at this operator's workplace and is the current version of its activity. */
  findOffered(serviceId: string): CatalogEntry | null {
    const operator = this.session.current()?.operator;
    if (!operator) return null;
    const offered = currentVersions(
      this.catalog.services.filter((s) => isServiceOfferedTo(s, operator)),
      this.settings.currentServiceVersions(),
    );
    return offered.find((s) => s.id === serviceId) ?? null;
  }

  /** Any version of an activity (for the settings screen), regardless of which is current. */
  findVersion(activityId: string, serviceId: string): CatalogEntry | null {
    return this.catalog.services.find((s) => s.id === serviceId && s.activityId === activityId) ?? null;
  }
}
