import { useEffect } from 'react';
import { useWorkstation } from '../../store/StoreProvider';
import { useRunAction } from '../../ui/useRunAction';
import { selectIdleLockMinutes, selectIsSignedIn } from './sessionSelectors';

/** What counts as the operator being at the keyboard. Captured on window, so no component can swallow it. */
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/**
 * Idle auto-lock (issue #8 item 2): while someone is signed in, `idleLockMinutes` without keyboard
 * or mouse activity locks the workstation — the same wipe of citizen data as logout, and main ends
 * its session. Activity only stamps a time (mousemove fires constantly); one timer checks it.
 */
export function useIdleLock(): void {
  const isSignedIn = useWorkstation(selectIsSignedIn);
  const minutes = useWorkstation(selectIdleLockMinutes);
  const loadIdleLockMinutes = useWorkstation((state) => state.loadIdleLockMinutes);
  const lockForInactivity = useWorkstation((state) => state.lockForInactivity);
  const run = useRunAction();

  useEffect(() => {
    if (isSignedIn) run(loadIdleLockMinutes());
  }, [isSignedIn, loadIdleLockMinutes, run]);

  useEffect(() => {
    if (!isSignedIn) return undefined;
    const timeoutMs = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (delayMs: number) => {
      timer = setTimeout(() => {
        const idleMs = Date.now() - lastActivity;
        if (idleMs >= timeoutMs) run(lockForInactivity());
        else arm(timeoutMs - idleMs);
      }, delayMs);
    };
    const onActivity = () => {
      lastActivity = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    arm(timeoutMs);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [isSignedIn, minutes, lockForInactivity, run]);
}
