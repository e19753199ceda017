import { useEffect } from 'react';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';

/**
 * What every place that signs needs loaded before the operator types a password: the key file they
 * used last (once per session) and the revocation list's state, asked on every visit — main refreshes
 * the list from the backend when it can, and a stale list stops signing.
 */
export function useSigningPrerequisites(): void {
  const hasRememberedKeyLoad = useWorkstation((state) => state.rememberedKey.kind !== 'idle');
  const loadRememberedKey = useWorkstation((state) => state.loadRememberedKey);
  const loadRevocationStatus = useWorkstation((state) => state.loadRevocationStatus);
  const run = useRunAction();

  useEffect(() => {
    if (!hasRememberedKeyLoad) run(loadRememberedKey());
  }, [hasRememberedKeyLoad, loadRememberedKey, run]);

  useEffect(() => {
    run(loadRevocationStatus());
  }, [loadRevocationStatus, run]);
}
