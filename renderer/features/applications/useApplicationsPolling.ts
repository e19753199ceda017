import { useWorkstation } from '../../store/StoreProvider';
import { usePollWhileVisible } from '../../ui/usePollWhileVisible';

/**
 * How often the status screen re-reads the list from main. Main polls the backend itself (with
 * backoff); the renderer only picks up what main has learned meanwhile.
 */
export const APPLICATIONS_POLL_MS = 45_000;

/** Loads `submissions.list` at once and every `intervalMs` after each answer while the status screen is mounted and the window shown. */
export function useApplicationsPolling(intervalMs: number = APPLICATIONS_POLL_MS): void {
  usePollWhileVisible(useWorkstation((state) => state.loadApplications), intervalMs);
}
