import path from 'node:path';
import type { BackendServiceTitles } from '../core/catalog/backendServiceSets';
import { ApplicationRegistrar } from './applications/applicationRegistrar';
import { FaultController, installFaultInjection, type FaultControl, type FaultPlan } from './faults';
import { OperatorDirectory } from './auth/operatorDirectory';
import { SessionRegistry } from './auth/sessionRegistry';
import { backendFixturesSchema, DEFAULT_FIXTURES, type BackendFixtures } from './fixtures';
import { DEMO_PKI } from './fixtures/demoPki';
import { BearerGuard } from './http/bearerAuth';
import { createHttpApp, type BackendTlsIdentity } from './http/createHttpApp';
import type { LogSink } from './http/safeLogging';
import { InFlightKeys } from './idempotency/inFlightKeys';
import { ProviderDesk } from './provider/providerDesk';
import { loadResultFonts } from './provider/resultPdf/resultFonts';
import { openBackendPki, type BackendPkiConfig } from './pki/backendPki';
import { BackendTrust, type ExtraTrust } from './pki/backendTrust';
import { CrlPublisher } from './pki/crlPublisher';
import { NotaryDirectory } from './registry/notaryDirectory';
import { RegistryDirectory } from './registry/registryDirectory';
import { registerApplicationRoutes } from './routes/applicationRoutes';
import { registerBlobRoutes } from './routes/blobRoutes';
import { registerHealthRoutes } from './routes/healthRoutes';
import { registerCapabilitiesRoutes } from './routes/capabilitiesRoutes';
import { DOCUMENT_LIMITS } from './applications/documentLimits';
import type { BackendLimits } from '../core/backendApi/wire';
import { registerNotaryRoutes } from './routes/notaryRoutes';
import { registerPkiRoutes } from './routes/pkiRoutes';
import { registerRegistryRoutes } from './routes/registryRoutes';
import { registerResultRoutes } from './routes/resultRoutes';
import { registerSessionRoutes } from './routes/sessionRoutes';
import { BackendStore } from './state/backendStore';
import { FileBlobStorage, MemoryBlobStorage } from './state/blobStorage';
import { StateFile } from './state/stateFile';

/** One simulated provider working day by default: a minute, so a demo sees its result 90 s after registering. */
export const DEFAULT_PROVIDER_DAY_MS = 60_000;

export interface BackendServerOptions {
  /** Default 127.0.0.1: the reference backend is for one machine unless told otherwise. */
  readonly host?: string;
  /** 0 (default) picks a free port; the chosen one is in `url`. */
  readonly port?: number;
  /** null (default): state in memory. A directory: state and blobs survive restarts. */
  readonly stateDir?: string | null;
  /** Catalog service ids an application may name. */
  readonly serviceIds: ReadonlySet<string>;
  /**
   * Services whose regulation requires the operator's EDS (catalog `operatorEdsRequired`): a body
   * without `operatorSignature` is refused. Default none. A signature that is present is verified
   * for every service.
   */
  readonly signatureRequiredServiceIds?: ReadonlySet<string>;
  /**
   * Per service id, the Kazakh and Russian title and provider the result documents print
   * (core/catalog/backendServiceSets.ts). A service without an entry prints its id.
   */
  readonly serviceTitles?: ReadonlyMap<string, BackendServiceTitles>;
  /**
   * Real milliseconds per simulated provider working day (backend/provider/providerTimeline.ts):
   * under review after 0.25 day, decided after 1, ready for hand-over after 1.5. Default
   * DEFAULT_PROVIDER_DAY_MS. Statuses are derived from `clock` on every read.
   */
  readonly providerDayMs?: number;
  /** Where DejaVuSans.ttf and DejaVuSans-Bold.ttf are, for the result PDFs; default `resources/fonts` under the working directory. */
  readonly fontsDir?: string;
  /** The CA trusted for operator signatures whose CRL the backend signs (GET /v1/pki/crl); default the demo PKI. */
  readonly pki?: BackendPkiConfig;
  /** Further CAs trusted for operator signatures, with their CRLs (PSC_BACKEND_TRUST_DIR): НУЦ РК's, or a GOST test PKI. */
  readonly extraTrust?: ExtraTrust;
  readonly clock?: () => Date;
  readonly fixtures?: BackendFixtures;
  /** Logging is off unless a sink is given; lines never carry identifiers, names or URLs. */
  readonly log?: LogSink | null;
  /**
   * Faults to inject from the start, for tests (backend/faults/faultPlan.ts): latency, 5xx, resets,
   * 429 with Retry-After, hangs, lost registration answers, outage windows. Default none; change
   * them at runtime with `RunningBackend.faults`. An invalid plan rejects with FaultPlanError.
   */
  readonly faults?: FaultPlan | null;
  /** Serve https with this certificate and key (PEM); default null = plain http. */
  readonly tls?: BackendTlsIdentity | null;
  /** Per-document limits published at GET /v1/capabilities and enforced at registration; default DOCUMENT_LIMITS (tests lower them). */
  readonly documentLimits?: BackendLimits;
}

export interface RunningBackend {
  /** Base URL, e.g. http://127.0.0.1:8787 (https://… when serving TLS; no trailing slash). */
  readonly url: string;
  /** Switches injected faults on, changes or clears them while the server runs. */
  readonly faults: FaultControl;
  close(): Promise<void>;
}

export type { BackendFixtures } from './fixtures';
export type { LogSink } from './http/safeLogging';
export type { BackendTlsIdentity } from './http/createHttpApp';
export type { FaultControl, FaultCounts, FaultPlan } from './faults';

/** Starts the reference licensing backend (backend/openapi.yaml) and resolves once it listens. */
export async function createBackendServer(options: BackendServerOptions): Promise<RunningBackend> {
  const fixtures = backendFixturesSchema.parse(options.fixtures ?? DEFAULT_FIXTURES);
  const clock = options.clock ?? (() => new Date());
  const stateDir = options.stateDir ?? null;
  const pki = openBackendPki(options.pki ?? DEMO_PKI);
  const crlPublisher = new CrlPublisher(pki);
  const trust = new BackendTrust(pki, crlPublisher, options.extraTrust);
  const faults = new FaultController(options.faults ?? null);
  const providerDayMs = options.providerDayMs ?? DEFAULT_PROVIDER_DAY_MS;
  if (!Number.isSafeInteger(providerDayMs) || providerDayMs <= 0) throw new RangeError('providerDayMs must be a positive whole number of milliseconds');
  // Read at start, so a missing font stops the server now rather than failing status reads later.
  const fonts = await loadResultFonts(options.fontsDir ?? path.resolve('resources', 'fonts'));

  const store = stateDir === null ? BackendStore.inMemory() : await BackendStore.open(new StateFile(stateDir));
  const blobs = stateDir === null ? new MemoryBlobStorage() : new FileBlobStorage(path.join(stateDir, 'blobs'));
  const sessions = stateDir === null ? SessionRegistry.inMemory() : await SessionRegistry.open(path.join(stateDir, 'sessions.json'), clock());
  const guard = new BearerGuard(sessions, clock);
  const directory = new RegistryDirectory(fixtures.persons, fixtures.legalEntities);
  const notary = new NotaryDirectory(fixtures.powersOfAttorney);
  const registrar = new ApplicationRegistrar({
    store,
    inFlight: new InFlightKeys(),
    serviceIds: options.serviceIds,
    registry: directory,
    notary,
    blobs,
    trust,
    signatureRequiredServiceIds: options.signatureRequiredServiceIds ?? new Set(),
    documentLimits: options.documentLimits ?? DOCUMENT_LIMITS,
    clock,
  });

  const provider = new ProviderDesk({
    msPerProviderDay: providerDayMs,
    refusals: new Map(fixtures.providerRefusals.map((r) => [r.identifier, r.reason])),
    registry: directory,
    serviceTitles: options.serviceTitles ?? new Map(),
    fonts,
    clock,
  });

  const app = createHttpApp(options.log ?? null, options.tls ?? null);
  // Before the routes, so every route (and the not-found handler) runs behind the fault hooks.
  installFaultInjection(app, faults);
  registerHealthRoutes(app, { clock });
  registerCapabilitiesRoutes(app, { limits: options.documentLimits ?? DOCUMENT_LIMITS });
  registerPkiRoutes(app, { crl: crlPublisher, trust, clock });
  registerSessionRoutes(app, { operators: new OperatorDirectory(fixtures.operators), sessions, clock });
  registerRegistryRoutes(app, { guard, directory, store, clock });
  registerNotaryRoutes(app, { guard, notary, store, clock });
  registerBlobRoutes(app, { guard, store, blobs, clock });
  registerApplicationRoutes(app, { guard, registrar, store, provider });
  registerResultRoutes(app, { guard, store, provider });

  try {
    const url = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
    return { url, faults, close: () => app.close() };
  } catch (error) {
    await app.close();
    throw error;
  }
}
