import { useCallback, useState } from 'react';

/**
 * Starts an action from an event handler or effect. Expected failures come back as Result values
 * and are shown by the component; a rejection is a bug or a lost host, and is rethrown during
 * render so the error boundary shows it (boundaries do not see errors thrown in promises).
 */
export function useRunAction(): (work: Promise<unknown>) => void {
  const [, setCrash] = useState<null>(null);
  return useCallback((work: Promise<unknown>) => {
    work.catch((error: unknown) => {
      setCrash(() => {
        throw error;
      });
    });
  }, []);
}
