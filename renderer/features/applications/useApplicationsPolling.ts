import { useEffect } from 'react';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';

/**
 * How often the status screen re-reads the list from main. Main polls the backend itself (with
 * backoff); the renderer only picks up what main has learned meanwhile.
 */
export const APPLICATIONS_POLL_MS = 45_000;

/**
 * Loads `submissions.list` at once, then `intervalMs` after each answer (never two at a time),
 * while the status screen is mounted; paused while the window is hidden, resumed with an immediate
 * load when it shows again.
 */
export function useApplicationsPolling(intervalMs: number = APPLICATIONS_POLL_MS): void {
  const loadApplications = useWorkstation((state) => state.loadApplications);
  const run = useRunAction();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let isLoading = false;
    let isStopped = false;

    function schedule() {
      if (!isStopped && !document.hidden && timer === null) timer = setTimeout(load, intervalMs);
    }

    function load() {
      timer = null;
      if (isStopped || isLoading || document.hidden) return;
      isLoading = true;
      run(
        loadApplications().finally(() => {
          isLoading = false;
          schedule();
        }),
      );
    }

    function onVisibilityChange() {
      if (document.hidden) {
        if (timer !== null) clearTimeout(timer);
        timer = null;
      } else {
        load();
      }
    }

    load();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      isStopped = true;
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [loadApplications, run, intervalMs]);
}
