import type { RepresentativeCard, RepresentativeError, RepresentativeQuery } from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectRepresentativeQuery } from './representativeSelectors';

export type PoaKind = RepresentativeQuery['powerOfAttorney']['kind'];

/** The draft a representative answer belongs to: another service or another applicant answer makes it stale. */
export interface RepresentativeContext {
  readonly serviceId: string;
  readonly applicantSnapshotId: string;
}

export type RepresentativeLookup =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly context: RepresentativeContext }
  | { readonly kind: 'found'; readonly context: RepresentativeContext; readonly card: RepresentativeCard }
  | { readonly kind: 'failed'; readonly context: RepresentativeContext; readonly error: RepresentativeError };

export interface RepresentativeState {
  /** The operator ticked "the applicant is represented"; unticked (in person) by default. */
  readonly isRepresented: boolean;
  readonly representativeIinInput: string;
  /** [14] only: notarised → number entered and checked in БНАЖ; other → no PoA data at all. */
  readonly poaKind: PoaKind;
  readonly poaNumberInput: string;
  /** Set by a check attempt: from then on incomplete fields are reported, not just counted. */
  readonly isRepresentativeSubmitted: boolean;
  /** Always about the fields currently typed: editing any of them returns it to idle. */
  readonly representativeLookup: RepresentativeLookup;
}

export interface RepresentativeActions {
  /** Unticking forgets everything typed about the representative: it is not part of the application. */
  setRepresented(isRepresented: boolean): void;
  editRepresentativeIin(value: string): void;
  choosePoaKind(kind: PoaKind): void;
  editPoaNumber(value: string): void;
  /**
   * Checks the fields locally, then asks main (individuals registry, and БНАЖ for a notarised PoA).
   * Null when nothing was sent because a field is incomplete; an answer for fields no longer on
   * screen is dropped.
   */
  lookupRepresentative(): Promise<Result<RepresentativeCard, RepresentativeError> | null>;
  /** Back to "applies in person"; called when the applicant changes, too. */
  clearRepresentative(): void;
}

export type RepresentativeSlice = RepresentativeState & RepresentativeActions;

const IDLE: RepresentativeLookup = { kind: 'idle' };

export const representativeInitialState: RepresentativeState = {
  isRepresented: false,
  representativeIinInput: '',
  poaKind: 'notarised',
  poaNumberInput: '',
  isRepresentativeSubmitted: false,
  representativeLookup: IDLE,
};

function isSameQuery(a: RepresentativeQuery | null, b: RepresentativeQuery): boolean {
  if (a === null) return false;
  const sameNumber =
    a.powerOfAttorney.kind === 'notarised'
      ? b.powerOfAttorney.kind === 'notarised' && a.powerOfAttorney.number === b.powerOfAttorney.number
      : b.powerOfAttorney.kind === 'other';
  return a.serviceId === b.serviceId && a.applicantSnapshotId === b.applicantSnapshotId && a.iin === b.iin && sameNumber;
}

export const createRepresentativeSlice: SliceCreator<RepresentativeSlice> = ({ set, get, api }) => ({
  ...representativeInitialState,

  setRepresented(isRepresented) {
    if (isRepresented === get().isRepresented) return;
    set(isRepresented ? { isRepresented: true } : representativeInitialState);
  },

  editRepresentativeIin(value) {
    if (value === get().representativeIinInput) return;
    set({ representativeIinInput: value, isRepresentativeSubmitted: false, representativeLookup: IDLE });
  },

  choosePoaKind(kind) {
    if (kind === get().poaKind) return;
    // A PoA certified otherwise has no data to enter, so a number typed for the other choice goes.
    set({ poaKind: kind, poaNumberInput: '', isRepresentativeSubmitted: false, representativeLookup: IDLE });
  },

  editPoaNumber(value) {
    if (value === get().poaNumberInput) return;
    set({ poaNumberInput: value, isRepresentativeSubmitted: false, representativeLookup: IDLE });
  },

  async lookupRepresentative() {
    const before = get();
    set({ isRepresentativeSubmitted: true });
    const query = selectRepresentativeQuery(before);
    if (query === null) return null;

    const context: RepresentativeContext = { serviceId: query.serviceId, applicantSnapshotId: query.applicantSnapshotId };
    set({ representativeLookup: { kind: 'busy', context } });
    const result = await api.registry.lookupRepresentative(query);

    const after = get();
    const isStillAsked = after.citizenDataEpoch === before.citizenDataEpoch && isSameQuery(selectRepresentativeQuery(after), query);
    if (!isStillAsked) return result;

    if (result.ok) {
      set({ representativeLookup: { kind: 'found', context, card: result.value } });
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ representativeLookup: { kind: 'failed', context, error: result.error } });
    }
    return result;
  },

  clearRepresentative() {
    set(representativeInitialState);
  },
});
