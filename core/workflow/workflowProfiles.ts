/**
 * Diagram No. 2 differs by regulation version (reference/regulations.md §3.3). A workflow profile
 * is the data that captures those differences; `workflowMachine.ts` decides from it which step
 * comes next and which are allowed.
 *
 * Sources: [12] seed 000_633c90a07688dd66.txt (2012, PSC operator); [14] seed
 * 002_9149a4a58fa77cb3.txt (2014, PSC operator); [P] seeds 001_…, 003_…, 004_… (provider employee).
 */
export type WorkflowProfileId = 'psc-2012' | 'psc-2014' | 'provider';

/** The operator's steps after login, W2…W7 of regulations.md §3. */
export type WorkflowStep = 'service' | 'applicant' | 'documents' | 'sign' | 'submit' | 'receipt';

export type RepresentativeRule =
  /** [14] W2: notarised PoA → its data are entered and checked in БНАЖ; otherwise the PoA fields stay empty. */
  | 'notarised-poa-checked'
  /** [12] W3 action table: the representative's data are queried too; the PoA itself is not regulated. */
  | 'registry-only'
  /** [P]: no representative in Diagram No. 2. */
  | 'not-regulated';

export interface WorkflowProfile {
  readonly id: WorkflowProfileId;
  readonly steps: readonly WorkflowStep[];
  readonly representative: RepresentativeRule;
  /** [12]/[14] W4: the operator certifies the request with their EDS; [P] has no signing step. */
  readonly operatorEds: boolean;
  /** [14] W7: the applicant receives a receipt (тізілімдеме) with the acceptance and planned dates. */
  readonly receipt: boolean;
  /** [P] condition 1: a failed login ends with a refusal message (W1-F); [12]/[14] have no such branch. */
  readonly loginFailureIsTerminal: boolean;
}

export const WORKFLOW_PROFILES: { readonly [K in WorkflowProfileId]: WorkflowProfile & { readonly id: K } } = {
  'psc-2012': {
    id: 'psc-2012',
    steps: ['service', 'applicant', 'documents', 'sign', 'submit'],
    representative: 'registry-only',
    operatorEds: true,
    receipt: false,
    loginFailureIsTerminal: false,
  },
  'psc-2014': {
    id: 'psc-2014',
    steps: ['service', 'applicant', 'documents', 'sign', 'submit', 'receipt'],
    representative: 'notarised-poa-checked',
    operatorEds: true,
    receipt: true,
    loginFailureIsTerminal: false,
  },
  provider: {
    id: 'provider',
    steps: ['service', 'applicant', 'documents', 'submit'],
    representative: 'not-regulated',
    operatorEds: false,
    receipt: false,
    loginFailureIsTerminal: true,
  },
};
