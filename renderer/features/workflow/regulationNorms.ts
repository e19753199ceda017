/**
 * Norm times per counter step, as printed in the action tables of each regulation
 * (reference/regulations.md §3.2). A step the regulation gives no time for has none here: the
 * step bar then shows nothing rather than a made-up figure.
 *
 * Mapping of our steps to the regulation's: service = W2 "service + form"; applicant = W3
 * "query"; documents = W4 "mark + scan + attach (+EDS)"; review = W5 "send" (only [12] has a
 * send step). [P4]'s W4 cell is truncated in the source, and [14] has no action tables at all,
 * only the overall cap «сұрауын өңдеу ұзақтығы – 15 минут» (W0).
 */
import type { ApplicationStep } from './applicationSteps';

/** Regulation versions (regulations.md, "Version tags"), identified by the seed file of the act. */
export type RegulationSet = '12' | '14' | 'P1' | 'P3' | 'P4';

const SET_BY_SEED_PREFIX: Readonly<Record<string, RegulationSet>> = {
  '000': '12',
  '001': 'P1',
  '002': '14',
  '003': 'P3',
  '004': 'P4',
};

export function regulationSetOf(seedFile: string): RegulationSet | null {
  return SET_BY_SEED_PREFIX[seedFile.slice(0, 3)] ?? null;
}

/** A printed duration: a single figure (`toSeconds` absent) or a range such as «10–15 сек». */
export interface NormDuration {
  readonly fromSeconds: number;
  readonly toSeconds?: number;
}

const STEP_NORMS: Readonly<Record<RegulationSet, Partial<Readonly<Record<ApplicationStep, NormDuration>>>>> = {
  '12': {
    service: { fromSeconds: 30 },
    applicant: { fromSeconds: 30 },
    documents: { fromSeconds: 30 },
    review: { fromSeconds: 30, toSeconds: 300 },
  },
  P1: { service: { fromSeconds: 90 }, applicant: { fromSeconds: 90 }, documents: { fromSeconds: 10, toSeconds: 15 } },
  P3: { service: { fromSeconds: 90 }, applicant: { fromSeconds: 90 }, documents: { fromSeconds: 10, toSeconds: 15 } },
  P4: { service: { fromSeconds: 90 }, applicant: { fromSeconds: 90 } },
  '14': {},
};

/** [14] caps the processing of one request at the ХҚО as a whole. */
const REQUEST_CAP_MINUTES: Partial<Readonly<Record<RegulationSet, number>>> = { '14': 15 };

export function stepNormOf(seedFile: string, step: ApplicationStep): NormDuration | null {
  const set = regulationSetOf(seedFile);
  return set ? (STEP_NORMS[set][step] ?? null) : null;
}

export function requestCapMinutesOf(seedFile: string): number | null {
  const set = regulationSetOf(seedFile);
  return set ? (REQUEST_CAP_MINUTES[set] ?? null) : null;
}
