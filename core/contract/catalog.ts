import { z } from 'zod';
import type { Result } from '../result';
import { applicationSubtypeSchema } from '../backendApi/wire';
import type { CatalogEntry } from '../catalog/catalogSchema';
import type { NotSignedIn } from './common';

export type ServiceSummary = CatalogEntry;

export const deadlinePreviewRequestSchema = z.object({
  serviceId: z.string().min(1).max(100),
  subtype: applicationSubtypeSchema,
});
export type DeadlinePreviewRequest = z.infer<typeof deadlinePreviewRequestSchema>;

export interface DeadlinePreview {
  /** Today in Kazakhstan, 'YYYY-MM-DD': the acceptance date if the application is accepted now. */
  readonly acceptedOn: string;
  /** Null where the regulation states no deadline for this subtype. */
  readonly workingDays: number | null;
  readonly plannedResultDate: string | null;
  readonly acceptanceDayCounts: boolean;
}

export interface CatalogApi {
  /** The services offered to this operator: their workplace's, in the version marked current in settings, in catalog order. */
  listServices(): Promise<Result<readonly ServiceSummary[], NotSignedIn>>;
  /** Every regulation version of the services of this workplace, current or not (for the settings screen). */
  listAllVersions(): Promise<Result<readonly ServiceSummary[], NotSignedIn>>;
  /** The planned result date if the application were accepted now (working-day calendar, acceptance day per the regulation). */
  previewDeadline(request: DeadlinePreviewRequest): Promise<Result<DeadlinePreview, NotSignedIn | { readonly kind: 'unknown-service' }>>;
}
