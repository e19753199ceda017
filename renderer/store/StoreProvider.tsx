import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { WorkstationState, WorkstationStore } from './storeTypes';

const StoreContext = createContext<WorkstationStore | null>(null);

export function StoreProvider({ store, children }: { readonly store: WorkstationStore; readonly children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useWorkstationStore(): WorkstationStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useWorkstationStore outside <StoreProvider>');
  return store;
}

/** Subscribes to one narrow slice of state; the selector must return a primitive or a stable reference. */
export function useWorkstation<T>(selector: (state: WorkstationState) => T): T {
  return useStore(useWorkstationStore(), selector);
}

/** For selectors that build a new array or object of stable items on each call (filters, maps). */
export function useWorkstationShallow<T>(selector: (state: WorkstationState) => T): T {
  return useStore(useWorkstationStore(), useShallow(selector));
}
