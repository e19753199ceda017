import type { ApplicantCard, ApplicantQuery, LookupError } from '../../../core/contract';
import type { ApplicantKind } from '../../../core/catalog/catalogSchema';
import { validateKzIdentifier } from '../../../core/identifiers/kzIdentifier';
import { err, type Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectApplicantKind } from './applicantSelectors';

export type ApplicantLookup =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'found'; readonly card: ApplicantCard }
  | { readonly kind: 'failed'; readonly error: LookupError };

export interface ApplicantState {
  /** The operator's explicit choice; null means "the first kind the service allows". */
  readonly chosenApplicantKind: ApplicantKind | null;
  readonly identifierInput: string;
  /** Set by a lookup attempt: from then on an incomplete number is reported, not just counted. */
  readonly isIdentifierSubmitted: boolean;
  /** Always about the identifier currently typed: editing it returns the lookup to idle. */
  readonly lookup: ApplicantLookup;
}

export interface ApplicantActions {
  /** Changing the kind or the number clears the applicant, and with it the representative. */
  chooseApplicantKind(kind: ApplicantKind): void;
  editIdentifier(value: string): void;
  /**
   * Checks the number locally (nothing leaves the workstation for a mistyped IIN/BIN), then asks the
   * registry matching the applicant kind. An answer for a number no longer on screen is dropped.
   */
  lookupApplicant(): Promise<Result<ApplicantCard, LookupError>>;
}

export type ApplicantSlice = ApplicantState & ApplicantActions;

export const applicantInitialState: ApplicantState = {
  chosenApplicantKind: null,
  identifierInput: '',
  isIdentifierSubmitted: false,
  lookup: { kind: 'idle' },
};

function toQuery(kind: ApplicantKind, identifier: string): ApplicantQuery {
  return kind === 'individual' ? { kind, iin: identifier } : { kind, bin: identifier };
}

export const createApplicantSlice: SliceCreator<ApplicantSlice> = ({ set, get, api }) => ({
  ...applicantInitialState,

  chooseApplicantKind(kind) {
    if (selectApplicantKind(get()) === kind) return;
    set({ chosenApplicantKind: kind, identifierInput: '', isIdentifierSubmitted: false, lookup: { kind: 'idle' } });
    get().clearRepresentative();
  },

  editIdentifier(value) {
    if (value === get().identifierInput) return;
    set({ identifierInput: value, isIdentifierSubmitted: false, lookup: { kind: 'idle' } });
    // Whoever represented the previous applicant does not represent the next one.
    get().clearRepresentative();
  },

  async lookupApplicant() {
    const before = get();
    const kind = selectApplicantKind(before);
    const validation = validateKzIdentifier(before.identifierInput);
    set({ isIdentifierSubmitted: true });
    if (kind === null || !validation.ok) return err({ kind: 'invalid-identifier' });

    const identifier = validation.value;
    set({ lookup: { kind: 'busy' } });
    const result = await api.registry.lookupApplicant(toQuery(kind, identifier));

    const after = get();
    const isStillAsked =
      after.citizenDataEpoch === before.citizenDataEpoch &&
      after.identifierInput.trim() === identifier &&
      selectApplicantKind(after) === kind;
    if (!isStillAsked) return result;

    if (result.ok) {
      set({ lookup: { kind: 'found', card: result.value } });
    } else if (result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
    } else {
      set({ lookup: { kind: 'failed', error: result.error } });
    }
    return result;
  },
});
