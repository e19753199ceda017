// The one module of main/ allowed to import backend/ (eslint/layeringRule.js): with no backend URL
// configured, the workstation runs the reference backend in-process on loopback with demo fixtures.
import { createBackendServer } from '../backend/createBackendServer';
import type { BackendServiceTitles } from '../core/catalog/backendServiceSets';

export interface EmbeddedBackend {
  readonly url: string;
  close(): Promise<void>;
}

export function startEmbeddedBackend(options: {
  stateDir: string;
  serviceIds: ReadonlySet<string>;
  /** Services whose regulation requires the operator's EDS: the backend refuses them unsigned. */
  signatureRequiredServiceIds: ReadonlySet<string>;
  /** Titles and provider per service id, printed on the result documents (backendServiceSets gives them). */
  serviceTitles?: ReadonlyMap<string, BackendServiceTitles>;
  /** Real milliseconds per simulated provider working day; default 60 000 (result after 90 s). */
  providerDayMs?: number;
  /** resources/fonts (DejaVu) for the result PDFs; default `resources/fonts` under the working directory. */
  fontsDir?: string;
}): Promise<EmbeddedBackend> {
  return createBackendServer({
    host: '127.0.0.1',
    port: 0,
    stateDir: options.stateDir,
    serviceIds: options.serviceIds,
    signatureRequiredServiceIds: options.signatureRequiredServiceIds,
    ...(options.serviceTitles === undefined ? {} : { serviceTitles: options.serviceTitles }),
    ...(options.providerDayMs === undefined ? {} : { providerDayMs: options.providerDayMs }),
    ...(options.fontsDir === undefined ? {} : { fontsDir: options.fontsDir }),
  });
}
