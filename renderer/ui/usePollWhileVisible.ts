import { useEffect } from 'react';
import { useRunAction } from './useRunAction';

/**
 * Calls `load` at once, then `intervalMs` after each answer (never two calls at a time, however slow
 * main is), while the calling component is mounted. Paused while the window is hidden and resumed
 * with an immediate call when it shows again. `load` must be stable (a store action).
 */
export function usePollWhileVisible(load: () => Promise<unknown>, intervalMs: number): void {
  const run = useRunAction();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let isLoading = false;
    let isStopped = false;

    function schedule() {
      if (!isStopped && !document.hidden && timer === null) timer = setTimeout(poll, intervalMs);
    }

    function poll() {
      timer = null;
      if (isStopped || isLoading || document.hidden) return;
      isLoading = true;
      run(
        load().finally(() => {
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
  }, [load, run, intervalMs]);
}
