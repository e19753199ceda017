/**
 * Norm times per counter step, read from the chosen service's catalog entry (`stepNorms`, as
 * printed in the regulation's action table, regulations.md §3.2) and its counter limits. A step the
 * regulation gives no time for shows none: never a made-up figure. Entries without the fields
 * (older catalogs) are treated as giving no norms.
 *
 * Our steps → the regulation's: service = W2 "service + form"; applicant = W3 "query"; documents =
 * W4 "mark + scan + attach (+EDS)"; review = W5 "send" (only [12] has a send step). The W3-F
 * "data cannot be obtained" message has its own norm, shown where the application stops.
 */
import type { CatalogEntry, NormDuration, StepNorms } from '../../../core/catalog/catalogSchema';
import type { ApplicationStep } from './applicationSteps';

/** The catalog fields read here, optional so that an entry without them simply has no norms. */
export interface NormSource {
  readonly stepNorms?: StepNorms | undefined;
  readonly counterLimits?: Partial<CatalogEntry['counterLimits']> | undefined;
}

const NORM_OF_STEP: Readonly<Record<ApplicationStep, keyof StepNorms>> = {
  service: 'service',
  applicant: 'lookup',
  documents: 'documents',
  review: 'send',
};

export function stepNormOf(service: NormSource, step: ApplicationStep): NormDuration | null {
  return service.stepNorms?.[NORM_OF_STEP[step]] ?? null;
}

/** W3-F: the time the regulation gives for the "data cannot be obtained" message. */
export function dataUnavailableNormOf(service: NormSource): NormDuration | null {
  return service.stepNorms?.dataUnavailable ?? null;
}

/** [14] W0 caps the processing of one request at the ХҚО as a whole: «сұрауын өңдеу ұзақтығы – 15 минут». */
export function requestCapMinutesOf(service: NormSource): number | null {
  return service.counterLimits?.requestProcessingMinutes ?? null;
}
