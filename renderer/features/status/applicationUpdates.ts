import type { ApplicationSummary } from '../../../core/contract';

/** The list with `next` in place of the application of the same id; the same list when it is not there. */
export function replaceApplicationIn(list: readonly ApplicationSummary[], next: ApplicationSummary): readonly ApplicationSummary[] {
  return list.some((candidate) => candidate.applicationId === next.applicationId)
    ? list.map((candidate) => (candidate.applicationId === next.applicationId ? next : candidate))
    : list;
}

/**
 * After status.result answered ok, main holds the result document (the contract: fetched once and
 * stored), so the local copy may say so without asking main again; hand-over depends on it.
 */
export function withResultStored(application: ApplicationSummary): ApplicationSummary {
  if (application.tracking === null || application.tracking.resultStored) return application;
  return { ...application, tracking: { ...application.tracking, resultAvailable: true, resultStored: true } };
}
