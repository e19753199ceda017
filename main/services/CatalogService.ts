import type { Catalog, CatalogEntry } from '../../core/catalog/catalogSchema';
import { isServiceOfferedTo } from '../../core/catalog/servicesFor';
import type { CatalogApi, ServiceSummary } from '../../core/contract/catalog';
import type { NotSignedIn } from '../../core/contract/common';
import type { Result } from '../../core/result';
import type { OperatorSession } from './OperatorSession';

export class CatalogService implements CatalogApi {
  constructor(
    private readonly catalog: Catalog,
    private readonly session: OperatorSession,
  ) {}

  async listServices(): Promise<Result<readonly ServiceSummary[], NotSignedIn>> {
    const active = this.session.require();
    if (!active.ok) return active;
    return { ok: true, value: this.catalog.services.filter((s) => isServiceOfferedTo(s, active.value.operator)) };
  }

  /** The entry if it exists and this operator may accept it. */
  findOffered(serviceId: string): CatalogEntry | null {
    const operator = this.session.current()?.operator;
    const service = this.catalog.services.find((s) => s.id === serviceId);
    return operator && service && isServiceOfferedTo(service, operator) ? service : null;
  }
}
