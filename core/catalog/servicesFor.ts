import type { Operator } from '../backendApi/wire';
import type { CatalogEntry } from './catalogSchema';

/**
 * Diagram No. 2 is performed either by a PSC operator or by the provider's employee
 * (reference/regulations.md §1); an operator is offered only the services performed at their workplace.
 */
export function isServiceOfferedTo(service: CatalogEntry, operator: Pick<Operator, 'workplace'>): boolean {
  return operator.workplace.kind === 'psc' ? service.performer === 'psc-operator' : service.performer === 'provider-employee';
}
