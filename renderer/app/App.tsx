import type { WorkstationStore } from '../store/storeTypes';
import { StoreProvider } from '../store/StoreProvider';
import { ConnectionErrorBoundary } from './ConnectionErrorBoundary';
import { WorkstationShell } from './WorkstationShell';

/** The whole renderer for a given store; main.tsx passes the real one, tests one built on a fake api. */
export function App({ store }: { readonly store: WorkstationStore }) {
  return (
    <StoreProvider store={store}>
      <ConnectionErrorBoundary>
        <WorkstationShell />
      </ConnectionErrorBoundary>
    </StoreProvider>
  );
}
