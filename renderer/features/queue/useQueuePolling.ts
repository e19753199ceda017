import { useEffect } from 'react';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';

/** How often the signed-in workspace asks main about connectivity and the outbox. */
export const QUEUE_POLL_MS = 2_500;

/**
 * Polls `queue.status()` while the workspace is on screen: at once, then QUEUE_POLL_MS after each
 * answer (never two calls at a time, however slow main is). Paused while the window is hidden and
 * resumed with an immediate poll when it shows again; stopped when the workspace unmounts, i.e. at
 * logout, lock or an expired session.
 */
export function useQueuePolling(intervalMs: number = QUEUE_POLL_MS): void {
  const refreshQueueStatus = useWorkstation((state) => state.refreshQueueStatus);
  const run = useRunAction();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let isPolling = false;
    let isStopped = false;

    function schedule() {
      if (!isStopped && !document.hidden && timer === null) timer = setTimeout(poll, intervalMs);
    }

    function poll() {
      timer = null;
      if (isStopped || isPolling || document.hidden) return;
      isPolling = true;
      run(
        refreshQueueStatus().finally(() => {
          isPolling = false;
          schedule();
        }),
      );
    }

    function onVisibilityChange() {
      if (document.hidden) {
        if (timer !== null) clearTimeout(timer);
        timer = null;
      } else {
        poll();
      }
    }

    poll();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      isStopped = true;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [refreshQueueStatus, run, intervalMs]);
}
