import type { Result } from '../result';
import type { CatalogEntry } from '../catalog/catalogSchema';
import type { NotSignedIn } from './common';

export type ServiceSummary = CatalogEntry;

export interface CatalogApi {
  /** The services this workstation offers, in catalog order. */
  listServices(): Promise<Result<readonly ServiceSummary[], NotSignedIn>>;
}
