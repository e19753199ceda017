import { useEffect } from 'react';
import { useWorkstationStore } from '../store/StoreProvider';
import { findCommand } from './workstationCommands';

/** The one keyboard listener for commands; Enter and Tab stay with the focused form. */
export function useCommandShortcuts(): void {
  const store = useWorkstationStore();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat) return;
      const command = findCommand(event, store.getState());
      if (!command) return;
      event.preventDefault();
      command.perform(store.getState());
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
