import { useEffect } from 'react';
import { useWorkstationStore } from '../store/StoreProvider';
import { useRunAction } from '../ui/useRunAction';
import { findCommand } from './workstationCommands';

/** The one keyboard listener for commands; Enter and Tab stay with the focused form. */
export function useCommandShortcuts(): void {
  const store = useWorkstationStore();
  const run = useRunAction();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat) return;
      const command = findCommand(event, store.getState());
      if (!command) return;
      event.preventDefault();
      const outcome = command.perform(store.getState());
      if (outcome) run(outcome);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, run]);
}
