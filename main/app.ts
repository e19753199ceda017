/**
 * Composition root: the only place that chooses concrete adapters and wires services together.
 * Both hosts (Electron and browser) call `createWorkstation` and expose the returned api.
 */
import { backendServiceSets } from '../core/catalog/backendServiceSets';
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogSchema, type Catalog } from '../core/catalog/catalogSchema';
import type { WorkstationApi } from '../core/contract/workstationApi';
import type { AppInfo } from '../core/contract/system';
import { HttpLicensingBackend } from './adapters/backend/HttpLicensingBackend';
import { EncryptedBlobStore } from './blobs/EncryptedBlobStore';
import type { AppConfig } from './config/appConfig';
import { loadBlobKey, type KeyWrapper } from './config/blobKey';
import { DatabaseReadOnlyError, SqlJsDatabase, type DbStorage } from './db/SqlJsDatabase';
import { MIGRATIONS } from './db/migrations';
import { removeStaleTempFiles } from './db/removeStaleTempFiles';
import { getSetting, putSetting } from './db/settings';
import { startEmbeddedBackend, type EmbeddedBackend } from './embeddedBackend';
import { systemClock, type Clock } from './ports/Clock';
import type { LicensingBackend } from './ports/LicensingBackend';
import { parseCalendarData } from '../core/calendar/calendarSchema';
import { CalendarHolder } from './services/CalendarHolder';
import { CatalogService } from './services/CatalogService';
import { SettingsService } from './services/SettingsService';
import { SettingsStore, readSavedBackendConnection } from './services/SettingsStore';
import { documentSlotsSchema } from '../core/catalog/documentSlots';
import { SaneScanner } from './adapters/scanner/SaneScanner';
import { CompositeScanner } from './adapters/scanner/CompositeScanner';
import { FolderScanner } from './adapters/scanner/FolderScanner';
import { SharpImagePipeline } from './imaging/SharpImagePipeline';
import type { Scanner } from './ports/Scanner';
import { DraftService } from './services/DraftService';
import { PageStore } from './services/PageStore';
import { ScanningService } from './services/ScanningService';
import { splitImportedFileWithSharp } from './services/importedFilePages';
import { OperatorSession } from './services/OperatorSession';
import { OutboxSender } from './services/OutboxSender';
import { RegistryService } from './services/RegistryService';
import { DEFAULT_SESSION_OPTIONS, SessionService } from './services/SessionService';
import { SqlAccountStore } from './accounts/AccountStore';
import { SubmissionsService } from './services/SubmissionsService';
import { SystemService, storedLanguage } from './services/SystemService';
import { composeSigning } from './composeSigning';
import { ConnectivityMonitor, DEFAULT_CONNECTIVITY } from './services/ConnectivityMonitor';
import { QueueService } from './services/QueueService';
import type { AgentSigner } from './ports/Signer';
import { ReceiptService, loadReceiptFonts } from './receipts/ReceiptService';
import { StatusChecker } from './status/StatusChecker';
import { StatusPoller, DEFAULT_STATUS_POLLER, nodePollTimers } from './status/StatusPoller';
import { StatusService } from './status/StatusService';
import { DEFAULT_STATUS_POLL } from './status/statusBackoff';
import { JournalService } from './journal/JournalService';
import { QuestionnaireService } from './questionnaire/QuestionnaireService';
import { composeDiagnostics } from './diagnostics/composeDiagnostics';
import { AuditLog } from './audit/AuditLog';
import { createBackendFetch, parseCaBundle, probeBackend, type BackendFetch } from './adapters/backend/backendTls';
import { describeActiveConnection, effectiveBackendConnection, sameConnection } from './config/backendConnection';
import { composeRetention } from './retention/composeRetention';
import { stderrOperationalLog, type OperationalLog } from './platform/operationalLog';
import { reportStorageAtStart } from './storage/reportStorageAtStart';
import { storageStatusOf } from './storage/storageStatus';
import { BackendLimitsCache } from './documents/BackendLimitsCache';

export interface AppPaths {
  readonly resourcesDir: string;
  readonly sqlWasm: string;
  /** The image worker bundle (out/imaging/imageWorker.mjs, built by scripts/build.mjs). */
  readonly imageWorkerUrl: URL;
  /** The database's checkpoint worker (out/db/snapshotWorker.mjs); absent: checkpoints export on the main thread. */
  readonly snapshotWorkerUrl?: URL;
}

export interface WorkstationOptions {
  readonly config: AppConfig;
  readonly host: AppInfo['host'];
  readonly version: string;
  readonly paths: AppPaths;
  readonly keyWrapper: KeyWrapper;
  /** Replaces the HTTP backend (tests). */
  readonly backend?: LicensingBackend;
  /** Replaces the SANE scanner (tests, demo). */
  readonly scanner?: Scanner;
  readonly clock?: Clock;
  readonly random?: () => number;
  /** How long submit waits for the backend before answering "accepted". */
  readonly sendBudgetMs?: number;
  readonly onUnexpectedError: (error: unknown) => void;
  /** Replaces NCALayer (tests: a fake agent); absent = NCALayer at the configured address. */
  readonly agentSigner?: AgentSigner | null;
  /** The operational log (issue 15 passes pino); default JSON lines on stderr. */
  readonly log?: OperationalLog;
  /** The database's file operations (tests: a full disk, power cuts); default the real file system. */
  readonly dbStorage?: DbStorage;
}

export interface Workstation {
  readonly api: WorkstationApi;
  readonly backendUrl: string;
  readonly backendMode: 'embedded' | 'configured';
  close(): Promise<void>;
}

export async function loadCatalog(resourcesDir: string): Promise<Catalog> {
  const file = path.join(resourcesDir, 'catalog', 'services.json');
  return catalogSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

export async function loadCalendarData(resourcesDir: string) {
  const parsed = parseCalendarData(JSON.parse(await readFile(path.join(resourcesDir, 'calendar', 'kz-calendar.json'), 'utf8')));
  if (!parsed.ok) throw new Error(`resources/calendar/kz-calendar.json is invalid: ${parsed.error.issues.slice(0, 3).join('; ')}`);
  return parsed.value;
}

export async function createWorkstation(options: WorkstationOptions): Promise<Workstation> {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });

  const log = options.log ?? stderrOperationalLog(() => clock.now());
  const catalog = await loadCatalog(options.paths.resourcesDir);
  const calendarData = await loadCalendarData(options.paths.resourcesDir);
  // A full (or read-only, or failing) disk still opens the database read-only: the queue can be
  // shown and the header says why; nothing is accepted, changed or sent until a restart.
  const db = await SqlJsDatabase.open({
    file: path.join(config.dataDir, 'workstation.sqlite'),
    wasmPath: options.paths.sqlWasm,
    migrations: MIGRATIONS,
    readOnlyFallback: true,
    ...(options.dbStorage ? { storage: options.dbStorage } : {}),
    snapshotWorkerUrl: options.paths.snapshotWorkerUrl ?? null,
    onBackgroundError: (error) => log.warn('storage.checkpoint-failed', { message: error instanceof Error ? error.message : String(error) }),
  });
  const openedAt = clock.now().toISOString();
  const readOnly = db.access.kind === 'read-only';
  const workstationId = await ensureWorkstationId(db);
  const blobKey = await loadBlobKey({ configKeyBase64: config.blobKeyBase64, keyFile: path.join(config.dataDir, 'blob.key'), wrapper: options.keyWrapper });
  const blobs = new EncryptedBlobStore(path.join(config.dataDir, 'blobs'), blobKey);
  // Blobs are sharded one level deep (blobs/ab/cdef…); the CRL cache is flat.
  await removeStaleTempFiles(path.join(config.dataDir, 'blobs'), 1);
  await removeStaleTempFiles(path.join(config.dataDir, 'pki'));

  // The backend chosen at start (admin file, environment, supervisor's setting, config.json); a
  // change saved in settings applies at the next start.
  const startupConnection = effectiveBackendConnection(config, readSavedBackendConnection(db));
  let embedded: EmbeddedBackend | null = null;
  let transport: BackendFetch | null = null;
  let backend = options.backend;
  if (!backend) {
    let url = startupConnection.url;
    if (url === null) {
      embedded = await startEmbeddedBackend({
        stateDir: path.join(config.dataDir, 'embedded-backend'),
        ...backendServiceSets(catalog),
        // The result PDFs' fonts from the app's own resources, wherever the app was started from.
        fontsDir: path.join(options.paths.resourcesDir, 'fonts'),
        ...(config.providerDayMs !== undefined ? { providerDayMs: config.providerDayMs } : {}),
      });
      url = embedded.url;
    }
    if (url.startsWith('https:')) transport = createBackendFetch({ caPem: startupConnection.caPem, pins: startupConnection.pins });
    backend = new HttpLicensingBackend({ baseUrl: url, timeoutMs: config.backendTimeoutMs, ...(transport ? { fetch: transport.fetch } : {}) });
  }
  const backendMode = embedded ? 'embedded' : 'configured';

  const session = new OperatorSession(clock);
  // Login and logout write nothing else: each is recorded in a durable write of its own.
  const audit = new AuditLog(db, clock);
  await reportStorageAtStart({ db, audit, log, clock });
  const recordSessionEvent = (operatorId: string, action: 'login' | 'logout') => {
    // A read-only start cannot record it; the operational log keeps the fact instead.
    if (db.access.kind !== 'writable') return log.warn('audit.not-recorded', { action, reason: db.access.kind });
    return audit.record({ operatorId, action, subject: null }).catch(options.onUnexpectedError);
  };
  session.onDidSignIn(() => {
    const operatorId = session.current()?.operator.operatorId;
    if (operatorId) void recordSessionEvent(operatorId, 'login');
  });
  session.onDidSignOut((operatorId) => void recordSessionEvent(operatorId, 'logout'));
  const pipeline = new SharpImagePipeline({ workerUrl: options.paths.imageWorkerUrl });
  const scanner = options.scanner ?? (await createScanner(config));
  const slotsData = documentSlotsSchema.parse(JSON.parse(await readFile(path.join(options.paths.resourcesDir, 'catalog', 'documentSlots.json'), 'utf8')));
  const fontBytes = new Uint8Array(await readFile(path.join(options.paths.resourcesDir, 'fonts', 'DejaVuSans.ttf')));
  const activeConnection = describeActiveConnection(backend.baseUrl, backendMode, startupConnection);
  const settingsStore = new SettingsStore(db, (key) => options.onUnexpectedError(new Error(`setting ${key} is unreadable; using its default`)), {
    admin: config.admin ?? null,
    backendLockedBy: config.backendUrlSource === 'environment' ? 'PSC_BACKEND_URL' : null,
    resolveBackend: (saved) => effectiveBackendConnection(config, saved),
    describeBackend: (saved) => {
      const next = effectiveBackendConnection(config, saved);
      const certificates = next.caPem ? parseCaBundle(next.caPem, clock.now()) : null;
      return {
        url: next.url,
        caCertificates: certificates?.ok ? certificates.value : [],
        pins: next.pins,
        active: activeConnection,
        restartRequired: !sameConnection(next, startupConnection),
      };
    },
  });
  const calendar = new CalendarHolder(calendarData, settingsStore);
  const catalogService = new CatalogService(catalog, session, settingsStore, calendar, clock);
  // The monitor kicks the outbox when the backend comes back; the outbox tells the monitor what each attempt learned.
  let sender: OutboxSender | null = null;
  let statusPoller: StatusPoller | null = null;
  const connectivity = new ConnectivityMonitor(backend, clock, {
    ...DEFAULT_CONNECTIVITY,
    onBackOnline: () => {
      sender?.kick();
      statusPoller?.kick();
      refreshDocumentLimits();
    },
  });
  // The backend's document limits, learned at start, at every sign-in and when it comes back; kept for offline work.
  const documentLimits = new BackendLimitsCache(db, backend, options.onUnexpectedError);
  const refreshDocumentLimits = () => void documentLimits.refresh().catch(options.onUnexpectedError);
  session.onDidSignIn(refreshDocumentLimits);
  sender = new OutboxSender(db, blobs, backend, session, clock, {
    random: options.random ?? Math.random,
    maxIdleMs: 30_000,
    onUnexpectedError: options.onUnexpectedError,
    onReachability: (reachable, failure) => connectivity.observe(reachable, failure),
    onRegistered: () => {
      connectivity.synced();
      // The first status check follows the registration at once (the poller backs off from there).
      statusPoller?.kick();
    },
  });
  session.onDidSignIn(() => sender.kick());
  const statusChecker = new StatusChecker(db, backend, session, clock, {
    policy: { ...DEFAULT_STATUS_POLL, ...(config.statusPollBaseMs !== undefined ? { baseMs: config.statusPollBaseMs } : {}) },
    onReachability: (reachable, failure) => connectivity.observe(reachable, failure),
  });
  const status = new StatusService(db, blobs, backend, session, statusChecker, clock, audit);
  statusPoller = new StatusPoller(db, statusChecker, session, clock, nodePollTimers, {
    ...DEFAULT_STATUS_POLLER,
    isOffline: () => connectivity.current().state === 'offline',
    onUnexpectedError: options.onUnexpectedError,
    prefetchResult: (applicationId) => status.prefetch(applicationId),
  });
  session.onDidSignIn(() => statusPoller?.kick());
  const pages = new PageStore(db, blobs, pipeline, clock);
  const drafts = new DraftService(db, blobs, session, catalogService, slotsData, pages, pipeline, splitImportedFileWithSharp, clock, audit);
  const scanning = new ScanningService(scanner, session, drafts, pages, audit);
  const signing = await composeSigning({
    config,
    resourcesDir: options.paths.resourcesDir,
    db,
    session,
    backend,
    clock,
    ...(options.agentSigner !== undefined ? { agentSigner: options.agentSigner } : {}),
    onUnexpectedError: options.onUnexpectedError,
  });

  const api: WorkstationApi = {
    session: new SessionService(backend, session, () => workstationId, new SqlAccountStore(db), clock, {
      ...DEFAULT_SESSION_OPTIONS,
      ...(config.offlineVerifierDays !== undefined ? { verifierMaxAgeDays: config.offlineVerifierDays } : {}),
      onUnexpectedError: options.onUnexpectedError,
    }),
    catalog: catalogService,
    registry: new RegistryService(backend, session, catalogService, db, clock, audit),
    submissions: new SubmissionsService(db, session, catalogService, sender, drafts, blobs, clock, signing.service, {
      workstationId: () => workstationId,
      fontBytes,
      sendBudgetMs: options.sendBudgetMs ?? 8_000,
      audit,
      documentLimits: () => documentLimits.current().limits,
    }),
    system: new SystemService(
      db,
      {
        version: options.version,
        host: options.host,
        backend: { mode: backendMode, url: backend.baseUrl },
      },
      () => storageStatusOf(db, openedAt),
    ),
    settings: new SettingsService(
      settingsStore,
      session,
      catalogService,
      {
        parseCaBundle: (pem) => parseCaBundle(pem, clock.now()),
        probe: (url, tls) => probeBackend(url, tls, config.backendTimeoutMs),
        embeddedUrl: () => embedded?.url ?? null,
      },
      audit,
    ),
    drafts,
    scanning,
    signing: signing.service,
    queue: new QueueService(db, session, sender, connectivity, signing.service, blobs, clock),
    receipts: new ReceiptService(db, session, catalog, slotsData, await loadReceiptFonts(options.paths.resourcesDir), audit),
    status,
    questionnaire: new QuestionnaireService(db, session, catalog, clock),
    journal: new JournalService(db, session, catalog, clock, { csvLanguage: () => storedLanguage(db) }),
    diagnostics: composeDiagnostics({
      session,
      clock,
      app: { version: options.version, host: options.host, dataDir: config.dataDir },
      databaseFile: path.join(config.dataDir, 'workstation.sqlite'),
      backend,
      backendMode,
      connectivity: () => connectivity.current(),
      revocationStatus: () => signing.service.revocationStatus(),
      queueStatus: () => api.queue.status(),
      scanner,
      saneConfigDir: config.saneConfigDir ?? undefined,
      packageSearchFrom: [path.dirname(process.argv[1] ?? '.'), options.paths.resourcesDir, process.cwd()],
      onUnexpectedError: options.onUnexpectedError,
      storageStatus: () => storageStatusOf(db, openedAt),
    }),
  };
  const retention = composeRetention({ db, blobs, clock, audit, retentionDays: () => settingsStore.retentionDays(), onUnexpectedError: options.onUnexpectedError });
  // After a durability failure nothing may act on the database's memory: sending, polling and purging stop for good.
  db.onDurabilityFailure((error) => {
    log.error('storage.failed', { message: error.message });
    sender.halt(error);
    void statusPoller.stop();
    void retention.stop();
  });
  connectivity.start();
  refreshDocumentLimits();
  if (readOnly) {
    // Sending would register applications whose registration cannot be recorded here; purging cannot write.
    log.warn('outbox.not-started', { reason: 'read-only database' });
  } else {
    sender.start();
    statusPoller.start();
    retention.start();
  }

  return {
    api,
    backendUrl: backend.baseUrl,
    backendMode,
    async close() {
      await retention.stop();
      await scanning.settle();
      signing.close();
      connectivity.stop();
      await statusPoller.stop();
      await status.settle();
      await sender.stop();
      await documentLimits.stop();
      await pipeline.close();
      await audit.settle();
      await db.close();
      await transport?.close();
      await embedded?.close();
    },
  };
}

/**
 * SANE scanners plus any watched MFP folders, behind one Scanner. Pages wait for delivery under
 * the private data directory (not /tmp), and leftovers of a crashed scan are removed at start.
 */
async function createScanner(config: AppConfig): Promise<Scanner> {
  const sane = new SaneScanner({
    tempRoot: path.join(config.dataDir, 'scan-tmp'),
    ...(config.saneConfigDir ? { saneConfigDir: config.saneConfigDir } : {}),
  });
  await mkdir(path.join(config.dataDir, 'scan-tmp'), { recursive: true, mode: 0o700 });
  await sane.removeStaleTempDirs();
  if (config.watchedFolders.length === 0) return sane;
  return new CompositeScanner([sane, new FolderScanner({ folders: config.watchedFolders })]);
}

async function ensureWorkstationId(db: SqlJsDatabase): Promise<string> {
  const existing = db.read((r) => getSetting(r, 'workstation.id'));
  if (existing) return existing;
  const access = db.access;
  if (access.kind === 'read-only') throw new DatabaseReadOnlyError(access.reason);
  const id = randomUUID();
  await db.write((w) => putSetting(w, 'workstation.id', id));
  return id;
}
