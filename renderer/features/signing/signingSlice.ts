import type {
  CertificateCardView,
  KeyInspection,
  KeyOpenProblem,
  NotSignedIn,
  RememberedKey,
  RevocationListStatus,
  SigningMethod,
  SigningProblem,
} from '../../../core/contract';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { checkKeyFileBeforeReading, type KeyFilePickError, type KeyFileSource } from './keyFile';
import { selectKeySource } from './signingSelectors';

export type SigningChoice = SigningMethod['kind'];

/** A key file picked in this session; its bytes are the encrypted PKCS#12, never a decrypted key. */
export interface PickedKey {
  readonly fileName: string;
  readonly path: string | null;
  readonly bytesBase64: string;
}

export type RememberedKeyLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly key: RememberedKey | null };

export type KeyCheck =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'checked'; readonly inspection: KeyInspection }
  | { readonly kind: 'failed'; readonly error: KeyOpenProblem };

export type RevocationLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'loaded'; readonly status: RevocationListStatus };

/**
 * The operator's key (DESIGN.md §5), kept for the session so the next application needs only the
 * password. The password itself is never here: the sign section holds it and hands it to one call.
 */
export interface SigningState {
  readonly signingChoice: SigningChoice;
  readonly rememberedKey: RememberedKeyLoad;
  readonly pickedKey: PickedKey | null;
  readonly keyPickError: KeyFilePickError | null;
  readonly keyCheck: KeyCheck;
  readonly revocation: RevocationLoad;
  /** Bumped whenever the key on screen changes, and at logout: an answer about an earlier key is dropped. */
  readonly keyGeneration: number;
}

/** Why the last submission could not be signed; it belongs to this application, so a new one starts without it. */
export interface SigningAttemptState {
  readonly signingFailure: SigningProblem | null;
  /** The certificate the attempt was refused for, where main read one (NCALayer's key). */
  readonly signingFailureCard: CertificateCardView | null;
}

export interface SigningActions {
  chooseSigningMethod(choice: SigningChoice): void;
  loadRememberedKey(): Promise<void>;
  loadRevocationStatus(): Promise<void>;
  /** Checks the size, reads the bytes and makes it the key on screen; a refused file leaves no key picked. */
  pickKeyFile(file: KeyFileSource): Promise<KeyFilePickError | null>;
  /** Opens the key with `password` in main (for this call only) and shows its certificate; null when there is nothing to check. */
  checkKey(password: string): Promise<Result<KeyInspection, NotSignedIn | KeyOpenProblem> | null>;
  /** The submission's signing-failed problem and the refused key's card (null: a new attempt started). */
  noteSigningFailure(problem: SigningProblem | null, card?: CertificateCardView | null): void;
  /** Logout and lock: nothing of the operator's key outlives the session. */
  clearSigning(): void;
}

export type SigningSlice = SigningState & SigningAttemptState & SigningActions;

export const signingInitialState: SigningState = {
  signingChoice: 'key-file',
  rememberedKey: { kind: 'idle' },
  pickedKey: null,
  keyPickError: null,
  keyCheck: { kind: 'idle' },
  revocation: { kind: 'idle' },
  keyGeneration: 0,
};

export const signingAttemptInitialState: SigningAttemptState = { signingFailure: null, signingFailureCard: null };

const IDLE_CHECK: KeyCheck = { kind: 'idle' };

export const createSigningSlice: SliceCreator<SigningSlice> = ({ set, get, api }) => {
  const nextGeneration = () => get().keyGeneration + 1;

  return {
    ...signingInitialState,
    ...signingAttemptInitialState,

    chooseSigningMethod(choice) {
      if (choice === get().signingChoice) return;
      set({ signingChoice: choice, signingFailure: null, signingFailureCard: null });
    },

    async loadRememberedKey() {
      const operatorId = get().operator?.operatorId;
      set({ rememberedKey: { kind: 'loading' } });
      const result = await api.signing.rememberedKey();
      if (get().operator?.operatorId !== operatorId) return;
      if (result.ok) set({ rememberedKey: { kind: 'loaded', key: result.value } });
      else get().endExpiredSession();
    },

    async loadRevocationStatus() {
      const operatorId = get().operator?.operatorId;
      set({ revocation: { kind: 'loading' } });
      const result = await api.signing.revocationStatus();
      if (get().operator?.operatorId !== operatorId) return;
      if (result.ok) set({ revocation: { kind: 'loaded', status: result.value } });
      else get().endExpiredSession();
    },

    async pickKeyFile(file) {
      const keyGeneration = nextGeneration();
      set({ keyGeneration, pickedKey: null, keyPickError: null, keyCheck: IDLE_CHECK, signingFailure: null, signingFailureCard: null });
      let error = checkKeyFileBeforeReading(file);
      let bytesBase64 = '';
      if (error === null) {
        try {
          bytesBase64 = await file.readBase64();
        } catch {
          error = { kind: 'unreadable', fileName: file.name };
        }
      }
      if (get().keyGeneration !== keyGeneration) return error;
      set(error ? { keyPickError: error } : { pickedKey: { fileName: file.name, path: file.path, bytesBase64 } });
      return error;
    },

    async checkKey(password) {
      const before = get();
      const source = selectKeySource(before);
      if (source === null || password === '' || before.keyCheck.kind === 'busy') return null;
      set({ keyCheck: { kind: 'busy' }, signingFailure: null, signingFailureCard: null });
      const result = await api.signing.inspectKey(source, password);
      if (get().keyGeneration !== before.keyGeneration) return result;
      if (result.ok) set({ keyCheck: { kind: 'checked', inspection: result.value } });
      else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
      else set({ keyCheck: { kind: 'failed', error: result.error } });
      return result;
    },

    noteSigningFailure(problem, card = null) {
      set({ signingFailure: problem, signingFailureCard: problem === null ? null : card });
    },

    clearSigning() {
      set({ ...signingInitialState, ...signingAttemptInitialState, keyGeneration: nextGeneration() });
    },
  };
};
