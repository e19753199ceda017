import type { StorageStatus } from '../../../core/contract';
import type { SliceCreator } from '../../store/storeTypes';

export interface StorageState {
  /** The local database's health (issue 16): read-only, failed, damage found at start. Machine facts only. */
  readonly storage: StorageStatus | null;
}

export interface StorageActions {
  /** Asks main (available before sign-in; main answers without reading the database). */
  refreshStorage(): Promise<void>;
}

export type StorageSlice = StorageState & StorageActions;

export const createStorageSlice: SliceCreator<StorageSlice> = ({ set, api }) => ({
  storage: null,

  async refreshStorage() {
    const answer = await api.system.storage();
    if (answer.ok) set({ storage: answer.value });
  },
});
