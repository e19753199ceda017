import { useWorkstation } from '../../store/StoreProvider';
import { usePollWhileVisible } from '../../ui/usePollWhileVisible';

/** How often the signed-in workspace asks main about connectivity and the outbox. */
export const QUEUE_POLL_MS = 2_500;

/**
 * Polls `queue.status()` while the workspace is on screen (usePollWhileVisible: at once, then after
 * each answer, paused while hidden); stopped when the workspace unmounts, i.e. at logout, lock or an
 * expired session.
 */
export function useQueuePolling(intervalMs: number = QUEUE_POLL_MS): void {
  usePollWhileVisible(useWorkstation((state) => state.refreshQueueStatus), intervalMs);
}
