// The one module of main/ allowed to import backend/ (eslint/layeringRule.js): with no backend URL
// configured, the workstation runs the reference backend in-process on loopback with demo fixtures.
import { createBackendServer } from '../backend/createBackendServer';

export interface EmbeddedBackend {
  readonly url: string;
  close(): Promise<void>;
}

export function startEmbeddedBackend(options: {
  stateDir: string;
  serviceIds: ReadonlySet<string>;
  /** Services whose regulation requires the operator's EDS: the backend refuses them unsigned. */
  signatureRequiredServiceIds: ReadonlySet<string>;
}): Promise<EmbeddedBackend> {
  return createBackendServer({
    host: '127.0.0.1',
    port: 0,
    stateDir: options.stateDir,
    serviceIds: options.serviceIds,
    signatureRequiredServiceIds: options.signatureRequiredServiceIds,
  });
}
