import type { DeadlinePreview, NotSignedIn } from '../../../core/contract';
import type { ApplicationSubtype } from '../../../core/backendApi/wire';
import type { Result } from '../../../core/result';
import type { SliceCreator } from '../../store/storeTypes';
import { selectDeadlineKey } from './deadlinePreviewSelectors';

/** The service and subtype a preview was computed for. */
export interface DeadlineKey {
  readonly serviceId: string;
  readonly subtype: ApplicationSubtype;
}

export type DeadlinePreviewError = NotSignedIn | { readonly kind: 'unknown-service' };

export type DeadlinePreviewLoad =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly key: DeadlineKey }
  | { readonly kind: 'loaded'; readonly key: DeadlineKey; readonly preview: DeadlinePreview }
  | { readonly kind: 'failed'; readonly key: DeadlineKey; readonly error: DeadlinePreviewError };

export interface DeadlinePreviewState {
  /** The planned result date if the draft were accepted now (DESIGN.md §1 step 8); part of the draft. */
  readonly deadlinePreview: DeadlinePreviewLoad;
}

export interface DeadlinePreviewActions {
  /** Asks main for the planned result date of the chosen service and subtype; null when none is chosen. */
  loadDeadlinePreview(): Promise<Result<DeadlinePreview, DeadlinePreviewError> | null>;
}

export type DeadlinePreviewSlice = DeadlinePreviewState & DeadlinePreviewActions;

export const deadlinePreviewInitialState: DeadlinePreviewState = { deadlinePreview: { kind: 'idle' } };

export const createDeadlinePreviewSlice: SliceCreator<DeadlinePreviewSlice> = ({ set, get, api }) => ({
  ...deadlinePreviewInitialState,

  async loadDeadlinePreview() {
    const before = get();
    const key = selectDeadlineKey(before);
    if (key === null) return null;
    set({ deadlinePreview: { kind: 'loading', key } });
    const result = await api.catalog.previewDeadline(key);

    const after = get();
    const current = selectDeadlineKey(after);
    const isStillAsked =
      after.citizenDataEpoch === before.citizenDataEpoch && current?.serviceId === key.serviceId && current.subtype === key.subtype;
    if (!isStillAsked) return result;

    if (result.ok) set({ deadlinePreview: { kind: 'loaded', key, preview: result.value } });
    else if (result.error.kind === 'not-signed-in') get().endExpiredSession();
    else set({ deadlinePreview: { kind: 'failed', key, error: result.error } });
    return result;
  },
});
