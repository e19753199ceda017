import type { SliceCreator } from '../../store/storeTypes';

export interface ThumbnailsState {
  /**
   * Small JPEGs of the draft's image pages as data URLs, by page id; null when main had none to give.
   * Pictures of the applicant's documents: citizen data, wiped with the rest.
   */
  readonly thumbnails: Readonly<Record<string, string | null>>;
}

export interface ThumbnailsActions {
  /** Fetches the thumbnails of image pages not loaded yet, one at a time (main's image worker is busy with the scan). */
  loadThumbnails(): Promise<void>;
  /** Fetches one page's thumbnail again, e.g. after a rotation changed the picture but not the page. */
  reloadThumbnail(pageId: string): Promise<void>;
}

export type ThumbnailsSlice = ThumbnailsState & ThumbnailsActions;

export const thumbnailsInitialState: ThumbnailsState = { thumbnails: {} };

export const createThumbnailsSlice: SliceCreator<ThumbnailsSlice> = ({ set, get, api }) => {
  /** Pages whose thumbnail is being fetched, so overlapping loads do not ask twice. */
  const pending = new Set<string>();

  async function fetchThumbnail(draftId: string, pageId: string, epoch: number): Promise<boolean> {
    pending.add(pageId);
    const result = await api.drafts.pageThumbnail(draftId, pageId);
    pending.delete(pageId);
    if (get().citizenDataEpoch !== epoch || get().draft?.draftId !== draftId) return false;
    if (!result.ok && result.error.kind === 'not-signed-in') {
      get().endExpiredSession();
      return false;
    }
    set({ thumbnails: { ...get().thumbnails, [pageId]: result.ok ? result.value : null } });
    return true;
  }

  return {
    ...thumbnailsInitialState,

    async loadThumbnails() {
      const { draft, citizenDataEpoch } = get();
      if (!draft) return;
      const missing = draft.slots
        .flatMap((slot) => slot.pages)
        .filter((page) => page.kind === 'image' && !(page.pageId in get().thumbnails) && !pending.has(page.pageId));
      for (const page of missing) {
        if (!(await fetchThumbnail(draft.draftId, page.pageId, citizenDataEpoch))) return;
      }
    },

    async reloadThumbnail(pageId) {
      const { draft, citizenDataEpoch } = get();
      if (draft) await fetchThumbnail(draft.draftId, pageId, citizenDataEpoch);
    },
  };
};
