// How the workstation trusts the licensing backend's TLS certificate (issue 8 item 5): the system
// roots or an administrator's CA bundle, plus optional public-key pins. The composition root
// builds one BackendFetch from the active settings; the settings service checks bundles and
// probes candidate servers with the functions re-exported here.
import { fetch as undiciFetch } from 'undici';
import { createTlsAgent, type BackendTlsOptions } from './tlsAgent';

export type { BackendTlsOptions } from './tlsAgent';
export { parseCaBundle } from './caBundle';
export { probeBackend, type ProbeError } from './probeBackend';
export { spkiPin } from './spkiPin';
export { PIN_MISMATCH_CODE, tlsFailureReasonOf } from './tlsFailureReason';

export interface BackendFetch {
  /** undici's fetch over this trust configuration's own connection pool (never the global dispatcher). */
  readonly fetch: typeof fetch;
  /** Destroys the pool: open connections are closed and in-flight requests fail. */
  close(): Promise<void>;
}

/** For HttpLicensingBackendOptions.fetch: one per running workstation, closed at shutdown. */
export function createBackendFetch(tls: BackendTlsOptions): BackendFetch {
  const agent = createTlsAgent(tls);
  // Same WHATWG fetch API; the Response is the npm undici's class rather than Node's bundled one,
  // so callers use its members (status, headers, body), never `instanceof Response`.
  const boundFetch = ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher: agent })) as unknown as typeof fetch;
  return { fetch: boundFetch, close: () => agent.destroy() };
}
