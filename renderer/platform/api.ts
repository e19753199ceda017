/**
 * The only module that reads `window.workstation`. Components never call this: main.tsx builds the
 * store from its result, and tests build the store from a fake WorkstationApi instead.
 */
import type { WorkstationApi } from '../../core/contract';
import { takeHostToken } from './hostToken';
import { createHttpContractClient } from './httpContractClient';

declare global {
  interface Window {
    /** Exposed by the Electron preload (preload/index.ts); absent when the browser host serves the renderer. */
    readonly workstation?: WorkstationApi;
  }
}

export function getWorkstationApi(): WorkstationApi {
  if (window.workstation) return window.workstation;
  const token = takeHostToken({ location: window.location, history: window.history, storage: window.sessionStorage });
  return createHttpContractClient({ token, fetch: (input, init) => window.fetch(input, init) });
}
